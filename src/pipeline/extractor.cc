// The pipeline: bytes -> UTF-8 -> Document -> metadata -> body -> Article,
// or for text: bytes -> UTF-8 -> text mode -> Article; then the analysis.
#include <string>

#include "analysis/analyze.h"
#include "assemble/assemble.h"
#include "core/deadline.h"
#include "core/text.h"
#include "html/parse.h"
#include "input/decode.h"
#include "input/read.h"
#include "lede/lede.h"
#include "extraction/extractor.h"
#include "metadata/metadata.h"
#include "textmode/text_mode.h"

namespace lede {
namespace {

// Markup is recognised by a tag near the start; anything else is text.
constexpr size_t kSniffBytes = 1024;

bool looks_like_markup(std::string_view utf8) {
  std::string head = core::ascii_lower(utf8.substr(0, kSniffBytes));
  for (std::string_view tag :
       {"<!doctype", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article",
        "<script", "<table", "<!--", "<link", "<?xml", "<section", "<main", "<span", "<h1"})
    if (head.find(tag) != std::string::npos) return true;
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

  Result<Article> run(std::string_view bytes, const Options& options);
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

Result<Article> Extractor::Impl::run(std::string_view bytes, const Options& options) {
  Article article;  // what is known before any stage: source, url, warnings
  article.url = options.url;
  article.source.path = options.path;
  article.source.bytes = bytes.size();
  const Limits& limits = options.limits;
  // Limits::max_millis: polled inside the parser, checked at each stage boundary below.
  core::Deadline deadline = core::Deadline::after_millis(limits.max_millis);
  if (bytes.size() > limits.max_input_bytes)
    return make_error(ErrorCode::kTooLarge,
                      "input of " + std::to_string(bytes.size()) + " bytes is over the limit of " +
                          std::to_string(limits.max_input_bytes) + " (max_input_bytes)");
  // 1. Inflate gzip input.
  std::string inflated;
  if (input::is_gzip(bytes)) {
    auto r = input::gunzip(bytes, limits.max_input_bytes);
    if (!r) return tl::unexpected(r.error());
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
  if (!doc.limit_hit().empty())
    article.warnings.push_back("limit hit: " + doc.limit_hit() + "; the rest of the page was cut");
  if (deadline.expired_now()) return out_of_time(limits, "parsing");  // max_millis

  // 4. Metadata: what the page says about the article (completed after the body).
  metadata::PageMetadata meta = metadata::read_metadata(doc, options.url);
  if (deadline.expired_now()) return out_of_time(limits, "metadata");  // max_millis

  // 5. Body.
  extraction::BodyHints hints{meta.title, meta.json_ld.article_body, options.explain != nullptr};
  extraction::Body body = this->body.extract(doc, hints);
  if (options.explain) *options.explain = std::move(body.explanation);
  if (deadline.expired_now()) return out_of_time(limits, "extraction");  // max_millis
  if (body.text.empty())
    return make_error(ErrorCode::kNoContent, "no article text found in the page");

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
    Result<Article> article = impl_->run(bytes, options);
    // 7. News analysis, for HTML and text alike.
    if (article && options.analyze) {
      analysis::AnalyzeOptions analyze_options;
      analyze_options.reference_date = article->published.empty() ? options.reference_date : "";
      analysis::analyze(*article, analyze_options);
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

}  // namespace lede
