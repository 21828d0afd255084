#include "assemble/assemble.h"

#include <optional>
#include <string_view>
#include <utility>

#include "fields/credit.h"
#include "fields/dateline.h"
#include "fields/language.h"

namespace lede::assemble {
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

// 3. Language: the declaration when cld2 agrees or cannot tell; cld2's
// reading otherwise. `declared` is nullopt where the input cannot declare one.
void fill_language(const std::optional<std::string>& declared, Article& article) {
  fields::DetectedLanguage detected = fields::detect_language(article.text);
  if (!detected.reliable) {
    article.language = declared.value_or("");
    return;
  }
  if (!declared) {
    article.language = detected.code;
  } else if (declared->empty()) {
    article.language = detected.code;
    article.warnings.push_back("language not declared; detected " + detected.code);
  } else if (!fields::are_confusable(*declared, detected.code)) {
    article.language = detected.code;
    article.warnings.push_back("declared language " + *declared + " differs from detected " +
                               detected.code);
  } else {
    article.language = *declared;
  }
}

// 4. Dateline and agency.
void fill_dateline(const std::vector<std::string>& byline_agencies, Article& article) {
  if (auto d = fields::find_dateline(first_paragraph(article))) {
    article.dateline.place = d->place;
    article.dateline.agency = d->agency;
  }
  // An agency named where the byline was ("By Reuters") when the dateline named none.
  if (article.dateline.agency.empty())
    for (const std::string& a : byline_agencies)
      if (fields::is_agency_name(a)) {
        article.dateline.agency = a;
        break;
      }
}

void append(std::vector<std::string>& to, std::vector<std::string> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

Article from_page(const metadata::PageMetadata& meta, extraction::Body body, Article article) {
  // 1. What the page states.
  article.title = meta.title;
  article.description = meta.description;
  article.canonical_url = meta.canonical_url;
  article.site = meta.site;
  article.published = meta.published;
  article.modified = meta.modified;
  article.authors = meta.authors;
  article.section = meta.section;
  article.tags = meta.tags;
  // 2. The body.
  article.text = std::move(body.text);
  article.blocks = std::move(body.blocks);
  article.images = std::move(body.images);
  article.source.method = std::move(body.method);
  article.page_type = std::move(body.page_type);
  // 6. Warnings (before those this function adds).
  append(article.warnings, meta.warnings);
  // 3.-5.
  fill_language(meta.declared_language, article);
  fill_dateline(meta.agencies, article);
  if (article.images.empty() && !meta.image_url.empty())
    article.images.push_back(Image{meta.image_url, "", ""});
  return article;
}

Article from_text(textmode::TextArticle found, Article article) {
  // 1. What the text states.
  article.title = std::move(found.title);
  article.published = std::move(found.published);
  article.authors = std::move(found.authors);
  // 2. The body; captions found in the text are its photos.
  article.text = std::move(found.text);
  article.blocks = std::move(found.blocks);
  article.images = std::move(found.images);
  article.source.method = std::move(found.method);
  // 6. Warnings.
  append(article.warnings, std::move(found.warnings));
  // 3.-4. Text declares no language.
  fill_language(std::nullopt, article);
  fill_dateline(found.agencies, article);
  return article;
}

}  // namespace lede::assemble
