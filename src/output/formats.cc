#include <algorithm>
#include <optional>
#include <string>

#include "lede/output.h"
#include "output/json_writer.h"

namespace lede {
namespace {

using output::JsonWriter;

std::string_view block_type_name(BlockType t) {
  switch (t) {
    case BlockType::kHeading:
      return "heading";
    case BlockType::kParagraph:
      return "paragraph";
    case BlockType::kList:
      return "list";
    case BlockType::kQuote:
      return "quote";
    case BlockType::kPreformatted:
      return "preformatted";
    case BlockType::kTable:
      return "table";
  }
  return "paragraph";
}

// Fields where 0 stands for none (a block's level, an HTTP status): the number or nothing.
std::optional<int64_t> unless_zero(int64_t v) {
  return v != 0 ? std::optional<int64_t>(v) : std::nullopt;
}

void write_strings(JsonWriter& w, const std::vector<std::string>& v) {
  w.begin_array();
  for (const auto& s : v) w.string(s);
  w.end_array();
}

void write_span(JsonWriter& w, uint32_t start, uint32_t end) {
  w.key("start");
  w.number(start);
  w.key("end");
  w.number(end);
}

void write_source(JsonWriter& w, const Source& s) {
  w.begin_object();
  w.key("path");
  w.string(s.path);
  w.key("kind");
  w.string_or_null(s.kind);
  w.key("bytes");
  w.number(static_cast<int64_t>(s.bytes));
  w.key("charset");
  w.string_or_null(s.charset);
  w.key("method");
  w.string_or_null(s.method);
  w.key("offset");
  w.number_or_null(s.offset);
  w.key("target_uri");
  w.string_or_null(s.target_uri);
  w.key("warc_date");
  w.string_or_null(s.warc_date);
  w.key("fetched_at");
  w.string_or_null(s.fetched_at);
  w.key("status");
  w.number_or_null(unless_zero(s.status));
  w.key("redirects");
  write_strings(w, s.redirects);
  w.end_object();
}

}  // namespace

std::string to_json(const Article& a, int indent) {
  std::string out;
  out.reserve(a.text.size() + 1024);
  JsonWriter w(out, indent);
  w.begin_object();
  w.key("url");
  w.string_or_null(a.url);
  w.key("canonical_url");
  w.string_or_null(a.canonical_url);
  w.key("site");
  w.begin_object();
  w.key("name");
  w.string_or_null(a.site.name);
  w.key("domain");
  w.string_or_null(a.site.domain);
  w.end_object();
  w.key("language");
  w.string_or_null(a.language);
  w.key("title");
  w.string_or_null(a.title);
  w.key("page_type");
  w.string_or_null(a.page_type);
  w.key("description");
  w.string_or_null(a.description);
  w.key("published");
  w.string_or_null(a.published);
  w.key("modified");
  w.string_or_null(a.modified);
  w.key("authors");
  write_strings(w, a.authors);
  w.key("section");
  w.string_or_null(a.section);
  w.key("tags");
  write_strings(w, a.tags);
  w.key("dateline");
  w.begin_object();
  w.key("place");
  w.string_or_null(a.dateline.place);
  w.key("agency");
  w.string_or_null(a.dateline.agency);
  w.end_object();
  w.key("images");
  w.begin_array();
  for (const Image& img : a.images) {
    w.begin_object();
    w.key("url");
    w.string_or_null(img.url);
    w.key("caption");
    w.string_or_null(img.caption);
    w.key("credit");
    w.string_or_null(img.credit);
    w.end_object();
  }
  w.end_array();
  w.key("text");
  w.string(a.text);
  w.key("blocks");
  w.begin_array();
  for (const Block& b : a.blocks) {
    w.begin_object();
    w.key("type");
    w.string(block_type_name(b.type));
    w.key("level");
    w.number_or_null(unless_zero(b.level));
    write_span(w, b.start, b.end);
    w.end_object();
  }
  w.end_array();
  w.key("quotes");
  w.begin_array();
  for (const Quote& q : a.quotes) {
    w.begin_object();
    w.key("text");
    w.string(q.text);
    w.key("speaker");
    w.string_or_null(q.speaker);
    w.key("cue");
    w.string_or_null(q.cue);
    w.key("kind");
    w.string(q.kind);
    write_span(w, q.start, q.end);
    w.key("parts");  // an interrupted quote: each part's span; [] for one piece
    w.begin_array();
    for (const auto& [b, e] : q.parts) {
      w.begin_object();
      write_span(w, b, e);
      w.end_object();
    }
    w.end_array();
    const auto& mention = q.speaker_mention;
    w.key("speaker_start");
    w.number_or_null(mention ? std::optional<int64_t>(mention->first) : std::nullopt);
    w.key("speaker_end");
    w.number_or_null(mention ? std::optional<int64_t>(mention->second) : std::nullopt);
    w.end_object();
  }
  w.end_array();
  w.key("entities");
  w.begin_array();
  for (const Entity& e : a.entities) {
    w.begin_object();
    w.key("name");
    w.string(e.name);
    w.key("type");
    w.string(e.type);
    w.key("titles");
    write_strings(w, e.titles);
    w.key("mentions");
    w.begin_array();
    for (auto [s, t] : e.mentions) {
      w.begin_array();
      w.number(s);
      w.number(t);
      w.end_array();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("times");
  w.begin_array();
  for (const TimeExpression& t : a.times) {
    w.begin_object();
    w.key("text");
    w.string(t.text);
    w.key("type");
    w.string(t.type);
    w.key("value");
    w.string(t.value);
    w.key("mod");
    w.string_or_null(t.modifier);
    write_span(w, t.start, t.end);
    w.end_object();
  }
  w.end_array();
  w.key("warnings");
  write_strings(w, a.warnings);
  w.key("source");
  write_source(w, a.source);
  w.end_object();
  return out;
}

std::string error_to_json(const Error& error, const Source& source, int indent) {
  std::string out;
  JsonWriter w(out, indent);
  w.begin_object();
  w.key("error");
  w.begin_object();
  w.key("code");
  w.string(error_code_name(error.code));
  w.key("message");
  w.string(error.message);
  w.end_object();
  w.key("source");
  write_source(w, source);
  w.end_object();
  return out;
}

std::string to_text(const Article& a) {
  std::string out;
  if (!a.title.empty()) {
    out += a.title;
    out += "\n\n";
  }
  out += a.text;
  out += '\n';
  return out;
}

std::string to_markdown(const Article& a) {
  std::string out;
  if (!a.title.empty()) out += "# " + a.title + "\n\n";
  std::string_view text = a.text;
  bool first = true;
  for (const Block& b : a.blocks) {
    if (!first) out += "\n\n";
    first = false;
    std::string_view t = text.substr(b.start, b.end - b.start);
    switch (b.type) {
      case BlockType::kHeading:
        out.append(static_cast<size_t>(std::clamp(b.level + 1, 2, 6)), '#');
        out += ' ';
        out += t;
        break;
      case BlockType::kList:
        out += "- ";
        out += t;
        break;
      case BlockType::kQuote:
        out += "> ";
        for (char c : t) {
          out += c;
          if (c == '\n') out += "> ";
        }
        break;
      case BlockType::kPreformatted:
        out += "```\n";
        out += t;
        out += "\n```";
        break;
      default:
        out += t;
    }
  }
  for (const Image& img : a.images) {
    if (!first) out += "\n\n";
    first = false;
    out += "![" + img.caption + "](" + img.url + ")";
    if (!img.credit.empty()) out += "\n*" + img.credit + "*";
  }
  out += '\n';
  return out;
}

}  // namespace lede
