// fill_metadata: the metadata fields of an Article, including those that need the body.
#include <string_view>

#include "metadata/language.h"
#include "metadata/metadata.h"
#include "metadata/title.h"
#include "news/credit.h"
#include "news/dateline.h"

namespace lede::metadata {
namespace {

// The body's first paragraph, where a dateline stands.
std::string_view first_paragraph(const Article& article) {
  for (const Block& b : article.blocks) {
    if (b.type != BlockType::kParagraph) continue;
    if (b.end > article.text.size() || b.start >= b.end) break;
    return std::string_view(article.text).substr(b.start, b.end - b.start);
  }
  std::string_view text = article.text;
  return text.substr(0, text.find("\n\n"));
}

// Language: the declaration when cld2 agrees or cannot tell; cld2's reading otherwise.
void fill_language(const PageMetadata& meta, Article& article) {
  const std::string& declared = meta.declared_language;
  DetectedLanguage detected = detect_language(article.text);
  if (!detected.reliable) {
    article.language = declared;
    return;
  }
  if (declared.empty()) {
    article.language = detected.code;
    article.warnings.push_back("language not declared; detected " + detected.code);
  } else if (!are_confusable(declared, detected.code)) {
    article.language = detected.code;
    article.warnings.push_back("declared language " + declared + " differs from detected " +
                               detected.code);
  } else {
    article.language = declared;
  }
}

void fill_dateline(const PageMetadata& meta, Article& article) {
  if (auto d = news::find_dateline(first_paragraph(article))) {
    article.dateline.place = d->place;
    article.dateline.agency = d->agency;
  }
  // An agency named where the byline was ("By Reuters") when the dateline named none.
  if (article.dateline.agency.empty())
    for (const std::string& a : meta.agencies)
      if (news::is_agency_name(a)) {
        article.dateline.agency = a;
        break;
      }
}

}  // namespace

void fill_metadata(const PageMetadata& meta, Article& article) {
  article.title = meta.title;
  article.description = meta.description;
  article.canonical_url = meta.canonical_url;
  article.site = meta.site;
  article.published = meta.published;
  article.modified = meta.modified;
  article.authors = meta.authors;
  article.section = meta.section;
  article.tags = meta.tags;
  article.warnings.insert(article.warnings.end(), meta.warnings.begin(), meta.warnings.end());
  fill_language(meta, article);
  fill_dateline(meta, article);
  if (article.images.empty() && !meta.image_url.empty())
    article.images.push_back(Image{meta.image_url, "", ""});
}

}  // namespace lede::metadata
