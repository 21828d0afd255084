#include "html/tokenizer.h"

#include <algorithm>
#include <cstring>

#include "html/entities.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lede::html {

enum class Tokenizer::State : uint8_t {
  kData,
  kRcdata,
  kRawtext,
  kScriptData,
  kPlaintext,
  kTagOpen,
  kEndTagOpen,
  kTagName,
  kRcdataLessThan,
  kRawtextLessThan,
  kScriptDataLessThan,
  kScriptDataEscapeStart,
  kScriptDataEscapeStartDash,
  kScriptDataEscaped,
  kScriptDataEscapedDash,
  kScriptDataEscapedDashDash,
  kScriptDataEscapedLessThan,
  kScriptDataDoubleEscaped,
  kScriptDataDoubleEscapedDash,
  kScriptDataDoubleEscapedDashDash,
  kScriptDataDoubleEscapedLessThan,
  kBeforeAttributeName,
  kAttributeName,
  kAfterAttributeName,
  kBeforeAttributeValue,
  kAttributeValueDoubleQuoted,
  kAttributeValueSingleQuoted,
  kAttributeValueUnquoted,
  kAfterAttributeValueQuoted,
  kSelfClosingStartTag,
  kBogusComment,
  kMarkupDeclarationOpen,
  kCommentStart,
  kCommentStartDash,
  kComment,
  kCommentLessThan,
  kCommentLessThanBang,
  kCommentLessThanBangDash,
  kCommentLessThanBangDashDash,
  kCommentEndDash,
  kCommentEnd,
  kCommentEndBang,
  kDoctype,
  kBeforeDoctypeName,
  kDoctypeName,
  kAfterDoctypeName,
  kAfterDoctypePublicKeyword,
  kBeforeDoctypePublicId,
  kDoctypePublicIdDoubleQuoted,
  kDoctypePublicIdSingleQuoted,
  kAfterDoctypePublicId,
  kBetweenDoctypePublicAndSystemIds,
  kAfterDoctypeSystemKeyword,
  kBeforeDoctypeSystemId,
  kDoctypeSystemIdDoubleQuoted,
  kDoctypeSystemIdSingleQuoted,
  kAfterDoctypeSystemId,
  kBogusDoctype,
  kCdataSection,
  kCdataSectionBracket,
  kCdataSectionEnd,
};

namespace {

constexpr int kEof = -1;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kNull{"\0", 1};

bool is_space(int c) { return c == '\t' || c == '\n' || c == '\f' || c == ' '; }
bool is_alpha(int c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex(int c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
bool is_alnum(int c) { return is_alpha(c) || is_digit(c); }
char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The first position at or after `pos` holding a, b or c; `n` when none.
size_t scan3(const char *s, size_t pos, size_t n, char a, char b, char c) {
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a);
  const __m128i vb = _mm_set1_epi8(b);
  const __m128i vc = _mm_set1_epi8(c);
  while (pos + 16 <= n) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + pos));
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                             _mm_cmpeq_epi8(x, vc));
    int mask = _mm_movemask_epi8(m);
    if (mask != 0) return pos + static_cast<size_t>(__builtin_ctz(mask));
    pos += 16;
  }
#endif
  while (pos < n && s[pos] != a && s[pos] != b && s[pos] != c) ++pos;
  return pos;
}

// Bytes that end a run of tag-name or attribute-name characters.
struct NameStops {
  bool stop[256] = {};
  constexpr NameStops(std::string_view extra) {
    for (char c : std::string_view("\t\n\f />\0", 7)) stop[static_cast<unsigned char>(c)] = true;
    for (char c : extra) stop[static_cast<unsigned char>(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c) stop[c] = true;
  }
};
constexpr NameStops kTagNameStops("");
constexpr NameStops kAttrNameStops("=\"'<");

// Windows-1252 meanings of numeric references to C1 controls.
constexpr uint16_t kC1Replacements[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

size_t encode_utf8(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

uint32_t hash_name(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

}  // namespace

void Tokenizer::reset(std::string_view input) {
  if (std::memchr(input.data(), '\r', input.size()) != nullptr) {
    normalized_.clear();
    normalized_.reserve(input.size());
    for (size_t i = 0; i < input.size(); ++i) {
      char c = input[i];
      if (c == '\r') {
        normalized_.push_back('\n');
        if (i + 1 < input.size() && input[i + 1] == '\n') ++i;
      } else {
        normalized_.push_back(c);
      }
    }
    input = normalized_;
  }
  input_ = input;
  pos_ = 0;
  state_ = State::kData;
  allow_cdata_ = false;
  pending_ = false;
  last_start_tag_.clear();
}

void Tokenizer::set_state(TokenizerState state) {
  switch (state) {
    case TokenizerState::kData:
      state_ = State::kData;
      break;
    case TokenizerState::kRcdata:
      state_ = State::kRcdata;
      break;
    case TokenizerState::kRawtext:
      state_ = State::kRawtext;
      break;
    case TokenizerState::kScriptData:
      state_ = State::kScriptData;
      break;
    case TokenizerState::kPlaintext:
      state_ = State::kPlaintext;
      break;
    case TokenizerState::kCdataSection:
      state_ = State::kCdataSection;
      break;
  }
}

const Token &Tokenizer::next() {
  if (pending_) {
    pending_ = false;
    fill_token(ready_);
    return token_;
  }
  text_begin_ = text_end_ = 0;
  text_in_buffer_ = false;
  text_buf_.clear();
  ready_null_ = false;
  run();
  bool has_text = text_in_buffer_ ? !text_buf_.empty() : text_end_ > text_begin_;
  if (has_text) {
    token_.kind = TokenKind::kCharacters;
    token_.null_char = false;
    token_.data = text_in_buffer_ ? std::string_view(text_buf_)
                                  : input_.substr(text_begin_, text_end_ - text_begin_);
    pending_ = true;
    return token_;
  }
  fill_token(ready_);
  return token_;
}

void Tokenizer::fill_token(TokenKind kind) {
  token_.kind = kind;
  token_.null_char = false;
  switch (kind) {
    case TokenKind::kCharacters:
      token_.data = kNull;
      token_.null_char = true;
      break;
    case TokenKind::kStartTag:
    case TokenKind::kEndTag:
      token_.data = tag_name_;
      token_.tag = tag_from_name(tag_name_);
      token_.self_closing = self_closing_;
      token_.attributes = attrs_;
      token_.attr_text = attr_text_.data();
      break;
    case TokenKind::kComment:
      token_.data = comment_;
      break;
    case TokenKind::kDoctype:
      token_.data = doctype_name_;
      token_.public_id = public_id_;
      token_.system_id = system_id_;
      token_.has_name = has_name_;
      token_.has_public_id = has_public_id_;
      token_.has_system_id = has_system_id_;
      token_.force_quirks = force_quirks_;
      break;
    case TokenKind::kEof:
      token_.data = {};
      break;
  }
}

int Tokenizer::consume() {
  if (pos_ >= input_.size()) return kEof;
  return static_cast<unsigned char>(input_[pos_++]);
}

bool Tokenizer::lookahead_ci(std::string_view word) const {
  if (input_.size() - pos_ < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (to_lower(input_[pos_ + i]) != word[i]) return false;
  return true;
}

// --- Text -------------------------------------------------------------------

void Tokenizer::text_from_input(size_t begin, size_t end) {
  if (text_in_buffer_) {
    text_buf_.append(input_.data() + begin, end - begin);
  } else if (text_end_ == text_begin_) {
    text_begin_ = begin;
    text_end_ = end;
  } else if (text_end_ == begin) {
    text_end_ = end;
  } else {
    flush_text_to_buffer();
    text_buf_.append(input_.data() + begin, end - begin);
  }
}

void Tokenizer::flush_text_to_buffer() {
  text_buf_.assign(input_.data() + text_begin_, text_end_ - text_begin_);
  text_in_buffer_ = true;
}

void Tokenizer::text_append(std::string_view s) {
  if (!text_in_buffer_) flush_text_to_buffer();
  text_buf_.append(s);
}

void Tokenizer::text_append_code_point(uint32_t cp) {
  char buf[4];
  text_append(std::string_view(buf, encode_utf8(cp, buf)));
}

// --- Character references ---------------------------------------------------

void Tokenizer::emit_code_point(uint32_t cp, bool in_attribute) {
  char buf[4];
  std::string_view s(buf, encode_utf8(cp, buf));
  if (in_attribute)
    attr_text_.append(s);
  else
    text_append(s);
}

// Called with pos_ just after '&'.
void Tokenizer::char_ref(bool in_attribute) {
  const size_t amp = pos_ - 1;
  auto emit_as_is = [&](size_t end) {
    if (in_attribute)
      attr_text_.append(input_.data() + amp, end - amp);
    else
      text_from_input(amp, end);
    pos_ = end;
  };
  int c = pos_ < input_.size() ? static_cast<unsigned char>(input_[pos_]) : kEof;
  if (is_alnum(c)) {
    EntityMatch m = match_named_entity(input_.substr(pos_));
    if (m.length == 0) {
      // No reference: '&' and the alphanumerics after it stay text.
      size_t end = pos_;
      while (end < input_.size() && is_alnum(static_cast<unsigned char>(input_[end]))) ++end;
      emit_as_is(end);
      return;
    }
    size_t end = pos_ + m.length;
    bool semicolon = input_[end - 1] == ';';
    if (in_attribute && !semicolon && end < input_.size() &&
        (input_[end] == '=' || is_alnum(static_cast<unsigned char>(input_[end])))) {
      emit_as_is(end);  // historical: "&copy=" inside an attribute is not a reference
      return;
    }
    if (in_attribute)
      attr_text_.append(m.value);
    else
      text_append(m.value);
    pos_ = end;
    return;
  }
  if (c != '#') {
    emit_as_is(pos_);
    return;
  }
  size_t p = pos_ + 1;
  bool hex = p < input_.size() && (input_[p] | 0x20) == 'x';
  if (hex) ++p;
  const size_t digits = p;
  uint32_t value = 0;
  while (p < input_.size()) {
    int d = static_cast<unsigned char>(input_[p]);
    uint32_t v;
    if (is_digit(d))
      v = static_cast<uint32_t>(d - '0');
    else if (hex && is_hex(d))
      v = static_cast<uint32_t>((d | 0x20) - 'a' + 10);
    else
      break;
    value = value * (hex ? 16 : 10) + v;
    if (value > 0x10FFFF) value = 0x110000;  // saturate: all larger values act alike
    ++p;
  }
  if (p == digits) {
    emit_as_is(digits);  // "&#" or "&#x" with no digits: not a reference
    return;
  }
  if (p < input_.size() && input_[p] == ';') ++p;
  pos_ = p;
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    value = 0xFFFD;
  } else if (value >= 0x80 && value <= 0x9F) {
    value = kC1Replacements[value - 0x80];
  }
  emit_code_point(value, in_attribute);
}

// --- Tags --------------------------------------------------------------------

void Tokenizer::start_tag_token(TokenKind kind) {
  tag_kind_ = kind;
  tag_name_.clear();
  self_closing_ = false;
  attrs_.clear();
  attr_text_.clear();
  attr_open_ = false;
  if (attr_hashed_ > 0) std::fill(attr_index_.begin(), attr_index_.end(), 0u);
  attr_hashed_ = 0;
}

void Tokenizer::start_attribute() {
  finish_attribute();
  uint32_t at = static_cast<uint32_t>(attr_text_.size());
  attrs_.push_back(TokenAttribute{at, 0, at, 0});
  attr_open_ = true;
  attr_dropped_ = false;
}

void Tokenizer::end_attribute_name() {
  TokenAttribute &a = attrs_.back();
  a.name_length = static_cast<uint32_t>(attr_text_.size()) - a.name_begin;
  a.value_begin = static_cast<uint32_t>(attr_text_.size());
  attr_dropped_ = attribute_seen(static_cast<uint32_t>(attrs_.size() - 1));
}

// Whether attribute `index` repeats the name of an earlier one; linear in
// the number of attributes over the whole tag.
bool Tokenizer::attribute_seen(uint32_t index) {
  // Short lists are compared directly; longer ones go through a hash set.
  constexpr uint32_t kLinearLimit = 8;
  const TokenAttribute &a = attrs_[index];
  std::string_view name(attr_text_.data() + a.name_begin, a.name_length);
  auto name_of = [&](uint32_t i) {
    return std::string_view(attr_text_.data() + attrs_[i].name_begin, attrs_[i].name_length);
  };
  if (index < kLinearLimit) {
    for (uint32_t i = 0; i < index; ++i)
      if (name_of(i) == name) return true;
    return false;
  }
  // Enter the attributes not yet hashed, growing the table to stay half empty.
  if ((index + 1) * 2 > attr_index_.size()) {
    size_t size = std::max<size_t>(64, attr_index_.size());
    while ((index + 1) * 2 > size) size *= 2;
    attr_index_.assign(size, 0u);
    attr_hashed_ = 0;
  }
  const size_t mask = attr_index_.size() - 1;
  auto insert = [&](uint32_t i) {
    size_t slot = hash_name(name_of(i)) & mask;
    while (attr_index_[slot] != 0) slot = (slot + 1) & mask;
    attr_index_[slot] = i + 1;
  };
  while (attr_hashed_ < index) insert(attr_hashed_++);
  size_t slot = hash_name(name) & mask;
  while (attr_index_[slot] != 0) {
    if (name_of(attr_index_[slot] - 1) == name) return true;
    slot = (slot + 1) & mask;
  }
  attr_index_[slot] = index + 1;
  ++attr_hashed_;
  return false;
}

void Tokenizer::finish_attribute() {
  if (!attr_open_) return;
  attr_open_ = false;
  TokenAttribute &a = attrs_.back();
  a.value_length = static_cast<uint32_t>(attr_text_.size()) - a.value_begin;
  if (attr_dropped_) {
    attr_text_.resize(a.name_begin);
    attrs_.pop_back();
  }
}

void Tokenizer::emit_tag() {
  finish_attribute();
  if (tag_kind_ == TokenKind::kStartTag) {
    last_start_tag_.assign(tag_name_);
  } else {
    attrs_.clear();  // end tags carry no attributes
  }
  state_ = State::kData;
  ready_ = tag_kind_;
}

void Tokenizer::emit_comment() {
  state_ = State::kData;
  ready_ = TokenKind::kComment;
}

void Tokenizer::new_doctype() {
  doctype_name_.clear();
  public_id_.clear();
  system_id_.clear();
  has_name_ = has_public_id_ = has_system_id_ = force_quirks_ = false;
}

void Tokenizer::emit_doctype() {
  state_ = State::kData;
  ready_ = TokenKind::kDoctype;
}

// After "</" in RCDATA, RAWTEXT or script data: an end tag if the letters
// that follow name the last start tag, else text. Returns true when a token
// is ready.
bool Tokenizer::raw_end_tag(State resume) {
  const size_t begin = pos_;
  size_t p = begin;
  while (p < input_.size() && is_alpha(static_cast<unsigned char>(input_[p]))) ++p;
  if (p > begin && p < input_.size() && p - begin == last_start_tag_.size()) {
    int next = static_cast<unsigned char>(input_[p]);
    bool same = true;
    for (size_t i = 0; i < last_start_tag_.size() && same; ++i)
      same = to_lower(input_[begin + i]) == last_start_tag_[i];
    if (same && (is_space(next) || next == '/' || next == '>')) {
      start_tag_token(TokenKind::kEndTag);
      tag_name_.assign(last_start_tag_);
      pos_ = p + 1;
      if (next == '>') {
        emit_tag();
        return true;
      }
      state_ = next == '/' ? State::kSelfClosingStartTag : State::kBeforeAttributeName;
      return false;
    }
  }
  text_from_input(begin - 2, p);
  pos_ = p;
  state_ = resume;
  return false;
}

// The letters after "<" (or "</") in escaped script data; "script" switches
// between escaped and double-escaped. pos_ is at the first letter.
void Tokenizer::double_escape(State if_script, State otherwise) {
  const size_t begin = pos_;
  size_t p = begin;
  while (p < input_.size() && is_alpha(static_cast<unsigned char>(input_[p]))) ++p;
  text_from_input(begin, p);
  pos_ = p;
  if (p < input_.size()) {
    int next = static_cast<unsigned char>(input_[p]);
    if (is_space(next) || next == '/' || next == '>') {
      bool script = p - begin == 6;
      for (size_t i = 0; i < 6 && script; ++i) script = to_lower(input_[begin + i]) == "script"[i];
      text_from_input(p, p + 1);
      pos_ = p + 1;
      state_ = script ? if_script : otherwise;
      return;
    }
  }
  state_ = if_script == State::kScriptDataDoubleEscaped ? State::kScriptDataEscaped
                                                        : State::kScriptDataDoubleEscaped;
}

// --- The state machine -------------------------------------------------------

void Tokenizer::run() {
  const char *s = input_.data();
  const size_t n = input_.size();
  for (;;) {
    switch (state_) {
      case State::kData: {
        size_t e = scan3(s, pos_, n, '<', '&', '\0');
        if (e > pos_) text_from_input(pos_, e);
        pos_ = e;
        if (e >= n) {
          ready_ = TokenKind::kEof;
          return;
        }
        ++pos_;
        if (s[e] == '<') {
          state_ = State::kTagOpen;
        } else if (s[e] == '&') {
          char_ref(false);
        } else {
          ready_ = TokenKind::kCharacters;  // U+0000, handed out on its own
          return;
        }
        break;
      }
      case State::kRcdata:
      case State::kRawtext:
      case State::kScriptData:
      case State::kPlaintext: {
        const State here = state_;
        char lt = here == State::kPlaintext ? '\0' : '<';
        char amp = here == State::kRcdata ? '&' : '\0';
        size_t e = scan3(s, pos_, n, lt, amp, '\0');
        if (e > pos_) text_from_input(pos_, e);
        pos_ = e;
        if (e >= n) {
          ready_ = TokenKind::kEof;
          return;
        }
        ++pos_;
        if (s[e] == '\0') {
          text_append(kReplacement);
        } else if (s[e] == '&') {
          char_ref(false);
        } else if (here == State::kRcdata) {
          state_ = State::kRcdataLessThan;
        } else if (here == State::kRawtext) {
          state_ = State::kRawtextLessThan;
        } else {
          state_ = State::kScriptDataLessThan;
        }
        break;
      }
      case State::kRcdataLessThan:
      case State::kRawtextLessThan: {
        State resume = state_ == State::kRcdataLessThan ? State::kRcdata : State::kRawtext;
        if (pos_ < n && s[pos_] == '/') {
          ++pos_;
          if (raw_end_tag(resume)) return;
        } else {
          text_from_input(pos_ - 1, pos_);
          state_ = resume;
        }
        break;
      }
      case State::kScriptDataLessThan: {
        if (pos_ < n && s[pos_] == '/') {
          ++pos_;
          if (raw_end_tag(State::kScriptData)) return;
        } else if (pos_ < n && s[pos_] == '!') {
          text_from_input(pos_ - 1, pos_ + 1);
          ++pos_;
          state_ = State::kScriptDataEscapeStart;
        } else {
          text_from_input(pos_ - 1, pos_);
          state_ = State::kScriptData;
        }
        break;
      }
      case State::kScriptDataEscapeStart:
      case State::kScriptDataEscapeStartDash: {
        if (pos_ < n && s[pos_] == '-') {
          text_from_input(pos_, pos_ + 1);
          ++pos_;
          state_ = state_ == State::kScriptDataEscapeStart ? State::kScriptDataEscapeStartDash
                                                           : State::kScriptDataEscapedDashDash;
        } else {
          state_ = State::kScriptData;
        }
        break;
      }
      case State::kScriptDataEscaped:
      case State::kScriptDataDoubleEscaped: {
        const bool dbl = state_ == State::kScriptDataDoubleEscaped;
        size_t e = scan3(s, pos_, n, '-', '<', '\0');
        if (e > pos_) text_from_input(pos_, e);
        pos_ = e;
        if (e >= n) {
          ready_ = TokenKind::kEof;
          return;
        }
        ++pos_;
        if (s[e] == '\0') {
          text_append(kReplacement);
        } else if (s[e] == '-') {
          text_from_input(e, e + 1);
          state_ = dbl ? State::kScriptDataDoubleEscapedDash : State::kScriptDataEscapedDash;
        } else if (dbl) {
          text_from_input(e, e + 1);
          state_ = State::kScriptDataDoubleEscapedLessThan;
        } else {
          state_ = State::kScriptDataEscapedLessThan;
        }
        break;
      }
      case State::kScriptDataEscapedDash:
      case State::kScriptDataEscapedDashDash:
      case State::kScriptDataDoubleEscapedDash:
      case State::kScriptDataDoubleEscapedDashDash: {
        const bool dbl = state_ == State::kScriptDataDoubleEscapedDash ||
                         state_ == State::kScriptDataDoubleEscapedDashDash;
        const bool dashdash = state_ == State::kScriptDataEscapedDashDash ||
                              state_ == State::kScriptDataDoubleEscapedDashDash;
        const State body = dbl ? State::kScriptDataDoubleEscaped : State::kScriptDataEscaped;
        int c = consume();
        if (c == kEof) {
          ready_ = TokenKind::kEof;
          return;
        }
        if (c == '-') {
          text_from_input(pos_ - 1, pos_);
          state_ =
              dbl ? State::kScriptDataDoubleEscapedDashDash : State::kScriptDataEscapedDashDash;
        } else if (c == '<') {
          if (dbl) {
            text_from_input(pos_ - 1, pos_);
            state_ = State::kScriptDataDoubleEscapedLessThan;
          } else {
            state_ = State::kScriptDataEscapedLessThan;
          }
        } else if (c == '>' && dashdash) {
          text_from_input(pos_ - 1, pos_);
          state_ = State::kScriptData;
        } else if (c == 0) {
          text_append(kReplacement);
          state_ = body;
        } else {
          text_from_input(pos_ - 1, pos_);
          state_ = body;
        }
        break;
      }
      case State::kScriptDataEscapedLessThan: {
        int c = pos_ < n ? static_cast<unsigned char>(s[pos_]) : kEof;
        if (c == '/') {
          ++pos_;
          if (raw_end_tag(State::kScriptDataEscaped)) return;
        } else if (is_alpha(c)) {
          text_from_input(pos_ - 1, pos_);
          double_escape(State::kScriptDataDoubleEscaped, State::kScriptDataEscaped);
        } else {
          text_from_input(pos_ - 1, pos_);
          state_ = State::kScriptDataEscaped;
        }
        break;
      }
      case State::kScriptDataDoubleEscapedLessThan: {
        if (pos_ < n && s[pos_] == '/') {
          text_from_input(pos_, pos_ + 1);
          ++pos_;
          double_escape(State::kScriptDataEscaped, State::kScriptDataDoubleEscaped);
        } else {
          state_ = State::kScriptDataDoubleEscaped;
        }
        break;
      }
      case State::kTagOpen: {
        int c = consume();
        if (c == '!') {
          state_ = State::kMarkupDeclarationOpen;
        } else if (c == '/') {
          state_ = State::kEndTagOpen;
        } else if (is_alpha(c)) {
          start_tag_token(TokenKind::kStartTag);
          unconsume(c);
          state_ = State::kTagName;
        } else if (c == '?') {
          comment_.clear();
          unconsume(c);
          state_ = State::kBogusComment;
        } else {
          text_from_input(pos_ - (c == kEof ? 1 : 2), pos_ - (c == kEof ? 0 : 1));
          unconsume(c);
          state_ = State::kData;
        }
        break;
      }
      case State::kEndTagOpen: {
        int c = consume();
        if (is_alpha(c)) {
          start_tag_token(TokenKind::kEndTag);
          unconsume(c);
          state_ = State::kTagName;
        } else if (c == '>') {
          state_ = State::kData;
        } else if (c == kEof) {
          text_from_input(pos_ - 2, pos_);
          state_ = State::kData;
        } else {
          comment_.clear();
          unconsume(c);
          state_ = State::kBogusComment;
        }
        break;
      }
      case State::kTagName: {
        size_t p = pos_;
        while (p < n && !kTagNameStops.stop[static_cast<unsigned char>(s[p])]) ++p;
        tag_name_.append(s + pos_, p - pos_);
        pos_ = p;
        int c = consume();
        if (is_space(c)) {
          state_ = State::kBeforeAttributeName;
        } else if (c == '/') {
          state_ = State::kSelfClosingStartTag;
        } else if (c == '>') {
          emit_tag();
          return;
        } else if (c == 0) {
          tag_name_.append(kReplacement);
        } else if (c == kEof) {
          ready_ = TokenKind::kEof;
          return;
        } else {
          tag_name_.push_back(static_cast<char>(c + 32));  // an upper-case letter
        }
        break;
      }
      case State::kBeforeAttributeName: {
        int c = consume();
        if (is_space(c)) break;
        if (c == '/' || c == '>' || c == kEof) {
          unconsume(c);
          state_ = State::kAfterAttributeName;
        } else if (c == '=') {
          start_attribute();
          attr_text_.push_back('=');
          state_ = State::kAttributeName;
        } else {
          start_attribute();
          unconsume(c);
          state_ = State::kAttributeName;
        }
        break;
      }
      case State::kAttributeName: {
        size_t p = pos_;
        while (p < n && !kAttrNameStops.stop[static_cast<unsigned char>(s[p])]) ++p;
        attr_text_.append(s + pos_, p - pos_);
        pos_ = p;
        int c = consume();
        if (is_space(c) || c == '/' || c == '>' || c == kEof) {
          end_attribute_name();
          unconsume(c);
          state_ = State::kAfterAttributeName;
        } else if (c == '=') {
          end_attribute_name();
          state_ = State::kBeforeAttributeValue;
        } else if (c == 0) {
          attr_text_.append(kReplacement);
        } else if (c >= 'A' && c <= 'Z') {
          attr_text_.push_back(static_cast<char>(c + 32));
        } else {
          attr_text_.push_back(static_cast<char>(c));  // '"', '\'' or '<': kept
        }
        break;
      }
      case State::kAfterAttributeName: {
        int c = consume();
        if (is_space(c)) break;
        if (c == '/') {
          state_ = State::kSelfClosingStartTag;
        } else if (c == '=') {
          state_ = State::kBeforeAttributeValue;
        } else if (c == '>') {
          emit_tag();
          return;
        } else if (c == kEof) {
          ready_ = TokenKind::kEof;
          return;
        } else {
          start_attribute();
          unconsume(c);
          state_ = State::kAttributeName;
        }
        break;
      }
      case State::kBeforeAttributeValue: {
        int c = consume();
        if (is_space(c)) break;
        if (c == '"') {
          state_ = State::kAttributeValueDoubleQuoted;
        } else if (c == '\'') {
          state_ = State::kAttributeValueSingleQuoted;
        } else if (c == '>') {
          emit_tag();
          return;
        } else {
          unconsume(c);
          state_ = State::kAttributeValueUnquoted;
        }
        break;
      }
      case State::kAttributeValueDoubleQuoted:
      case State::kAttributeValueSingleQuoted: {
        char quote = state_ == State::kAttributeValueDoubleQuoted ? '"' : '\'';
        size_t e = scan3(s, pos_, n, quote, '&', '\0');
        attr_text_.append(s + pos_, e - pos_);
        pos_ = e;
        int c = consume();
        if (c == quote) {
          state_ = State::kAfterAttributeValueQuoted;
        } else if (c == '&') {
          char_ref(true);
        } else if (c == 0) {
          attr_text_.append(kReplacement);
        } else {
          ready_ = TokenKind::kEof;
          return;
        }
        break;
      }
      case State::kAttributeValueUnquoted: {
        int c = consume();
        if (is_space(c)) {
          state_ = State::kBeforeAttributeName;
        } else if (c == '&') {
          char_ref(true);
        } else if (c == '>') {
          emit_tag();
          return;
        } else if (c == 0) {
          attr_text_.append(kReplacement);
        } else if (c == kEof) {
          ready_ = TokenKind::kEof;
          return;
        } else {
          attr_text_.push_back(static_cast<char>(c));
        }
        break;
      }
      case State::kAfterAttributeValueQuoted: {
        int c = consume();
        if (is_space(c)) {
          state_ = State::kBeforeAttributeName;
        } else if (c == '/') {
          state_ = State::kSelfClosingStartTag;
        } else if (c == '>') {
          emit_tag();
          return;
        } else if (c == kEof) {
          ready_ = TokenKind::kEof;
          return;
        } else {
          unconsume(c);
          state_ = State::kBeforeAttributeName;
        }
        break;
      }
      case State::kSelfClosingStartTag: {
        int c = consume();
        if (c == '>') {
          self_closing_ = true;
          emit_tag();
          return;
        }
        if (c == kEof) {
          ready_ = TokenKind::kEof;
          return;
        }
        unconsume(c);
        state_ = State::kBeforeAttributeName;
        break;
      }
      case State::kBogusComment: {
        size_t e = scan3(s, pos_, n, '>', '\0', '>');
        comment_.append(s + pos_, e - pos_);
        pos_ = e;
        int c = consume();
        if (c == 0) {
          comment_.append(kReplacement);
          break;
        }
        emit_comment();  // at '>' or at the end of the input
        return;
      }
      case State::kMarkupDeclarationOpen: {
        if (pos_ + 2 <= n && s[pos_] == '-' && s[pos_ + 1] == '-') {
          pos_ += 2;
          comment_.clear();
          state_ = State::kCommentStart;
        } else if (lookahead_ci("doctype")) {
          pos_ += 7;
          state_ = State::kDoctype;
        } else if (allow_cdata_ && input_.substr(pos_, 7) == "[CDATA[") {
          pos_ += 7;
          state_ = State::kCdataSection;
        } else if (input_.substr(pos_, 7) == "[CDATA[") {
          pos_ += 7;
          comment_.assign("[CDATA[");
          state_ = State::kBogusComment;
        } else {
          comment_.clear();
          state_ = State::kBogusComment;
        }
        break;
      }
      case State::kCommentStart: {
        int c = consume();
        if (c == '-') {
          state_ = State::kCommentStartDash;
        } else if (c == '>') {
          emit_comment();
          return;
        } else {
          unconsume(c);
          state_ = State::kComment;
        }
        break;
      }
      case State::kCommentStartDash: {
        int c = consume();
        if (c == '-') {
          state_ = State::kCommentEnd;
        } else if (c == '>' || c == kEof) {
          emit_comment();
          return;
        } else {
          comment_.push_back('-');
          unconsume(c);
          state_ = State::kComment;
        }
        break;
      }
      case State::kComment: {
        size_t e = scan3(s, pos_, n, '<', '-', '\0');
        comment_.append(s + pos_, e - pos_);
        pos_ = e;
        int c = consume();
        if (c == '<') {
          comment_.push_back('<');
          state_ = State::kCommentLessThan;
        } else if (c == '-') {
          state_ = State::kCommentEndDash;
        } else if (c == 0) {
          comment_.append(kReplacement);
        } else {
          emit_comment();
          return;
        }
        break;
      }
      case State::kCommentLessThan: {
        int c = consume();
        if (c == '!') {
          comment_.push_back('!');
          state_ = State::kCommentLessThanBang;
        } else if (c == '<') {
          comment_.push_back('<');
        } else {
          unconsume(c);
          state_ = State::kComment;
        }
        break;
      }
      case State::kCommentLessThanBang:
      case State::kCommentLessThanBangDash: {
        int c = consume();
        if (c == '-') {
          state_ = state_ == State::kCommentLessThanBang ? State::kCommentLessThanBangDash
                                                         : State::kCommentLessThanBangDashDash;
        } else {
          unconsume(c);
          state_ = state_ == State::kCommentLessThanBang ? State::kComment : State::kCommentEndDash;
        }
        break;
      }
      case State::kCommentLessThanBangDashDash:
        state_ = State::kCommentEnd;
        break;
      case State::kCommentEndDash: {
        int c = consume();
        if (c == '-') {
          state_ = State::kCommentEnd;
        } else if (c == kEof) {
          emit_comment();
          return;
        } else {
          comment_.push_back('-');
          unconsume(c);
          state_ = State::kComment;
        }
        break;
      }
      case State::kCommentEnd: {
        int c = consume();
        if (c == '>' || c == kEof) {
          emit_comment();
          return;
        }
        if (c == '!') {
          state_ = State::kCommentEndBang;
        } else if (c == '-') {
          comment_.push_back('-');
        } else {
          comment_.append("--");
          unconsume(c);
          state_ = State::kComment;
        }
        break;
      }
      case State::kCommentEndBang: {
        int c = consume();
        if (c == '-') {
          comment_.append("--!");
          state_ = State::kCommentEndDash;
        } else if (c == '>' || c == kEof) {
          emit_comment();
          return;
        } else {
          comment_.append("--!");
          unconsume(c);
          state_ = State::kComment;
        }
        break;
      }
      case State::kDoctype: {
        int c = consume();
        if (c == kEof) {
          new_doctype();
          force_quirks_ = true;
          emit_doctype();
          return;
        }
        if (!is_space(c)) unconsume(c);
        state_ = State::kBeforeDoctypeName;
        break;
      }
      case State::kBeforeDoctypeName: {
        int c = consume();
        if (is_space(c)) break;
        new_doctype();
        if (c == '>' || c == kEof) {
          force_quirks_ = true;
          emit_doctype();
          return;
        }
        has_name_ = true;
        if (c == 0)
          doctype_name_.append(kReplacement);
        else
          doctype_name_.push_back(to_lower(static_cast<char>(c)));
        state_ = State::kDoctypeName;
        break;
      }
      case State::kDoctypeName: {
        int c = consume();
        if (is_space(c)) {
          state_ = State::kAfterDoctypeName;
        } else if (c == '>') {
          emit_doctype();
          return;
        } else if (c == kEof) {
          force_quirks_ = true;
          emit_doctype();
          return;
        } else if (c == 0) {
          doctype_name_.append(kReplacement);
        } else {
          doctype_name_.push_back(to_lower(static_cast<char>(c)));
        }
        break;
      }
      case State::kAfterDoctypeName: {
        int c = consume();
        if (is_space(c)) break;
        if (c == '>') {
          emit_doctype();
          return;
        }
        if (c == kEof) {
          force_quirks_ = true;
          emit_doctype();
          return;
        }
        unconsume(c);
        if (lookahead_ci("public")) {
          pos_ += 6;
          state_ = State::kAfterDoctypePublicKeyword;
        } else if (lookahead_ci("system")) {
          pos_ += 6;
          state_ = State::kAfterDoctypeSystemKeyword;
        } else {
          force_quirks_ = true;
          state_ = State::kBogusDoctype;
        }
        break;
      }
      case State::kAfterDoctypePublicKeyword:
      case State::kBeforeDoctypePublicId:
      case State::kAfterDoctypeSystemKeyword:
      case State::kBeforeDoctypeSystemId: {
        const bool is_public =
            state_ == State::kAfterDoctypePublicKeyword || state_ == State::kBeforeDoctypePublicId;
        const bool after_keyword = state_ == State::kAfterDoctypePublicKeyword ||
                                   state_ == State::kAfterDoctypeSystemKeyword;
        int c = consume();
        if (is_space(c)) {
          if (after_keyword)
            state_ = is_public ? State::kBeforeDoctypePublicId : State::kBeforeDoctypeSystemId;
          break;
        }
        if (c == '"' || c == '\'') {
          if (is_public) {
            has_public_id_ = true;
            public_id_.clear();
            state_ = c == '"' ? State::kDoctypePublicIdDoubleQuoted
                              : State::kDoctypePublicIdSingleQuoted;
          } else {
            has_system_id_ = true;
            system_id_.clear();
            state_ = c == '"' ? State::kDoctypeSystemIdDoubleQuoted
                              : State::kDoctypeSystemIdSingleQuoted;
          }
        } else if (c == '>' || c == kEof) {
          force_quirks_ = true;
          emit_doctype();
          return;
        } else {
          force_quirks_ = true;
          unconsume(c);
          state_ = State::kBogusDoctype;
        }
        break;
      }
      case State::kDoctypePublicIdDoubleQuoted:
      case State::kDoctypePublicIdSingleQuoted:
      case State::kDoctypeSystemIdDoubleQuoted:
      case State::kDoctypeSystemIdSingleQuoted: {
        const bool is_public = state_ == State::kDoctypePublicIdDoubleQuoted ||
                               state_ == State::kDoctypePublicIdSingleQuoted;
        const char quote = state_ == State::kDoctypePublicIdDoubleQuoted ||
                                   state_ == State::kDoctypeSystemIdDoubleQuoted
                               ? '"'
                               : '\'';
        std::string &id = is_public ? public_id_ : system_id_;
        int c = consume();
        if (c == quote) {
          state_ = is_public ? State::kAfterDoctypePublicId : State::kAfterDoctypeSystemId;
        } else if (c == 0) {
          id.append(kReplacement);
        } else if (c == '>' || c == kEof) {
          force_quirks_ = true;
          emit_doctype();
          return;
        } else {
          id.push_back(static_cast<char>(c));
        }
        break;
      }
      case State::kAfterDoctypePublicId:
      case State::kBetweenDoctypePublicAndSystemIds: {
        int c = consume();
        if (is_space(c)) {
          state_ = State::kBetweenDoctypePublicAndSystemIds;
        } else if (c == '>') {
          emit_doctype();
          return;
        } else if (c == '"' || c == '\'') {
          has_system_id_ = true;
          system_id_.clear();
          state_ =
              c == '"' ? State::kDoctypeSystemIdDoubleQuoted : State::kDoctypeSystemIdSingleQuoted;
        } else if (c == kEof) {
          force_quirks_ = true;
          emit_doctype();
          return;
        } else {
          force_quirks_ = true;
          unconsume(c);
          state_ = State::kBogusDoctype;
        }
        break;
      }
      case State::kAfterDoctypeSystemId: {
        int c = consume();
        if (is_space(c)) break;
        if (c == '>') {
          emit_doctype();
          return;
        }
        if (c == kEof) {
          force_quirks_ = true;
          emit_doctype();
          return;
        }
        unconsume(c);
        state_ = State::kBogusDoctype;
        break;
      }
      case State::kBogusDoctype: {
        int c = consume();
        if (c == '>' || c == kEof) {
          emit_doctype();
          return;
        }
        break;
      }
      case State::kCdataSection: {
        size_t e = scan3(s, pos_, n, ']', '\0', ']');
        if (e > pos_) text_from_input(pos_, e);
        pos_ = e;
        if (e >= n) {
          ready_ = TokenKind::kEof;
          return;
        }
        ++pos_;
        if (s[e] == '\0') {
          ready_ = TokenKind::kCharacters;
          return;
        }
        state_ = State::kCdataSectionBracket;
        break;
      }
      case State::kCdataSectionBracket: {
        if (pos_ < n && s[pos_] == ']') {
          ++pos_;
          state_ = State::kCdataSectionEnd;
        } else {
          text_from_input(pos_ - 1, pos_);
          state_ = State::kCdataSection;
        }
        break;
      }
      case State::kCdataSectionEnd: {
        int c = consume();
        if (c == ']') {
          text_from_input(pos_ - 1, pos_);
        } else if (c == '>') {
          state_ = State::kData;
        } else {
          text_from_input(pos_ - (c == kEof ? 2 : 3), pos_ - (c == kEof ? 0 : 1));
          unconsume(c);
          state_ = State::kCdataSection;
        }
        break;
      }
    }
  }
}

}  // namespace lede::html
