// A small streaming JSON writer: lede writes records on the hot path, so it
// appends to one string instead of building a tree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lede::output {

class JsonWriter {
 public:
  // indent 0 writes one line; otherwise nested values are indented.
  explicit JsonWriter(std::string& out, int indent = 0) : out_(out), indent_(indent) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  void string(std::string_view s);
  void number(int64_t v);
  void null();
  void boolean(bool b);
  // A string, or null when empty.
  void string_or_null(std::string_view s);
  // A number, or null when there is none.
  void number_or_null(std::optional<int64_t> v);

 private:
  void before_value();
  void newline();

  std::string& out_;
  int indent_;
  int depth_ = 0;
  bool first_ = true;  // no element written yet at this level
  bool after_key_ = false;
};

// Appends s as a JSON string literal (quotes included), escaping what JSON
// requires; invalid UTF-8 is written as U+FFFD.
void append_json_string(std::string& out, std::string_view s);

}  // namespace lede::output
