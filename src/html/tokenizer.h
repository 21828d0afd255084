// The HTML tokenizer (WHATWG HTML, section 13.2.5), every state and character
// reference included. It reads a whole UTF-8 buffer and hands out one token at
// a time; the tree builder switches its state for RCDATA, RAWTEXT, script data
// and PLAINTEXT content and tells it whether CDATA sections are allowed.
//
//   Tokenizer tok;
//   tok.reset(html);
//   for (const Token* t = &tok.next(); t->kind != TokenKind::kEof; t =
//   &tok.next()) ...
//
// Tokens are views into the input or into the tokenizer's buffers, valid until
// the next call to next(). Buffers are kept across reset() so a tokenizer
// reused over many pages stops allocating. Carriage returns are normalized
// (CRLF and CR become LF) before tokenizing. Parse errors are not reported.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "html/tags.h"

namespace lede::html {

enum class TokenKind : uint8_t { kCharacters, kStartTag, kEndTag, kComment, kDoctype, kEof };

// The states a tree builder (or a test) may start the tokenizer in.
enum class TokenizerState : uint8_t {
  kData,
  kRcdata,
  kRawtext,
  kScriptData,
  kPlaintext,
  kCdataSection,
};

// An attribute of a tag token: offsets into Token::attr_text.
struct TokenAttribute {
  uint32_t name_begin;
  uint32_t name_length;
  uint32_t value_begin;
  uint32_t value_length;
};

struct Token {
  TokenKind kind = TokenKind::kEof;
  // Characters: the text. Comment: its data. Tags and doctype: the name
  // (lower-case ASCII).
  std::string_view data;
  // Characters: true when data is a single U+0000 from the data or CDATA
  // state, which the tree builder drops or replaces depending on context.
  bool null_char = false;
  // Tags.
  Tag tag = Tag::kUnknown;
  bool self_closing = false;
  std::span<const TokenAttribute> attributes;  // duplicates already dropped
  const char *attr_text = nullptr;
  // Doctype.
  std::string_view public_id;
  std::string_view system_id;
  bool has_name = false;
  bool has_public_id = false;
  bool has_system_id = false;
  bool force_quirks = false;

  std::string_view attr_name(const TokenAttribute &a) const {
    return {attr_text + a.name_begin, a.name_length};
  }
  std::string_view attr_value(const TokenAttribute &a) const {
    return {attr_text + a.value_begin, a.value_length};
  }
};

class Tokenizer {
 public:
  // Starts over on `input` in the data state. The input must outlive the
  // tokenizer's use of it.
  void reset(std::string_view input);

  const Token &next();

  void set_state(TokenizerState state);
  // The name of the last start tag, which decides which end tag closes
  // RCDATA, RAWTEXT and script data. Set automatically as tags are emitted.
  void set_last_start_tag(std::string_view name) { last_start_tag_.assign(name); }
  // Whether "<![CDATA[" opens a CDATA section (the adjusted current node is
  // not in the HTML namespace) or a bogus comment.
  void set_allow_cdata(bool allow) { allow_cdata_ = allow; }

 private:
  enum class State : uint8_t;

  void run();
  void fill_token(TokenKind kind);
  int consume();
  void unconsume(int c) {
    if (c >= 0) --pos_;
  }
  bool lookahead_ci(std::string_view word) const;
  bool raw_end_tag(State resume);
  void double_escape(State if_script, State otherwise);

  // Text accumulation: a run of the input when possible, else a copy.
  void text_from_input(size_t begin, size_t end);
  void text_append(std::string_view s);
  void text_append_code_point(uint32_t cp);
  void flush_text_to_buffer();

  // Character references; the result goes to the text or the current attribute
  // value.
  void char_ref(bool in_attribute);
  void emit_code_point(uint32_t cp, bool in_attribute);

  void start_tag_token(TokenKind kind);
  void start_attribute();
  void end_attribute_name();
  void finish_attribute();
  bool attribute_seen(uint32_t index);
  void emit_tag();
  void emit_comment();
  void emit_doctype();
  void new_doctype();

  std::string_view input_;
  size_t pos_ = 0;
  State state_{};
  bool allow_cdata_ = false;

  Token token_;
  TokenKind ready_ = TokenKind::kEof;  // the non-text token that run() completed
  bool ready_null_ = false;
  bool pending_ = false;  // ready_ is still to be handed out after a text token

  // Text being accumulated.
  size_t text_begin_ = 0;
  size_t text_end_ = 0;
  bool text_in_buffer_ = false;
  std::string text_buf_;

  // Tag being built.
  TokenKind tag_kind_ = TokenKind::kStartTag;
  std::string tag_name_;
  bool self_closing_ = false;
  std::string attr_text_;
  std::vector<TokenAttribute> attrs_;
  bool attr_open_ = false;
  bool attr_dropped_ = false;         // the current attribute repeats an earlier name
  std::vector<uint32_t> attr_index_;  // hash set of attribute indexes + 1, for long lists
  uint32_t attr_hashed_ = 0;          // attributes entered into attr_index_
  std::string last_start_tag_;

  // Comment or doctype being built.
  std::string comment_;
  std::string doctype_name_;
  std::string public_id_;
  std::string system_id_;
  bool has_name_ = false;
  bool has_public_id_ = false;
  bool has_system_id_ = false;
  bool force_quirks_ = false;

  std::string normalized_;  // the input with carriage returns normalized, when
                            // it had any
};

}  // namespace lede::html
