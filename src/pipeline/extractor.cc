// The pipeline: bytes -> UTF-8 -> Document -> metadata -> body -> Article,
// or for text: bytes -> UTF-8 -> text mode -> Article; then the analysis.
#include "extraction/extractor.h"

#include <optional>
#include <string>

#include "analysis/analyze.h"
#include "assemble/assemble.h"
#include "core/deadline.h"
#include "core/text.h"
#include "core/url.h"
#include "html/parse.h"
#include "input/decode.h"
#include "input/read.h"
#include "lede/lede.h"
#include "metadata/metadata.h"
#include "textmode/text_mode.h"

namespace lede {
namespace {

// Markup is recognised by a tag near the start; anything else is text.
constexpr size_t kSniffBytes = 1024;
// A server may print its warnings ("<b>Warning</b>: ... on line <b>18</b><br />") before the
// page: a document's own opening tags are looked for this far.
constexpr size_t kSniffDocumentBytes = 64 * 1024;

bool looks_like_markup(std::string_view utf8) {
  std::string head = core::ascii_lower(utf8.substr(0, kSniffBytes));
  for (std::string_view tag :
       {"<!doctype", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article",
        "<script", "<table", "<!--", "<link", "<?xml", "<section", "<main", "<span", "<h1"})
    if (head.find(tag) != std::string::npos) return true;
  if (utf8.size() <= kSniffBytes) return false;
  const std::string_view document_head = utf8.substr(0, kSniffDocumentBytes);
  for (std::string_view tag : {"<!doctype html", "<html", "<body"})
    if (core::icontains(document_head, tag)) return true;
  return false;
}

// Limits::max_millis: the error for a page that ran out of time in `stage`.
tl::unexpected<Error> out_of_time(const Limits& limits, std::string_view stage) {
  return make_error(ErrorCode::kLimitExceeded,
                    "the page took longer than " + std::to_string(limits.max_millis) +
                        " ms (max_millis); stopped in " + std::string(stage));
}

bool only_space(std::string_view s) {
  for (char c : s)
    if (!core::is_ascii_space(c)) return false;
  return true;
}

}  // namespace

struct Extractor::Impl {
  html::Document doc;
  extraction::BodyExtractor body;

  Result<Article> run(std::string_view bytes, const Options& options, core::Deadline& deadline);
  Result<Article> from_text(std::string_view utf8, Article started, core::Deadline& deadline,
                            const Limits& limits);
};

// Text mode enters after the field parsers: the text's own structure gives the record.
Result<Article> Extractor::Impl::from_text(std::string_view utf8, Article started,
                                           core::Deadline& deadline, const Limits& limits) {
  started.source.kind = "text";
  textmode::TextArticle found = textmode::read_text(utf8);
  if (deadline.expired_now()) return out_of_time(limits, "text mode");  // max_millis
  if (found.text.empty())
    return make_error(ErrorCode::kNoContent, "no article text found in the text");
  return assemble::from_text(std::move(found), std::move(started));
}

Result<Article> Extractor::Impl::run(std::string_view bytes, const Options& options,
                                     core::Deadline& deadline) {
  Article article;  // what is known before any stage: source, url, warnings
  article.url = options.url;
  article.source.path = options.path;
  article.source.bytes = bytes.size();
  const Limits& limits = options.limits;
  // The kind of page the caller gives, if any (read as that: step 5).
  std::optional<extraction::PageTypeDecision> given;
  if (!options.page_type.empty()) {
    const std::optional<extraction::PageType> type = extraction::page_type_named(options.page_type);
    if (!type) {
      std::string kinds;  // "article, forum, ... or other"
      const std::vector<std::string_view>& names = page_type_names();
      for (size_t i = 0; i < names.size(); ++i)
        kinds.append(i == 0 ? "" : i + 1 < names.size() ? ", " : " or ").append(names[i]);
      return make_error(ErrorCode::kUsage, "page_type \"" + options.page_type +
                                               "\" is not a kind of page lede knows: give " +
                                               kinds + " (or none)");
    }
    given = extraction::given_page_type(*type);
  }
  if (bytes.size() > limits.max_input_bytes)
    return make_error(ErrorCode::kTooLarge,
                      "input of " + std::to_string(bytes.size()) + " bytes is over the limit of " +
                          std::to_string(limits.max_input_bytes) + " (max_input_bytes)");
  // 1. Inflate gzip input.
  std::string inflated;
  if (input::is_gzip(bytes)) {
    std::string truncated;
    auto r = input::gunzip(bytes, limits.max_input_bytes, &truncated);
    if (!r) return tl::unexpected(r.error());
    if (!truncated.empty()) article.warnings.push_back("truncated input: " + truncated);
    inflated = std::move(*r);
    bytes = inflated;
    if (deadline.expired_now()) return out_of_time(limits, "inflating");  // max_millis
  }
  if (only_space(bytes)) return make_error(ErrorCode::kEmptyInput, "the input is empty");

  // 2. Decode to UTF-8.
  auto decoded =
      input::decode_to_utf8(bytes, options.http_charset, options.from != InputFormat::kText);
  if (!decoded) return tl::unexpected(decoded.error());
  article.source.charset = decoded->charset;
  if (decoded->replaced) article.warnings.push_back("invalid bytes replaced with U+FFFD");
  if (!decoded->declared.empty())
    article.warnings.push_back("declared charset " + decoded->declared +
                               " ignored: the bytes are valid UTF-8");
  const std::string& utf8 = decoded->utf8;
  if (deadline.expired_now()) return out_of_time(limits, "decoding");  // max_millis

  InputFormat format = options.from;
  if (format == InputFormat::kAuto)
    format = looks_like_markup(utf8) ? InputFormat::kHtml : InputFormat::kText;
  if (format == InputFormat::kText) return from_text(utf8, std::move(article), deadline, limits);
  article.source.kind = "html";

  // 3. Parse.
  html::DomLimits dom_limits{limits.max_nodes, limits.max_depth, &deadline};
  html::parse(
      utf8, doc, dom_limits,
      options.parser == Parser::kGumbo ? html::ParserKind::kGumbo : html::ParserKind::kLede);
  // Say what the limit did: max_depth keeps the deeper content (attached at
  // the deepest level), max_nodes and max_millis end the DOM there.
  // The document notes the first limit hit; the node cap can follow a depth one.
  const std::string& hit = doc.limit_hit();
  if (hit.rfind("max_depth", 0) == 0) {
    article.warnings.push_back("limit hit: " + hit +
                               "; elements nested deeper were attached at that depth, their "
                               "content kept");
    if (doc.node_count() >= limits.max_nodes)
      article.warnings.push_back("limit hit: max_nodes (" + std::to_string(limits.max_nodes) +
                                 "); the rest of the page was cut");
  } else if (!hit.empty()) {
    article.warnings.push_back("limit hit: " + hit + "; the rest of the page was cut");
  }
  if (deadline.expired_now()) return out_of_time(limits, "parsing");  // max_millis
  // What the page's scripts would do first: streamed content to its place.
  html::place_streamed_segments(doc, dom_limits.max_depth);

  // 4. Metadata: what the page says about the article (completed after the body).
  metadata::PageMetadata meta = metadata::read_metadata(doc, options.url);
  if (deadline.expired_now()) return out_of_time(limits, "metadata");  // max_millis

  // 5. Body.
  const std::string site_domain = core::domain_of(meta.canonical_url);
  extraction::BodyHints hints{meta.title, meta.json_ld.article_body, site_domain,
                              options.explain != nullptr};
  if (given) hints.page_type = &*given;
  extraction::Body body = this->body.extract(doc, hints);
  if (options.explain) *options.explain = std::move(body.explanation);
  if (deadline.expired_now()) return out_of_time(limits, "extraction");  // max_millis
  // A page without a body still says what it is: its record keeps the metadata, with empty
  // text and the warning kNoContentWarning.
  if (body.text.empty()) article.warnings.push_back(std::string(kNoContentWarning));

  // 6. The record: evidence and body together; language, dateline, lead image.
  return assemble::from_page(meta, std::move(body), std::move(article));
}

Extractor::Extractor() : impl_(std::make_unique<Impl>()) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Result<Article> Extractor::extract(std::string_view bytes, const Options& options) {
  // Nothing thrown below may cross the API; allocation failure is the one
  // exception lede's own code can meet.
  try {
    // Limits::max_millis: one budget for the whole page, extraction and analysis
    // together; polled inside the parser and the analysis, checked at each stage
    // boundary.
    core::Deadline deadline = core::Deadline::after_millis(options.limits.max_millis);
    Result<Article> article = impl_->run(bytes, options, deadline);
    // 7. News analysis, for HTML and text alike.
    if (article && options.analyze) {
      analysis::AnalyzeOptions analyze_options;
      analyze_options.reference_date = article->published.empty() ? options.reference_date : "";
      analyze_options.deadline = &deadline;
      // Out of time in the analysis: the extracted record stands, without
      // analysis and with a warning. The article itself was found within the
      // budget and is what most callers want; an error would throw it away for
      // the sake of the optional layer.
      if (!analysis::analyze(*article, analyze_options))
        article->warnings.push_back("analysis stopped: the page took longer than " +
                                    std::to_string(options.limits.max_millis) +
                                    " ms (max_millis); the record has no quotes, people or times");
    }
    return article;
  } catch (const std::exception& e) {
    return make_error(ErrorCode::kInternal, std::string("internal error: ") + e.what());
  }
}

Result<Article> extract(std::string_view bytes, const Options& options) {
  Extractor extractor;
  return extractor.extract(bytes, options);
}

std::string_view version() { return LEDE_VERSION; }

const std::vector<std::string_view>& page_type_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> all;
    for (uint8_t t = 0; t <= static_cast<uint8_t>(extraction::PageType::kOther); ++t)
      all.push_back(extraction::page_type_name(static_cast<extraction::PageType>(t)));
    return all;
  }();
  return names;
}

}  // namespace lede
