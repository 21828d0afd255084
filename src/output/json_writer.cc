#include "output/json_writer.h"

#include "core/text.h"

namespace lede::output {

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      // Copy the run of plain ASCII at once.
      size_t j = i + 1;
      while (j < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (d < 0x20 || d == '"' || d == '\\' || d >= 0x80) break;
        ++j;
      }
      out.append(s, i, j - i);
      i = j;
      continue;
    }
    if (c >= 0x80) {
      size_t start = i;
      char32_t cp = core::next_code_point(s, i);
      if (cp == 0xFFFD && i - start == 1)
        core::append_utf8(out, 0xFFFD);
      else
        out.append(s, start, i - start);
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default: {
        static const char* hex = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
    ++i;
  }
  out += '"';
}

void JsonWriter::newline() {
  if (indent_ == 0) return;
  out_ += '\n';
  out_.append(static_cast<size_t>(depth_ * indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == 0) return;
  if (!first_) out_ += ',';
  first_ = false;
  newline();
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  ++depth_;
  first_ = true;
}

void JsonWriter::end_object() {
  --depth_;
  if (!first_) newline();
  out_ += '}';
  first_ = false;
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  ++depth_;
  first_ = true;
}

void JsonWriter::end_array() {
  --depth_;
  if (!first_) newline();
  out_ += ']';
  first_ = false;
}

void JsonWriter::key(std::string_view k) {
  if (!first_) out_ += ',';
  first_ = false;
  newline();
  append_json_string(out_, k);
  out_ += indent_ ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::string(std::string_view s) {
  before_value();
  append_json_string(out_, s);
}

void JsonWriter::number(int64_t v) {
  before_value();
  out_ += std::to_string(v);
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::string_or_null(std::string_view s) {
  if (s.empty())
    null();
  else
    string(s);
}

void JsonWriter::number_or_null(std::optional<int64_t> v) {
  if (v)
    number(*v);
  else
    null();
}

}  // namespace lede::output
