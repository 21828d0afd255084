#include "analysis/quotes.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "analysis/lexicon.h"
#include "core/text.h"

namespace lede::analysis {
namespace {

// Longest phrase kept as a speaker when read after its verb, up to a comma or
// relative clause: "said one person with knowledge of the governor's dilemma, who".
constexpr uint32_t kMaxPhraseTokens = 12;
// How far after a closing mark the attribution may sit: ",” said the former
// Norwegian prime minister Jens Stoltenberg" is 9 tokens.
constexpr uint32_t kMaxAttributionTokens = 12;
// How far before an opening mark the speech verb may sit: "He added, “".
constexpr uint32_t kMaxLeadTokens = 10;
// Most words between a subject and its speech verb: "have long privately said".
constexpr uint32_t kMaxAuxiliaries = 3;
// Longest stretch from a named speaker after a quote to the verb after its
// apposition: "“…,” Trump, the 2016 GOP presidential frontrunner nationally and
// current polling leader in South Carolina ..., said" is 26 tokens.
constexpr uint32_t kMaxAppositionAttributionTokens = 32;
// Longest speaker's name at the start of a transcript's turn: "JAKE TAPPER:".
constexpr uint32_t kMaxTurnNameTokens = 3;
// How far before a share of those polled its poll may be named: "A Quinnipiac
// University poll released in late August found that 74 percent" is 12 tokens;
// a bound, so a sentence listing many shares costs no more than its length.
constexpr uint32_t kPollLookback = 30;
// Marks "no such token" in the per-sentence tables.
constexpr uint32_t kNoToken = UINT32_MAX;
// Longest subject phrase kept as a speaker when it is not a person: "a spokesman for the company".
constexpr uint32_t kMaxSubjectTokens = 6;
// A pronoun goes to the last speaker only if that speaker spoke this recently (paragraphs).
constexpr uint32_t kSpeakerMemoryParagraphs = 3;
// How many sentences back a pronoun looks for the person it stands for.
constexpr uint32_t kPronounLookback = 4;
// Longest title walked over before a name: "former Norwegian prime minister".
constexpr uint32_t kMaxTitleTokens = 8;
// A pronoun's person is looked for among this many names of a sentence; a
// sentence naming more is a list, and scanning it for every pronoun would make
// the work grow with the square of its length.
constexpr ptrdiff_t kMaxMentionsScanned = 64;
// Longest attribution that may interrupt a quote: ",” said the former Norwegian
// prime minister Jens Stoltenberg. “" is 10 tokens with its marks.
constexpr uint32_t kMaxInterruptionTokens = 14;
// Longest description resolved to a person: "the former Vermont senator".
constexpr uint32_t kMaxDescriptionTokens = 4;
// Whether "the senator" is resolved to the person titled so, as the speaker
// is a full name wherever the story gives one. On PolNeAR dev 12 of the 14
// speakers it changes are the right person, yet its metric counts them wrong:
// its Source is the description, compared by last word (BENCHMARKS.md).
constexpr bool kResolveTitledDescriptions = true;
// How many of a person's titles a description is compared with (a story rarely
// gives one person more; a list of thousands would cost its square).
constexpr size_t kMaxTitlesCompared = 8;
// How many person mentions back a description looks for the title it names.
constexpr uint32_t kDescriptionLookback = 40;
// Longest title-case phrase in quotation marks read as a title, not a quote:
// "The Steve Harvey Morning Show".
constexpr uint32_t kMaxTitleWords = 5;
// Between "told" and "that": "told President Joe Biden at an Oval Office meeting on Tuesday that".
constexpr uint32_t kMaxObjectTokens = 16;
// Between a speech verb and "that" when words that block a bare clause follow
// the verb: "said in a statement on Tuesday that".
constexpr uint32_t kMaxAdjunctTokens = 10;
// ... or before a comma that opens the clause: "said on Tuesday, ...".
constexpr uint32_t kMaxAdjunctBeforeComma = 6;
// Longest capitalised name read as the organisation a sentence opens with:
// "The Bank of America Corporation".
constexpr uint32_t kMaxOrganisationTokens = 6;

enum class Family : uint8_t { kNone, kCurly, kLow, kAscii, kGuillemet, kReverseGuillemet, kSingle };

struct Mark {
  enum Role : uint8_t { kOpen, kClose, kEither } role;
  Family family;
  uint32_t len;
};

std::optional<Mark> mark_at(std::string_view t, size_t i) {
  const unsigned char c = t[i];
  if (c == '"') return Mark{Mark::kEither, Family::kAscii, 1};
  // Two apostrophes stand for a double quotation mark in some archives'
  // plain text (''It's over,'' he said): the same family as '"'.
  if (c == '\'' && i + 1 < t.size() && t[i + 1] == '\'')
    return Mark{Mark::kEither, Family::kAscii, 2};
  if (c == 0xC2 && i + 1 < t.size()) {
    if (static_cast<unsigned char>(t[i + 1]) == 0xAB)
      return Mark{Mark::kEither, Family::kGuillemet, 2};
    if (static_cast<unsigned char>(t[i + 1]) == 0xBB)
      return Mark{Mark::kEither, Family::kReverseGuillemet, 2};
    return std::nullopt;
  }
  if (c != 0xE2 || i + 2 >= t.size() || static_cast<unsigned char>(t[i + 1]) != 0x80)
    return std::nullopt;
  switch (static_cast<unsigned char>(t[i + 2])) {
    case 0x9C:
      return Mark{Mark::kEither, Family::kCurly, 3};  // “
    case 0x9D:
      return Mark{Mark::kClose, Family::kCurly, 3};  // ”
    case 0x9E:
      return Mark{Mark::kOpen, Family::kLow, 3};  // „
    case 0x98:
      return Mark{Mark::kOpen, Family::kSingle, 3};  // ‘
    case 0x99:
      return Mark{Mark::kClose, Family::kSingle, 3};  // ’
    default:
      return std::nullopt;
  }
}

bool is_letter_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0xC3;
}

struct Span {
  uint32_t open = 0;            // the opening mark
  uint32_t start = 0, end = 0;  // quoted text, without marks
  uint32_t after = 0;           // just past the closing mark (or the paragraph end)
  uint32_t first_paragraph = 0;
  bool closed = false;
};

// What stands around a mark: the byte before it and the one after it.
struct MarkContext {
  bool prev_space = false;   // a space, an opening bracket, a non-ASCII byte or the paragraph start
  bool next_letter = false;  // a letter or digit follows inside the paragraph
  bool next_nonspace = false;  // anything but white space follows inside the paragraph
};

MarkContext context_of(std::string_view t, const Paragraph& para, uint32_t i, const Mark& m) {
  MarkContext at;
  at.prev_space = i == para.start || core::is_ascii_space(t[i - 1]) || t[i - 1] == '(' ||
                  t[i - 1] == '[' || static_cast<unsigned char>(t[i - 1]) >= 0x80;
  const size_t n = i + m.len;
  at.next_letter = n < para.end && is_letter_byte(static_cast<unsigned char>(t[n]));
  at.next_nonspace = n < para.end && !core::is_ascii_space(t[n]);
  return at;
}

// May mark m open a quote? A single mark opens only before a word and after a
// space (not the apostrophe of "don’t"); an ASCII mark only before text.
bool opens_quote(const Mark& m, const MarkContext& at) {
  switch (m.family) {
    case Family::kSingle:
      return m.role == Mark::kOpen && at.prev_space && at.next_letter;
    case Family::kAscii:
      return at.next_nonspace;
    default:
      return m.role != Mark::kClose;
  }
}

// Does mark m close a quote that a mark of `family` opened?
bool closes_quote(Family family, const Mark& m, const MarkContext& at) {
  switch (family) {
    case Family::kCurly:
      return (m.family == Family::kCurly && m.role == Mark::kClose) || m.family == Family::kAscii;
    case Family::kLow:
      return m.family == Family::kCurly;
    case Family::kAscii:
      return m.family == Family::kAscii || (m.family == Family::kCurly && m.role == Mark::kClose);
    case Family::kGuillemet:
      return m.family == Family::kReverseGuillemet;
    case Family::kReverseGuillemet:
      return m.family == Family::kGuillemet;
    case Family::kSingle:
      return m.family == Family::kSingle && m.role == Mark::kClose && !at.next_letter &&
             !at.prev_space;
    case Family::kNone:
      return false;
  }
  return false;
}

// An ASCII mark inside a curly quote that opens a quote of its own (after a
// space or bracket, before a word), or closes the one it opened: “… wrote
// "this" …”. Any other ASCII mark there closes the curly quote (“…").
bool nests_in_quote(Family family, const Mark& m, const MarkContext& at, bool nested) {
  return family == Family::kCurly && m.family == Family::kAscii &&
         (nested || (at.prev_space && at.next_letter));
}

// A second opening curly mark after a space inside a curly quote: the first
// quote lost its closing mark, and a new one starts here.
bool reopens_quote(Family family, const Mark& m, const MarkContext& at) {
  return family == Family::kCurly && m.family == Family::kCurly && m.role == Mark::kEither &&
         at.prev_space;
}

// A quote left open at a paragraph's end goes on only if the next paragraph
// opens with a mark of its kind (a curly quote also goes on after an ASCII one).
bool continues_quote(Family family, const std::optional<Mark>& m) {
  return m && m->role != Mark::kClose &&
         (m->family == family || (family == Family::kCurly && m->family == Family::kAscii));
}

bool may_be_mark(unsigned char c) { return c == '"' || c == '\'' || c == 0xC2 || c == 0xE2; }

// White space inside the marks is not quoted text (« French spacing »).
void trim_inside_marks(std::string_view t, std::vector<Span>& spans) {
  for (Span& s : spans) {
    while (s.start < s.end && core::is_ascii_space(t[s.start])) ++s.start;
    while (s.end > s.start && core::is_ascii_space(t[s.end - 1])) --s.end;
    while (s.end > s.start && t.substr(s.start, s.end - s.start).ends_with("\u00a0")) s.end -= 2;
  }
}

// 1. Quotation marks, paired per paragraph.
std::vector<Span> pair_marks(const Document& doc) {
  std::vector<Span> spans;
  std::string_view t = doc.text;
  std::optional<Span> open;
  Family family = Family::kNone;
  bool nested = false;  // an ASCII quote is open inside the curly one
  for (uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    uint32_t i = para.start;
    nested = false;
    if (open) {
      if (auto m = mark_at(t, i); continues_quote(family, m)) {
        i += m->len;
      } else {
        spans.push_back(*open);
        open.reset();
      }
    }
    for (; i < para.end; ++i) {
      if (!may_be_mark(static_cast<unsigned char>(t[i]))) continue;
      auto m = mark_at(t, i);
      if (!m) continue;
      const MarkContext at = context_of(t, para, i, *m);
      const auto after = static_cast<uint32_t>(i + m->len);
      if (!open) {
        if (opens_quote(*m, at)) {
          family = m->family;
          open = Span{i, after, 0, 0, p, false};
        }
      } else if (nests_in_quote(family, *m, at, nested)) {
        nested = !nested;
      } else if (reopens_quote(family, *m, at)) {
        nested = false;
        open->end = i;
        open->after = i;
        spans.push_back(*open);
        open = Span{i, after, 0, 0, p, false};
      } else if (closes_quote(family, *m, at)) {
        open->end = i;
        open->after = after;
        open->closed = true;
        spans.push_back(*open);
        open.reset();
      }
      i += m->len - 1;
    }
    if (open) {
      open->end = para.end;
      open->after = para.end;
    }
  }
  if (open) spans.push_back(*open);
  trim_inside_marks(t, spans);
  return spans;
}

// Words that end a subject phrase when walking left from a verb.
bool is_clause_boundary(std::string_view w) {
  return is_clause_boundary_word(w) || is_speech_verb(w);
}
bool is_pronoun(std::string_view w) { return is_subject_pronoun(w); }
bool is_auxiliary(std::string_view w) { return is_speech_auxiliary(w); }
bool is_minor_word(std::string_view w) { return is_title_case_minor_word(w); }

struct Speaker {
  std::string name;
  std::optional<std::pair<uint32_t, uint32_t>> mention;
  int person = -1;
};

class QuoteFinder {
 public:
  QuoteFinder(const Document& doc, const People& people) : doc_(doc), people_(people) {}

  std::vector<lede::Quote> run(core::Deadline* deadline) {
    spans_ = pair_marks(doc_);
    in_quote_.assign(doc_.tokens.size(), false);
    in_direct_.assign(doc_.tokens.size(), false);
    for (const Span& s : spans_) mark_tokens(s);
    index_referents();
    // Running counts of words and quoted words, so that any stretch's share of
    // quoted words costs two lookups.
    words_before_.assign(doc_.tokens.size() + 1, 0);
    quoted_before_.assign(doc_.tokens.size() + 1, 0);
    for (uint32_t k = 0; k < doc_.tokens.size(); ++k) {
      words_before_[k + 1] = words_before_[k] + is_word(k);
      quoted_before_[k + 1] = quoted_before_[k] + (is_word(k) && in_quote_[k]);
    }
    std::vector<lede::Quote> out;
    size_t next_span = 0;
    for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
      const Sentence& s = doc_.sentences[si];
      note_organisation(s);
      // 2.-3. Quotes that open in this sentence.
      bool has_direct = false;
      while (next_span < spans_.size() && spans_[next_span].open < s.end) {
        const Span& sp = spans_[next_span++];
        if (sp.open < s.start && si > 0 && sp.open < doc_.sentences[si - 1].start) continue;
        if (auto q = direct_or_partial(sp, si)) {
          has_direct |= q->kind == "direct";
          // "said that X was “A” and “B”": words quoted twice in one report
          // with one speaker and cue are that report's parts.
          const bool same_report = q->kind == "partial" && last_partial_sentence_ == si &&
                                   last_partial_index_ + 1 == out.size() &&
                                   out.back().speaker == q->speaker && out.back().cue == q->cue;
          if (joins_report_ && last_report_index_ < out.size()) {
            add_part(out[last_report_index_], *q);
            last_direct_index_ = last_report_index_;
          } else if (continues_previous_) {
            add_part(out[last_direct_index_], *q);
          } else if (same_report) {
            add_part(out.back(), *q);
          } else {
            if (anchors_) last_direct_index_ = out.size();
            if (q->kind == "partial") {
              last_partial_sentence_ = si;
              last_partial_index_ = out.size();
            }
            out.push_back(std::move(*q));
          }
        }
      }
      // 4. Indirect speech.
      (void)has_direct;
      for (auto& q : indirect(si)) {
        out.push_back(std::move(q));
        if (last_report_ && out.back().end == last_report_->first)
          last_report_index_ = out.size() - 1;
      }
      if (deadline != nullptr && deadline->expired()) break;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const lede::Quote& a, const lede::Quote& b) { return a.start < b.start; });
    absorb(out);
    drop_covered(out);
    for (lede::Quote& q : out) {
      if (q.parts.empty()) {
        q.text.assign(doc_.text.substr(q.start, q.end - q.start));
        continue;
      }
      for (const auto& [b, e] : q.parts) {
        if (!q.text.empty()) q.text += ' ';
        q.text += doc_.text.substr(b, e - b);
      }
    }
    return out;
  }

 private:
  // A direct quote that a reported clause took in (absorbed_) leaves the
  // output, unless later quotes joined it as their first part: then the
  // clause ends before it again. `out` is sorted by start.
  void absorb(std::vector<lede::Quote>& out) const {
    auto at = [&](uint32_t start, std::string_view kind) -> lede::Quote* {
      auto it = std::lower_bound(out.begin(), out.end(), start,
                                 [](const lede::Quote& q, uint32_t b) { return q.start < b; });
      for (; it != out.end() && it->start == start; ++it)
        if (it->kind == kind) return &*it;
      return nullptr;
    };
    for (const Absorbed& a : absorbed_) {
      lede::Quote* q = at(a.quote_start, "direct");
      lede::Quote* clause = at(a.clause_start, "indirect");
      if (q == nullptr || clause == nullptr) continue;
      if (q->parts.empty())
        q->kind.clear();  // dropped below
      else
        clause->end = std::min(clause->end, a.clause_end);
    }
    std::erase_if(out, [](const lede::Quote& q) { return q.kind.empty(); });
  }

  // One attribution, one record: words quoted inside a reported clause
  // ("Clinton said that the plan would “keep the details under wraps”") belong
  // to that clause's quote, and a reported clause that swallowed a direct quote
  // gives way to it. `out` is sorted by start; one sweep each way.
  static void drop_covered(std::vector<lede::Quote>& out) {
    std::vector<bool> drop(out.size(), false);
    uint32_t indirect_end = 0;
    for (size_t i = 0; i < out.size(); ++i) {
      const lede::Quote& q = out[i];
      if (q.kind == "partial" && q.end <= indirect_end) drop[i] = true;
      if (q.kind == "indirect") indirect_end = std::max(indirect_end, q.end);
    }
    // An indirect quote holding a direct one: the next direct quote starting
    // inside it, found walking back from the end.
    uint32_t next_direct = UINT32_MAX;
    for (size_t i = out.size(); i-- > 0;) {
      const lede::Quote& q = out[i];
      if (q.kind == "indirect" && next_direct < q.end) drop[i] = true;
      if (q.kind == "direct") next_direct = q.start;
    }
    size_t kept = 0;
    for (size_t i = 0; i < out.size(); ++i) {
      if (drop[i]) continue;
      if (kept != i) out[kept] = std::move(out[i]);
      ++kept;
    }
    out.resize(kept);
  }

  std::string_view lw(uint32_t i) const { return doc_.lower_word(i); }
  // Word i without a contraction: "he's" -> "he", "We’ll" -> "we".
  std::string_view uncontracted(uint32_t i) const {
    std::string_view w = lw(i);
    return w.substr(0, std::min(w.find('\''), w.find("\u2019")));
  }
  // A personal pronoun, alone or contracted: "you", "he's", "We’ll".
  bool is_pronoun_word(uint32_t i) const { return is_personal_pronoun(uncontracted(i)); }
  // "Trump's", "Sanders’s", "Sanders'".
  bool is_possessive(uint32_t i) const {
    std::string_view w = lw(i);
    if (w.ends_with("'s") || w.ends_with("\u2019s")) return true;
    const uint32_t n = doc_.tokens[i].end;
    return n < doc_.text.size() &&
           (doc_.text[n] == '\'' || doc_.text.substr(n).starts_with("\u2019")) &&
           w.ends_with('s') && (n + 1 >= doc_.text.size() || !is_letter_byte(doc_.text[n + 1]));
  }
  // "—", "―", "–" or "-" on its own.
  bool is_dash(uint32_t i) const {
    return is_punct(i, "\u2014") || is_punct(i, "\u2015") || is_punct(i, "\u2013") ||
           is_punct(i, "-");
  }
  bool is_punct(uint32_t i, std::string_view p) const {
    return doc_.tokens[i].kind == TokenKind::kPunct && doc_.word(i) == p;
  }
  bool is_word(uint32_t i) const { return doc_.tokens[i].kind != TokenKind::kPunct; }
  bool is_mark(uint32_t i) const {
    return doc_.tokens[i].kind == TokenKind::kPunct && mark_at(doc_.text, doc_.tokens[i].start) &&
           mark_at(doc_.text, doc_.tokens[i].start)->family != Family::kSingle;
  }

  // A sentence that opens with a capitalised name that is no person ("The Bank
  // of America Corporation, ...", "General Motors said") names an organisation.
  void note_organisation(const Sentence& s) {
    uint32_t k = s.first_token;
    if (k < s.last_token && lw(k) == "the") ++k;
    const uint32_t b = k;
    while (k < s.last_token && k - b < kMaxOrganisationTokens && is_word(k) &&
           (doc_.tokens[k].upper || (k > b && joins_organisation_name(lw(k)))) &&
           !people_.mention_at(k))
      ++k;
    while (k > b && !doc_.tokens[k - 1].upper) --k;
    if (k == b || is_name_stop_word(lw(b)) || is_pronoun_word(b)) return;
    if (k < s.last_token && is_word(k) && doc_.tokens[k].upper) return;
    last_organisation_.assign(
        doc_.text.substr(doc_.tokens[b].start, doc_.tokens[k - 1].end - doc_.tokens[b].start));
  }

  // "according to" at token v, before token `end`.
  bool is_according_to(uint32_t v, uint32_t end) const {
    return is_word(v) && lw(v) == "according" && v + 1 < end && lw(v + 1) == "to";
  }

  // A speech verb as written in running text: "said", never "States" in "United States".
  bool is_cue(uint32_t v) const {
    return is_word(v) && is_speech_verb(lw(v)) && !is_plural_noun(v) &&
           (!doc_.tokens[v].upper || v == doc_.sentences[doc_.sentence_of(v)].first_token);
  }
  // "Twenty states led by …", "their claims": the "-s" form of a speech
  // verb after a determiner or a number is a noun.
  bool is_plural_noun(uint32_t v) const {
    return v > 0 && is_word(v - 1) && is_present_speech_verb(lw(v)) && lw(v).ends_with('s') &&
           is_noun_determiner(lw(v - 1));
  }

  void mark_tokens(const Span& s) {
    auto b = first_token_at(s.start), e = first_token_at(s.end);
    for (uint32_t k = b; k < e; ++k) in_quote_[k] = true;
  }
  uint32_t first_token_at(uint32_t byte) const {
    auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), byte,
                               [](const Token& t, uint32_t b) { return t.start < b; });
    return static_cast<uint32_t>(it - doc_.tokens.begin());
  }

  // [a, b) without the adverbs and time phrases that close it: "Hillary
  // Clinton on Tuesday" -> "Hillary Clinton", "The budget office now" -> "The
  // budget office", "Mr. Rubio defiantly". At least one word stays.
  uint32_t without_adjuncts(uint32_t a, uint32_t b) const {
    while (b > a + 1 && is_word(b - 1)) {
      const bool upper = doc_.tokens[b - 1].upper;
      if (!upper && is_subject_adjunct(lw(b - 1))) {
        --b;
        continue;
      }
      // Capitalised, only a day's name: "on Tuesday", not "Time" or "The Week".
      if (!is_time_noun(lw(b - 1)) || (upper && !is_weekday(b - 1))) break;
      uint32_t k = b - 1;  // "Thursday evening"
      while (k > a + 1 && is_word(k - 1) && is_time_noun(lw(k - 1))) --k;
      uint32_t o = k;
      while (o > a + 1 && is_word(o - 1) && !doc_.tokens[o - 1].upper &&
             opens_time_phrase(lw(o - 1)))
        --o;
      // A day's name alone closes a name: "Clinton Tuesday said".
      if (o == k && !(is_weekday(k) && people_.mention_at(k - 1))) break;
      b = o;
    }
    return b;
  }
  bool is_weekday(uint32_t k) const {
    return doc_.tokens[k].upper && is_time_noun(lw(k)) && lw(k).ends_with("day");
  }

  // The speaker that the subject at [a, b) names.
  Speaker subject(uint32_t a, uint32_t b) {
    Speaker sp;
    if (a >= b) return sp;
    b = without_adjuncts(a, b);
    // "Trump's campaign", "Mr. Rubio's advisers": the phrase speaks, not the
    // person it belongs to; "Clinton's spokesman Brian Fallon": the later name.
    bool owner = false;
    for (uint32_t k = a; k < b; ++k) {
      if (const PersonMention* m = people_.mention_at(k)) {
        // "the Trump campaign", "Some Clinton allies": a name that modifies the head.
        const uint32_t n = m->last_token;
        const bool modifier = n < b && is_word(n) && !doc_.tokens[n].upper &&
                              !is_auxiliary(lw(n)) && !is_personal_pronoun(lw(n)) &&
                              !lw(n).ends_with("self") && !lw(n).ends_with("selves");
        if ((is_possessive(n - 1) && n < b && is_word(n)) || modifier) {
          owner = true;
          k = m->last_token - 1;
          continue;
        }
        sp.person = static_cast<int>(m->person);
        sp.name = people_.persons[m->person].name;
        sp.mention = std::make_pair(m->start, m->end);
        return sp;
      }
    }
    std::string_view w = uncontracted(a);
    if (!owner && is_pronoun(w)) {
      sp.mention = std::make_pair(doc_.tokens[a].start, doc_.tokens[a].end);
      if (const Gender g = pronoun_gender(w); g != Gender::kUnknown) {
        const int p = resolve_pronoun(a, g);
        if (p >= 0) {
          sp.person = p;
          sp.name = people_.persons[p].name;
        }
      } else if (is_organisation_pronoun(w)) {
        // "…, housing experts say, adding a clause they say …": "they" is the
        // group that spoke in its sentence or the one before.
        const uint32_t si = doc_.sentence_of(a);
        const bool group = w == "they" && !last_group_.empty() && last_group_sentence_ + 1 >= si;
        sp.name = group ? last_group_ : last_organisation_;
      }
      return sp;
    }
    // A pronoun the rules above could not resolve ("you", "he's"): no speaker
    // rather than a pronoun, so the record says it stays unresolved. "Her
    // advisers" is a phrase, like "his campaign".
    const bool possessive_her = w == "her" && a + 1 < b && is_word(a + 1);
    if (is_pronoun_word(a) && !possessive_her) {
      sp.mention = std::make_pair(doc_.tokens[a].start, doc_.tokens[a].end);
      return sp;
    }
    // A phrase kept as written: "the company", "a NATO spokesman", "Boeing".
    // It ends before a verb of its own: "Democratic leaders are putting out
    // a …", "Pence went on to say".
    uint32_t e = b;
    for (uint32_t k = a; k < b; ++k) {
      if (!is_word(k) || is_relative_pronoun(lw(k)) ||
          (k > a && !doc_.tokens[k].upper && (is_finite_verb(lw(k)) || leads_speech(lw(k))))) {
        e = k;
        break;
      }
    }
    if (e <= a || e - a > kMaxPhraseTokens) return sp;
    // "A poll found that 74 percent of voters said …": the share of those
    // polled reports the poll's finding, so the poll is the source.
    if (is_share_of_respondents(a, e))
      if (const auto [pa, pe] = poll_before(a); pa < pe) {
        a = pa;
        e = pe;
      }
    const uint32_t sb = doc_.tokens[a].start, se = doc_.tokens[e - 1].end;
    sp.name.assign(doc_.text.substr(sb, se - sb));
    sp.mention = std::make_pair(sb, se);
    // "the senator", "the former president", "the 73-year-old": the person
    // the story gave that title, or the one it is about.
    if (lw(a) == "the" && e - a <= kMaxDescriptionTokens) {
      const int p = described_person(a, e);
      if (p >= 0) {
        sp.person = p;
        sp.name = people_.persons[p].name;
        return sp;
      }
    }
    // "housing experts", "officials from both parties": a group in the plural.
    if (!doc_.tokens[e - 1].upper && lw(e - 1).ends_with('s') && !is_possessive(e - 1)) {
      last_group_ = sp.name;
      last_group_sentence_ = doc_.sentence_of(a);
    }
    if (lw(a) == "the" && e - a <= 3 && is_organisation_noun(lw(e - 1))) {
      // "the company", "the auto firm": the organisation the story is about.
      if (!last_organisation_.empty()) sp.name = last_organisation_;
    } else if (doc_.tokens[a].upper) {
      last_organisation_ = sp.name;
    }
    return sp;
  }

  // "74 percent of likely voters", "Six in 10 Republicans", "a majority of
  // registered voters": a share of those a poll asked.
  bool is_share_of_respondents(uint32_t a, uint32_t e) const {
    for (uint32_t k = a; k < e; ++k) {
      if (!is_word(k)) continue;
      const std::string_view w = lw(k);
      if (w == "percent" || w.ends_with('%') || w == "majority" ||
          (w == "in" && k + 1 < e && lw(k + 1) == "10"))
        return true;
    }
    return false;
  }
  // The poll named as a noun phrase ("A Quinnipiac University poll", "a New
  // York Times/CBS News survey") in the sentence of token `at`, before it:
  // [a, e), or an empty range. A share opening a sentence of its own after
  // the poll ("Twenty-four percent said") is the source as written.
  std::pair<uint32_t, uint32_t> poll_before(uint32_t at) const {
    const uint32_t first = doc_.sentences[doc_.sentence_of(at)].first_token;
    const uint32_t from = at - first > kPollLookback ? at - kPollLookback : first;
    for (uint32_t k = at; k-- > from;) {
      if (!is_word(k) || in_quote_[k] || !is_poll_noun(lw(k)) || is_possessive(k)) continue;
      uint32_t a = k;
      while (a > from && k - a < kMaxSubjectTokens && (is_word(a - 1) || is_punct(a - 1, "/")) &&
             !in_quote_[a - 1] && !is_clause_boundary(lw(a - 1)) &&
             !never_starts_subject(lw(a - 1)) && !is_finite_verb(lw(a - 1)) && !is_cue(a - 1)) {
        --a;
        if (is_noun_determiner(lw(a))) break;
      }
      return {a, k + 1};
    }
    return {at, at};
  }

  bool compatible(uint32_t person, Gender g) const {
    const Gender pg = people_.genders[person];
    return pg == Gender::kUnknown || pg == g;
  }

  // "he"/"she": the last speaker, unless a person became the subject of a
  // sentence since ("Bob Corker was also unhappy. “…,” he said.").
  // The person a description ending in `head` before token `at` stands for:
  // the last one named before it whose titles hold `head` ("the senator" ->
  // "Sen. Bernie Sanders" or "Vermont senator"), or for an age ("the
  // 73-year-old") the last one named. -1 when none is near.
  int described_person(uint32_t at, uint32_t end) const {
    std::string_view head = lw(end - 1);
    const bool age = head.ends_with("-year-old");
    if (!age && !(is_title_head(head) && kResolveTitledDescriptions)) return -1;
    const PersonMention* m = people_.mention_before(at);
    if (m == nullptr) return -1;
    if (age) return static_cast<int>(m->person);
    // "the former president", "the Florida senator": a person whose title also
    // holds the words before the head comes first, else the nearest with the head.
    auto holds_all = [&](const std::string& title) {
      for (uint32_t k = at + 1; k + 1 < end; ++k)
        if (!title_has(title, lw(k))) return false;
      return true;
    };
    const PersonMention* first = people_.mentions.data();
    int nearest = -1;
    for (uint32_t n = 0; n < kDescriptionLookback; ++n, --m) {
      const std::vector<std::string>& titles = people_.persons[m->person].titles;
      for (size_t i = 0; i < titles.size() && i < kMaxTitlesCompared; ++i) {
        const std::string& title = titles[i];
        if (!title_has(title, head)) continue;
        if (holds_all(title)) return static_cast<int>(m->person);
        if (nearest < 0) nearest = static_cast<int>(m->person);
      }
      if (m == first) break;
    }
    return nearest;
  }
  // Does `title` ("Vermont Sen.", "NATO Secretary-General") hold the lower-case word `head`,
  // written out or abbreviated?
  static bool title_has(std::string_view title, std::string_view head) {
    size_t i = 0;
    while (i < title.size()) {
      size_t j = title.find(' ', i);
      if (j == std::string_view::npos) j = title.size();
      std::string_view w = title.substr(i, j - i);
      if (!w.empty() && w.back() == '.') w.remove_suffix(1);
      const std::string_view abbreviation = title_abbreviation(head);
      if (core::iequals(w, head) || (!abbreviation.empty() && core::iequals(w, abbreviation)))
        return true;
      i = j + 1;
    }
    return false;
  }

  // 5. Who "he" or "she" at token `at` is: the person it refers back to
  // (referents_), unless the last speaker is compatible and spoke since that
  // person was last referred to.
  int resolve_pronoun(uint32_t at, Gender g) const {
    const uint32_t para = doc_.sentences[doc_.sentence_of(at)].paragraph;
    const Antecedent found = antecedent(doc_.sentence_of(at), at, g);
    const bool speaker_ok = last_speaker_ >= 0 &&
                            para - last_speaker_paragraph_ <= kSpeakerMemoryParagraphs &&
                            compatible(static_cast<uint32_t>(last_speaker_), g);
    if (speaker_ok && (found.person < 0 || found.weak || found.token <= last_speaker_token_))
      return last_speaker_;
    return found.person;
  }

  // A person mention or a form of "he" or "she" outside quotation marks, and
  // the person it stands for (-1 when unresolved).
  struct Referent {
    uint32_t token = 0;
    int person = -1;
    Gender gender = Gender::kUnknown;  // a pronoun's; kUnknown for a name
    // A name that modifies or owns another noun ("the Clinton campaign",
    // "Dana Reyes's statement"): an antecedent only when its sentence has no other.
    bool weak = false;
  };
  struct Antecedent {
    int person = -1;
    uint32_t token = 0;  // where that person was named or referred to
    bool weak = false;   // there as an owner, a modifier or an object
  };

  // The chains of reference: every name and pronoun outside quotation marks in
  // text order, each pronoun resolved to the person of the first compatible
  // referent earlier in its sentence, else in the nearest sentence before that
  // has one (the subject, usually, since it comes first). A pronoun resolved so
  // carries its person on, so "He" three sentences after the name still finds
  // it, and words inside quotation marks (someone else's speech) never do.
  void index_referents() {
    referents_.clear();
    first_referent_.assign(doc_.sentences.size() + 1, 0);
    auto m = people_.mentions.begin();
    for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
      const Sentence& s = doc_.sentences[si];
      first_referent_[si] = static_cast<uint32_t>(referents_.size());
      for (uint32_t k = s.first_token; k < s.last_token; ++k) {
        while (m != people_.mentions.end() && m->first_token < k) ++m;
        if (m != people_.mentions.end() && m->first_token == k) {
          uint32_t t = k;  // "the Clinton campaign", "the General Assembly"
          while (t > s.first_token && is_word(t - 1) && doc_.tokens[t - 1].upper &&
                 lw(t - 1) != "the")
            --t;
          const bool weak = (t > s.first_token && is_word(t - 1) && lw(t - 1) == "the") ||
                            is_possessive(m->last_token - 1);
          if (!in_quote_[k])
            referents_.push_back({k, static_cast<int>(m->person), Gender::kUnknown, weak});
          k = std::max(k, m->last_token - 1);
          continue;
        }
        if (in_quote_[k] || !is_word(k)) continue;
        const Gender g = referring_pronoun_gender(uncontracted(k));
        if (g == Gender::kUnknown) continue;
        // "him", "his", "her": an object or an owner, weak like a name that is one.
        const bool weak = pronoun_gender(uncontracted(k)) == Gender::kUnknown;
        referents_.push_back({k, antecedent(si, k, g).person, g, weak});
      }
    }
    first_referent_[doc_.sentences.size()] = static_cast<uint32_t>(referents_.size());
  }

  // The first referent compatible with gender g before token `at` in sentence
  // si, else in each of the kPronounLookback sentences before it.
  Antecedent antecedent(uint32_t si, uint32_t at, Gender g) const {
    for (uint32_t back = 0; back <= kPronounLookback && back <= si; ++back) {
      const uint32_t s = si - back;
      const uint32_t b = first_referent_[s];
      const uint32_t e =
          back == 0 ? static_cast<uint32_t>(referents_.size()) : first_referent_[s + 1];
      Antecedent weak;
      for (uint32_t r = b; r < e && r - b < static_cast<uint32_t>(kMaxMentionsScanned); ++r) {
        const Referent& ref = referents_[r];
        if (ref.token >= at) break;
        if (ref.person < 0) continue;
        const bool fits = ref.gender == Gender::kUnknown
                              ? compatible(static_cast<uint32_t>(ref.person), g)
                              : ref.gender == g;
        if (!fits) continue;
        if (!ref.weak) return {ref.person, ref.token, false};
        if (weak.person < 0) weak = {ref.person, ref.token, true};
      }
      if (weak.person >= 0) return weak;
    }
    return {};
  }

  // Subject that ends just before verb v, skipping auxiliaries: [a, b).
  // `local`: the words before the verb and nothing else, for a verb that
  // closes its sentence ("…, the AP reported."), where no apposition splits
  // subject and verb.
  std::pair<uint32_t, uint32_t> subject_before(uint32_t v, uint32_t limit,
                                               bool local = false) const {
    uint32_t b = v;
    // "Republicans have often said", "the Florida Republican would only say";
    // auxiliaries also stand on either side of a time phrase: "Clinton on
    // Tuesday said", "Clinton has on Tuesday said".
    auto skip_auxiliaries = [&] {
      while (b > limit && is_word(b - 1) && is_auxiliary(lw(b - 1)) && v - b < kMaxAuxiliaries) --b;
    };
    skip_auxiliaries();
    if (b > limit + 1) b = without_adjuncts(limit, b);
    skip_auxiliaries();
    if (b <= limit) return {b, b};
    if (const PersonMention* m = people_.mention_at(b - 1)) {
      // "John Howard and industry minister Ian MacDonald announced": the first of them.
      uint32_t k = m->first_token;
      while (k > limit && m->first_token - k < kMaxTitleTokens && is_word(k - 1) &&
             !is_punct(k - 1, ",") &&
             (is_title_head(lw(k - 1)) || is_title_modifier(lw(k - 1)) || doc_.tokens[k - 1].upper))
        --k;
      if (k > limit + 1 && lw(k - 1) == "and")
        if (const PersonMention* first = people_.mention_at(k - 2))
          return {first->first_token, first->last_token};
      return {m->first_token, m->last_token};
    }
    if (is_word(b - 1) && is_pronoun(lw(b - 1))) return {b - 1, b};
    uint32_t a = b;
    while (a > limit && b - a < kMaxSubjectTokens && is_word(a - 1) && !in_quote_[a - 1] &&
           !is_clause_boundary(lw(a - 1)))
      --a;
    // "Tom LaSorda, the president of Chrysler, announced", "Whitey MacDonald, chairperson
    // of Local 1520, Canadian Auto Workers union said": the person before the apposition.
    if (local) return a < b && plausible_subject(a) ? std::make_pair(a, b) : std::make_pair(b, b);
    if (a < b && a > limit + 1 && is_punct(a - 1, ",")) {
      // Not "After her meeting with Reyes, the council announced": the
      // person opens the sentence, after a title at most.
      // "Although Reyes lacks …, officials say", "In Mr. Ortiz's favor, all
      // the analysts said": a name after a conjunction or a preposition, or
      // one that owns a noun, is no subject.
      const uint32_t k = first_mention_from(limit);
      bool opens = k != kNoToken && !is_possessive(people_.mention_at(k)->last_token - 1);
      for (uint32_t t = limit; opens && t < k; ++t)
        opens = is_word(t) && doc_.tokens[t].upper && !is_name_stop_word(lw(t));
      if (opens && k + 1 < a) {
        const PersonMention* m = people_.mention_at(k);
        return {m->first_token, m->last_token};
      }
    }
    // A participle ("releasing a statement saying"), a verb after "and", an
    // apposition ("Todd Tiahrt, a Kansas representative, said"): the speaker is
    // the sentence's subject.
    const bool participle = lw(v).ends_with("ing");
    // "…, Marsh said, adding, “…”": a participle after a speech verb and a comma
    // has that verb's subject.
    if (participle && v >= limit + 3 && is_punct(v - 1, ",") && is_cue(v - 2))
      if (auto [pa, pb] = subject_before(v - 2, limit, local); pa < pb) return {pa, pb};
    if (participle || a == b || is_punct(b - 1, ",") || !plausible_subject(a)) {
      const uint32_t k = first_he_or_mention_from(limit);
      // "A federal judge has rejected a request on Reyes's lawsuit, saying":
      // a name after the sentence's own verb is its object; the phrase
      // before that verb is the subject.
      if (k != kNoToken && k < v) {
        if (const uint32_t e = verb_after_opening_phrase(limit, k); e != kNoToken)
          return {limit, e};
        if (const PersonMention* m = people_.mention_at(k)) {
          // "The Sanders campaign responded Friday, saying", "Ryan's campaign
          // shrugged it off, telling": the group the name modifies or owns.
          if (const uint32_t n = m->last_token; n < v && names_group_at(n, limit, k))
            return {limit, n + 1};
          return {m->first_token, m->last_token};
        }
        return {k, k + 1};
      }
      // "A White House official, who requested anonymity ..., said": the phrase
      // that opens the sentence, before the apposition.
      if (b - 1 > limit && (is_punct(b - 1, ",") || is_dash(b - 1))) {
        uint32_t e = limit;
        while (e < b && e - limit < kMaxSubjectTokens && is_word(e) && !in_quote_[e]) ++e;
        if (e > limit && e + 1 < b && (is_punct(e, ",") || is_dash(e)) &&
            plausible_subject(limit) && !is_cue(e - 1))
          return {limit, e};
      }
    }
    if (a == b || !plausible_subject(a)) return {b, b};
    return {a, b};
  }

  // The first person mention (or, below, mention or "he"/"she") at or after
  // token `from` in from's sentence; kNoToken when none. Computed once per
  // sentence start, since every verb of a sentence asks with the same `from`.
  uint32_t first_mention_from(uint32_t from) const {
    index_subjects(from);
    return first_mention_;
  }
  uint32_t first_he_or_mention_from(uint32_t from) const {
    index_subjects(from);
    return first_he_or_mention_;
  }
  void index_subjects(uint32_t from) const {
    if (from == subject_cache_from_) return;
    subject_cache_from_ = from;
    first_mention_ = first_he_or_mention_ = kNoToken;
    if (from >= doc_.tokens.size()) return;
    const uint32_t end = doc_.sentences[doc_.sentence_of(from)].last_token;
    for (uint32_t k = from; k < end && first_mention_ == kNoToken; ++k) {
      if (in_quote_[k]) continue;  // a name inside a quote is the speaker's words
      const bool mention = people_.mention_at(k) != nullptr;
      if (mention) first_mention_ = k;
      if (first_he_or_mention_ == kNoToken &&
          (mention || (is_word(k) && pronoun_gender(lw(k)) != Gender::kUnknown)))
        first_he_or_mention_ = k;
    }
  }

  // A subject phrase may not start with a conjunction, a preposition or a participle.
  bool plausible_subject(uint32_t a) const {
    if (!is_word(a)) return false;
    std::string_view w = lw(a);
    if (is_clause_boundary(w) || w.ends_with("ing")) return false;
    return !never_starts_subject(w);
  }

  // Is token n, right after a name at k opening the sentence at `limit`
  // ("The Sanders campaign", "Ryan's office"), the group that name modifies or owns?
  bool names_group_at(uint32_t n, uint32_t limit, uint32_t k) const {
    if (!is_word(n) || doc_.tokens[n].upper || !is_group_noun(lw(n))) return false;
    // Not "the Trump campaign manager Corey Lewandowski", "Carson's business manager".
    if (n + 1 < doc_.tokens.size() && is_word(n + 1) &&
        (doc_.tokens[n + 1].upper || is_title_head(lw(n + 1)) || is_group_noun(lw(n + 1))))
      return false;
    for (uint32_t t = limit; t < k; ++t)
      if (!is_word(t) || !(doc_.tokens[t].upper || is_noun_determiner(lw(t)))) return false;
    return true;
  }

  // The verb that ends a lower-case noun phrase opening the sentence at
  // `limit` ("A federal judge has rejected"), before token `k`; kNoToken when
  // the sentence opens otherwise.
  uint32_t verb_after_opening_phrase(uint32_t limit, uint32_t k) const {
    if (!plausible_subject(limit) ||
        (is_name_stop_word(lw(limit)) && !is_noun_determiner(lw(limit))))
      return kNoToken;
    for (uint32_t e = limit + 1; e < k && e - limit <= kMaxSubjectTokens; ++e) {
      if (!is_word(e) || in_quote_[e] || people_.mention_at(e)) return kNoToken;
      if (doc_.tokens[e].upper || !is_finite_verb(lw(e))) continue;
      // "A contrary view is offered by Charles O'Reilly, who stated": the
      // name after a passive verb's "by" is its agent, the subject in sense.
      for (uint32_t t = e + 1; t < k && t - e <= kMaxSubjectTokens; ++t)
        if (is_word(t) && lw(t) == "by") return kNoToken;
      return e;
    }
    return kNoToken;
  }

  // Subject right after verb v ("said Stoltenberg, who ..."): [a, b).
  std::pair<uint32_t, uint32_t> subject_after(uint32_t v, uint32_t limit) const {
    const uint32_t a = v + 1;
    if (a >= limit) return {a, a};
    if (const PersonMention* m = people_.mention_at(a)) {
      // "according to the governor's former budget chief Ana Ruiz": the
      // owner's title names the speaker after it.
      if (is_possessive(m->last_token - 1))
        for (uint32_t k = m->last_token;
             k < limit && k - m->last_token < kMaxTitleTokens && is_word(k); ++k)
          if (const PersonMention* named = people_.mention_at(k)) return {a, named->last_token};
      return {m->first_token, m->last_token};
    }
    uint32_t b = a;
    while (b < limit && b - a < kMaxPhraseTokens && is_word(b) && !ends_subject_after_verb(lw(b)))
      ++b;
    // "said the firm's chief executive officer, Alan Mulally": the name after the title.
    if (b + 1 < limit && is_punct(b, ","))
      if (const PersonMention* m = people_.mention_at(b + 1))
        return {m->first_token, m->last_token};
    for (uint32_t k = a; k < b; ++k)
      if (const PersonMention* m = people_.mention_at(k)) return {m->first_token, m->last_token};
    // A long phrase is the speaker as written ("the average of recent polls
    // compiled by Real Clear Politics") unless a verb makes it a clause.
    if (b - a > kMaxSubjectTokens)
      for (uint32_t k = a; k < b; ++k)
        if (is_finite_verb(lw(k)) || lw(k) == "that") {
          b = a + kMaxSubjectTokens;
          break;
        }
    return {a, b};
  }

  void remember(const Speaker& sp, uint32_t token) {
    if (sp.person >= 0) {
      last_speaker_ = sp.person;
      last_speaker_token_ = token;
      last_speaker_paragraph_ = doc_.sentences[doc_.sentence_of(token)].paragraph;
    }
  }

  struct Attribution {
    Speaker speaker;
    std::string cue;
  };

  // 3. "…,” Stoltenberg said." / "…,” said Stoltenberg, who …"
  std::optional<Attribution> attribution_after(const Span& sp) {
    uint32_t t = first_token_at(sp.after);
    if (t >= doc_.tokens.size()) return std::nullopt;
    const uint32_t si = doc_.sentence_of(t);
    const Sentence& s = doc_.sentences[si];
    // After ".”" ICU starts a new sentence; a short one may still be the attribution.
    const bool same_sentence = doc_.tokens[t].start < s.end && sp.after > s.start;
    // A sentence never opens in lower case: after “…?” or “…!” the words
    // "said Zeynep Tufekci, an assistant professor …" are the quote's attribution.
    const bool lower_start = !same_sentence && is_word(s.first_token) &&
                             !doc_.tokens[s.first_token].upper && is_cue(s.first_token);
    // "“You think I'm going to change?” Trump asked reporters …": after a
    // question or an exclamation, a sentence that opens with a name (or "he",
    // "she") and a speech verb is the quote's attribution however long it runs.
    bool named_start = false;
    if (!same_sentence && !lower_start && sp.end > sp.start &&
        (doc_.text[sp.end - 1] == '?' || doc_.text[sp.end - 1] == '!')) {
      uint32_t verb = kNoToken;
      if (const PersonMention* m = people_.mention_at(s.first_token);
          m != nullptr && m->first_token == s.first_token)
        verb = m->last_token;
      else if (pronoun_gender(lw(s.first_token)) != Gender::kUnknown)
        verb = s.first_token + 1;
      named_start = verb < s.last_token && is_cue(verb);
    }
    if (!same_sentence && !lower_start && !named_start && s.last_token - s.first_token > 8)
      return std::nullopt;
    if (doc_.sentences[si].paragraph !=
        doc_.sentences[doc_.sentence_of(first_token_at(sp.open))].paragraph)
      return std::nullopt;
    uint32_t dash = kNoToken;
    while (t < s.last_token && (is_punct(t, ",") || is_dash(t))) {
      if (is_dash(t)) dash = t;
      ++t;
    }
    uint32_t limit = std::min(s.last_token, t + kMaxAttributionTokens);
    // "“…,” Trump, the 2016 GOP presidential frontrunner …, said": a named
    // speaker whose apposition runs long, closed by a comma and the verb.
    if (const PersonMention* m = people_.mention_at(t); m != nullptr && m->first_token == t &&
                                                        m->last_token < s.last_token &&
                                                        is_punct(m->last_token, ",")) {
      const uint32_t far = std::min(s.last_token, t + kMaxAppositionAttributionTokens);
      for (uint32_t k = std::max(limit, m->last_token + 1); k < far; ++k) {
        if (is_mark(k) || in_quote_[k]) break;
        if (is_cue(k) && is_punct(k - 1, ",")) {
          limit = k + 1;
          break;
        }
      }
    }
    // "“…” ― Francisco Herrero.": a dash and a name that close the sentence sign the quote.
    if (dash != kNoToken) {
      uint32_t e = t;
      while (e < s.last_token && is_word(e) && doc_.tokens[e].upper) ++e;
      const bool closes = e == s.last_token || (e + 1 == s.last_token && is_punct(e, "."));
      if (e > t && e - t <= kMaxSubjectTokens && closes) {
        Attribution at;
        at.cue.assign(doc_.word(dash));
        at.speaker = subject(t, e);
        return at;
      }
    }
    // "…,” enthused Scott Fancher": any verb in the past tense right before a name.
    if (t + 1 < limit && is_word(t) && !doc_.tokens[t].upper && lw(t).ends_with("ed") &&
        people_.mention_at(t + 1) && people_.mention_at(t + 1)->first_token == t + 1) {
      Attribution at;
      at.cue.assign(doc_.word(t));
      at.speaker = subject(t + 1, t + 2);
      return at;
    }
    for (uint32_t v = t; v < limit; ++v) {
      if (is_mark(v) || in_quote_[v]) break;
      if (!is_cue(v)) continue;
      // "” President Obama said “…”": that verb introduces the next quote.
      if (!same_sentence && v + 1 < s.last_token && is_mark(v + 1)) return std::nullopt;
      Attribution at;
      at.cue.assign(doc_.word(v));
      if (v == t || (v == t + 1 && is_auxiliary(lw(t)))) {
        auto [a, b] = subject_after(v, s.last_token);
        at.speaker = subject(a, b);
      } else {
        // The subject starts right after the quote: "Stoltenberg, a former ..., said".
        if (!plausible_subject(t) && !people_.mention_at(t)) return std::nullopt;
        uint32_t e = t;
        while (e < v && is_word(e) && !is_auxiliary(lw(e))) ++e;
        if (const PersonMention* m = people_.mention_at(t)) e = std::max(e, m->last_token);
        // "“…” would be appropriate, Republican candidate Ben Carson said": no
        // subject right after the quote, so the quote is the sentence's report.
        if (e == t) return std::nullopt;
        at.speaker = subject(t, e);
      }
      return at;
    }
    return std::nullopt;
  }

  // 3. "Stoltenberg said: “…”" / "He added, “…”" / "According to X, “…”"
  std::optional<Attribution> attribution_before(const Span& sp, bool capital_start) {
    const uint32_t o = first_token_at(sp.open);
    if (o >= doc_.tokens.size()) return std::nullopt;
    const uint32_t si = doc_.sentence_of(o);
    const Sentence& s = doc_.sentences[si];
    if (o <= s.first_token) return std::nullopt;
    uint32_t last = o - 1;
    const bool lead_in = is_punct(last, ":") || is_punct(last, ",") ||
                         (is_word(last) && (is_cue(last) || lw(last) == "that")) || capital_start;
    if (!lead_in) return std::nullopt;
    // "Bill Bodie: “…”", "spoke about the incident: “…”": the person the lead-in names.
    if (is_punct(last, ":")) {
      const PersonMention* m = people_.mention_at(last - 1 > s.first_token ? last - 1 : last);
      // Only a name that opens the sentence: in "compared him with Reyes: “…”"
      // the name before the colon is the object.
      for (uint32_t k = s.first_token; m != nullptr && k < m->first_token; ++k)
        if (!is_word(k) || !doc_.tokens[k].upper) m = nullptr;
      if (m != nullptr) {
        Attribution at;
        at.speaker = subject(m->first_token, m->last_token);
        return at;
      }
    }
    const uint32_t floor =
        last > kMaxLeadTokens + s.first_token ? last - kMaxLeadTokens : s.first_token;
    for (uint32_t v = last + 1; v-- > floor;) {
      if (in_quote_[v] || is_mark(v)) break;
      if (is_according_to(v, o)) {
        Attribution at;
        at.cue = "according to";
        auto [a, b] = subject_after(v + 1, o);
        at.speaker = subject(a, b);
        return at;
      }
      if (!is_cue(v)) continue;
      Attribution at;
      at.cue.assign(doc_.word(v));
      auto [a, b] = subject_before(v, s.first_token);
      if (a == b) std::tie(a, b) = subject_after(v, o);
      at.speaker = subject(a, b);
      return at;
    }
    if (is_punct(last, ":")) {
      const uint32_t k = first_mention_from(s.first_token);
      if (k != kNoToken && k < last) {
        const PersonMention* m = people_.mention_at(k);
        Attribution at;
        at.speaker = subject(m->first_token, m->last_token);
        return at;
      }
    }
    return std::nullopt;
  }

  // The sentence's own speech verb and subject, for partial quotes: "Biden said … “…”".
  std::optional<Attribution> sentence_speaker(uint32_t si) {
    if (si != sentence_speaker_si_) {
      sentence_speaker_si_ = si;
      sentence_speaker_ = find_sentence_speaker(si);
    }
    return sentence_speaker_;
  }
  std::optional<Attribution> find_sentence_speaker(uint32_t si) {
    const Sentence& s = doc_.sentences[si];
    for (uint32_t v = s.first_token; v < s.last_token; ++v) {
      if (in_quote_[v] || !is_cue(v)) continue;
      if (doc_.tokens[v].upper && v > s.first_token) continue;
      auto [a, b] = subject_before(v, s.first_token);
      if (a == b) continue;
      Attribution at;
      at.cue.assign(doc_.word(v));
      at.speaker = subject(a, b);
      if (at.speaker.name.empty() && !at.speaker.mention) continue;
      return at;
    }
    return std::nullopt;
  }

  lede::Quote make_quote(uint32_t start, uint32_t end, std::string kind, Attribution at) {
    if (kind == "indirect" && !at.speaker.name.empty()) last_report_ = {end, at};
    lede::Quote q;
    q.start = start;
    q.end = end;
    // The text is copied once the quote's extent is final (run()): an indirect
    // clause may still be cut short by the next speaker in its sentence.
    q.kind = std::move(kind);
    q.cue = std::move(at.cue);
    q.speaker = std::move(at.speaker.name);
    q.speaker_mention = at.speaker.mention;
    return q;
  }

  std::optional<lede::Quote> direct_or_partial(const Span& sp, uint32_t si) {
    if (sp.end <= sp.start) return std::nullopt;
    std::string_view content = doc_.text.substr(sp.start, sp.end - sp.start);
    const uint32_t b = first_token_at(sp.start), e = first_token_at(sp.end);
    uint32_t words = 0;
    for (uint32_t k = b; k < e; ++k) words += is_word(k);
    // 2. Kind.
    // A quote within the quote may close with it: “… ‘Look, we don't expect …'”.
    std::string_view body = content;
    if (body.ends_with("\u2019"))
      body.remove_suffix(3);
    else if (body.ends_with("'"))
      body.remove_suffix(1);
    if (body.empty()) body = content;
    const char last = body.back();
    const bool ends_clause = last == ',' || last == '.' || last == '?' || last == '!' ||
                             last == ':' || last == ';' || body.ends_with("\u2026") ||
                             body.ends_with("\u2014") || !sp.closed;
    const bool starts_upper = b < e && doc_.tokens[b].upper;
    uint32_t before = sp.open;
    while (before > 0 && core::is_ascii_space(doc_.text[before - 1])) --before;
    const char prev = before > 0 ? doc_.text[before - 1] : '\n';
    const Sentence& s = doc_.sentences[si];
    const bool at_sentence_start = sp.open <= s.start;
    const bool lead = prev == ':' || prev == ',' || prev == '\n' || at_sentence_start ||
                      before == doc_.paragraphs[s.paragraph].start;
    const bool direct =
        words >= 2 && ((starts_upper && (lead || ends_clause)) || (lead && ends_clause));
    if (!direct && words < 2) return std::nullopt;
    // A short title-case phrase in marks is a name ("Snow Leopard", "New GM"),
    // or a title inside the writer's sentence even with a comma or period
    // before its closing mark (on CBS's “Face the Nation,” ...), not a quote.
    const bool opens_paragraph = sp.open == doc_.paragraphs[s.paragraph].start;
    if ((!ends_clause && words <= 4) || (!opens_paragraph && words <= kMaxTitleWords)) {
      bool title_case = true;
      for (uint32_t k = b; k < e; ++k)
        if (is_word(k) && !doc_.tokens[k].upper && !is_minor_word(lw(k)) &&
            !(doc_.word(k)[0] >= '0' && doc_.word(k)[0] <= '9'))
          title_case = false;
      if (title_case) return std::nullopt;
    }
    // 3. Attribution.
    // A lead-in ending in a colon names the speaker before the quote ("states: “…”").
    std::optional<Attribution> at;
    if (prev == ':') at = attribution_before(sp, starts_upper && direct);
    bool own_after = false;
    if (!at) own_after = (at = attribution_after(sp)).has_value();
    if (!at) at = attribution_before(sp, starts_upper && direct);
    // "“…” of the proposals, Mr. Holtz-Eakin said.": the sentence's own speaker.
    if (!at) at = sentence_speaker(si);
    if (!at) at = named_lead(sp);
    if (!at) at = transcript_turn(sp);
    if (!at && direct) at = colon_lead(sp);
    bool inherits = false;
    if (!at && direct) inherits = (at = inherited(sp)).has_value();
    // "…, Brandt said. “The other factor …”": a direct quote that only a
    // report in its paragraph attributes is that report's next part.
    joins_report_ = false;
    if (!at && direct)
      joins_report_ = (at = reported_before(sp)).has_value() && same_paragraph_as_report(sp);
    if (!at && direct) at = subject_before_quote(sp);
    if (!direct && !at) return std::nullopt;
    // "“By acting first,” the mayor said, “we now …”", "“…,” he said, but
    // “when it comes to …”": quoted words after a quote's attribution are its
    // next part, whatever their kind.
    continues_previous_ = !own_after && (direct ? inherits || interrupts_previous(sp, at)
                                                : at && interrupts_previous(sp, at));
    if (at) remember(at->speaker, b);
    Attribution a = at ? std::move(*at) : Attribution{};
    // Words quoted before their own attribution ("Teachers are “looking to
    // see …,” García said. “That's got to …”") lead the quotes after them too.
    anchors_ = direct || own_after;
    if (direct)
      for (uint32_t k = first_token_at(sp.open), z = first_token_at(sp.after); k < z; ++k)
        in_direct_[k] = true;
    if (anchors_) {
      last_direct_ = {sp.after, a};
      last_direct_paragraph_end_ =
          doc_.paragraphs[doc_.sentences[doc_.sentence_of(e > b ? e - 1 : b)].paragraph].end;
    }
    return make_quote(sp.start, sp.end, direct ? "direct" : "partial", std::move(a));
  }

  // "“We will win,” he said. “And we will win big.”": the quote at `sp` is the
  // second part of the last direct quote when only that quote's attribution
  // (a speech verb, a few words) stands between them in one paragraph, and the
  // speaker is the same or not named again.
  bool interrupts_previous(const Span& sp, const std::optional<Attribution>& at) const {
    if (!last_direct_) return false;
    const uint32_t gap_b = first_token_at(last_direct_->first), gap_e = first_token_at(sp.open);
    if (gap_b == 0 || gap_e <= gap_b || gap_e - gap_b > kMaxInterruptionTokens) return false;
    if (doc_.sentences[doc_.sentence_of(gap_b - 1)].paragraph !=
        doc_.sentences[doc_.sentence_of(gap_e)].paragraph)
      return false;
    // One speech verb: "“…,” he said. He added, “…”" is two attributions.
    uint32_t cues = 0;
    for (uint32_t k = gap_b; k < gap_e; ++k) {
      if (in_quote_[k] || is_mark(k)) return false;
      cues += is_cue(k);
    }
    if (cues != 1) return false;
    const std::string& before = last_direct_->second.speaker.name;
    return !at || at->speaker.name.empty() || at->speaker.name == before;
  }

  // Adds the quote `next` to `first` as its next part.
  static void add_part(lede::Quote& first, const lede::Quote& next) {
    if (first.parts.empty()) first.parts.emplace_back(first.start, first.end);
    first.parts.emplace_back(next.start, next.end);
    first.end = next.end;
  }

  // A quote with no attribution of its own continues the last direct quote's
  // speaker if it sits in the same paragraph or opens the next one.
  std::optional<Attribution> inherited(const Span& sp) {
    if (!last_direct_) return std::nullopt;
    const uint32_t para = doc_.sentences[doc_.sentence_of(first_token_at(sp.open))].paragraph;
    const uint32_t prev_para =
        doc_.sentences[doc_.sentence_of(first_token_at(last_direct_->first) -
                                        (first_token_at(last_direct_->first) > 0))]
            .paragraph;
    if (para != prev_para && para != prev_para + 1) return std::nullopt;
    if (para == prev_para + 1 && doc_.paragraphs[para].start != sp.open) return std::nullopt;
    // "“…,” the judge exclaimed. “…”": an attribution with a cue is one even
    // when its speaker stays unnamed.
    // Two quotes that nothing attributes, in one paragraph, are one speaker's too.
    if (last_direct_->second.speaker.name.empty() && last_direct_->second.cue.empty() &&
        para != prev_para)
      return std::nullopt;
    return last_direct_->second;
  }

  // "17-year-old Jared Potts echoed:\n\n“He speaks his mind …”": a quote that
  // opens the paragraph after one ending in a colon is that sentence's
  // speaker's, or its first person's.
  std::optional<Attribution> colon_lead(const Span& sp) {
    const uint32_t t = first_token_at(sp.open);
    if (t == 0 || t >= doc_.tokens.size()) return std::nullopt;
    const uint32_t para = doc_.sentences[doc_.sentence_of(t)].paragraph;
    if (para == 0 || doc_.paragraphs[para].start != sp.open || !is_punct(t - 1, ":"))
      return std::nullopt;
    const uint32_t si = doc_.sentence_of(t - 1);
    if (auto at = find_sentence_speaker(si)) return at;
    const Sentence& s = doc_.sentences[si];
    for (uint32_t k = s.first_token; k < s.last_token; ++k)
      if (const PersonMention* m = people_.mention_at(k)) {
        Attribution at;
        at.speaker = subject(m->first_token, m->last_token);
        return at;
      }
    return std::nullopt;
  }

  // "Dr. Ben Carson: Hillary Clinton ‘Not Fit To Serve …’": a paragraph that
  // opens with a person's name and a colon (a headline, a transcript's turn)
  // gives the quotes in its first sentence to that person.
  std::optional<Attribution> named_lead(const Span& sp) {
    const uint32_t o = first_token_at(sp.open);
    if (o >= doc_.tokens.size()) return std::nullopt;
    const Sentence& s = doc_.sentences[doc_.sentence_of(o)];
    if (s.first_token != doc_.sentences[doc_.paragraphs[s.paragraph].first_sentence].first_token)
      return std::nullopt;
    for (uint32_t k = s.first_token; k < o && k - s.first_token < kMaxTitleTokens; ++k) {
      if (!is_word(k) || !doc_.tokens[k].upper) return std::nullopt;
      const PersonMention* m = people_.mention_at(k);
      if (m == nullptr) continue;
      if (m->last_token >= o || !is_punct(m->last_token, ":")) return std::nullopt;
      Attribution at;
      at.speaker = subject(m->first_token, m->last_token);
      return at;
    }
    return std::nullopt;
  }

  // "Marsh is upbeat about the vote. “Not only can we win …”":
  // a direct quote that nothing else attributes is the person's whom the
  // sentence before it (in its paragraph or closing the one before) is about,
  // the first person it names outside quotation marks.
  std::optional<Attribution> subject_before_quote(const Span& sp) const {
    const uint32_t o = first_token_at(sp.open);
    if (o >= doc_.tokens.size()) return std::nullopt;
    const uint32_t si = doc_.sentence_of(o);
    const Sentence& s = doc_.sentences[si];
    uint32_t from = si;  // the sentence whose first referent speaks
    if (s.first_token == o) {
      if (si == 0 || doc_.sentences[si - 1].paragraph + 1 < s.paragraph) return std::nullopt;
      from = si - 1;
    }
    const uint32_t r = first_referent_[from];
    if (r < first_referent_[from + 1]) {
      const Referent& ref = referents_[r];
      // The sentence's subject: it opens the sentence, after a title at most.
      const uint32_t first = doc_.sentences[from].first_token;
      for (uint32_t k = first; k < ref.token; ++k)
        if (!is_word(k) || !doc_.tokens[k].upper) return std::nullopt;
      if (ref.token >= o || ref.person < 0 || ref.weak) return std::nullopt;
      Attribution at;
      at.speaker.person = ref.person;
      at.speaker.name = people_.persons[ref.person].name;
      return at;
    }
    return std::nullopt;
  }

  // "“HOST: Let's start with …": a transcript's turn, quoted, names its
  // speaker in capitals before a colon; the person of that surname, if named.
  std::optional<Attribution> transcript_turn(const Span& sp) const {
    const uint32_t b = first_token_at(sp.start), e = first_token_at(sp.end);
    uint32_t k = b;
    while (k < e && k - b < kMaxTurnNameTokens && is_word(k) && is_capitals(k)) ++k;
    if (k == b || k >= e || !is_punct(k, ":")) return std::nullopt;
    Attribution at;
    at.cue = ":";
    if (!surnames_built_) {  // once, on the first turn
      surnames_built_ = true;
      for (size_t p = people_.persons.size(); p-- > 0;) {
        const std::string& name = people_.persons[p].name;
        const size_t space = name.rfind(' ');
        if (space == std::string::npos) continue;
        // The first person of that surname stays.
        surnames_[core::ascii_lower(std::string_view(name).substr(space + 1))] =
            static_cast<int>(p);
      }
    }
    if (auto it = surnames_.find(core::ascii_lower(doc_.word(k - 1))); it != surnames_.end()) {
      at.speaker.person = it->second;
      at.speaker.name = people_.persons[it->second].name;
      return at;
    }
    const uint32_t start = doc_.tokens[b].start;
    at.speaker.name.assign(doc_.text.substr(start, doc_.tokens[k - 1].end - start));
    return at;
  }
  // Word k is written in capitals only, two letters or more: "HOST", "O'NEIL".
  bool is_capitals(uint32_t k) const {
    std::string_view w = doc_.word(k);
    uint32_t letters = 0;
    for (char c : w) {
      if (c >= 'a' && c <= 'z') return false;
      letters += c >= 'A' && c <= 'Z';
    }
    return letters >= 2;
  }

  // "…, the editorial board writes. “It's a sign …”": a direct quote with no
  // attribution of its own, in the paragraph of a report (or opening the next
  // one), is that report's speaker's.
  std::optional<Attribution> reported_before(const Span& sp) const {
    if (!last_report_ || last_report_->first > sp.open) return std::nullopt;
    if (last_direct_ && last_direct_->first > last_report_->first) return std::nullopt;
    const uint32_t para = doc_.sentences[doc_.sentence_of(first_token_at(sp.open))].paragraph;
    const uint32_t t = first_token_at(last_report_->first);
    const uint32_t prev_para = doc_.sentences[doc_.sentence_of(t > 0 ? t - 1 : 0)].paragraph;
    if (para != prev_para && !(para == prev_para + 1 && doc_.paragraphs[para].start == sp.open))
      return std::nullopt;
    return last_report_->second;
  }

  bool same_paragraph_as_report(const Span& sp) const {
    const uint32_t t = first_token_at(last_report_->first);
    return doc_.sentences[doc_.sentence_of(t > 0 ? t - 1 : 0)].paragraph ==
           doc_.sentences[doc_.sentence_of(first_token_at(sp.open))].paragraph;
  }

  // "has (recently) added", "will be added"
  bool perfect_or_passive(uint32_t v, uint32_t first) const {
    uint32_t k = v;
    while (k > first && is_word(k - 1) && is_auxiliary_adverb(lw(k - 1))) --k;
    if (k == first || !is_word(k - 1)) return false;
    return is_perfect_or_passive_auxiliary(lw(k - 1));
  }

  // 4. Indirect speech in sentence si.
  // Where a reported clause starting at token c must stop: before a direct
  // quote in the sentence (at the comma before it), or the sentence's end.
  uint32_t clause_end(uint32_t c, uint32_t end) const {
    const uint32_t k = std::min(end, next_direct_[c - clause_base_]);
    if (k >= end) return end;
    const uint32_t comma = k > c ? last_comma_[k - 1 - clause_base_] : kNoToken;
    return comma != kNoToken && comma >= c ? comma : c;
  }
  // The tables clause_end reads, for sentence s: one pass over its tokens.
  void index_clauses(const Sentence& s) {
    clause_base_ = s.first_token;
    const uint32_t n = s.last_token - s.first_token;
    next_direct_.assign(n + 1, s.last_token);
    last_comma_.assign(n + 1, kNoToken);
    for (uint32_t i = n; i-- > 0;) {
      const uint32_t k = s.first_token + i;
      next_direct_[i] = in_quote_[k] && is_direct_at(k) ? k : next_direct_[i + 1];
    }
    for (uint32_t i = 0; i < n; ++i) {
      const uint32_t k = s.first_token + i;
      last_comma_[i] = is_punct(k, ",") ? k : (i > 0 ? last_comma_[i - 1] : kNoToken);
    }
  }
  bool is_direct_at(uint32_t token) const { return in_direct_[token]; }

  // "Ryan said it's unrealistic to think that if the U.S. pulls back, “our
  // oceans are going to save us.”": a reported clause [c, e) cut short at `e`
  // by a direct quote that closes its sentence, with no speech verb of its own
  // before it ("and added, “…”"), goes on to the sentence's end `end`
  // (returned); else `e`.
  uint32_t ends_with_its_quote(uint32_t c, uint32_t e, uint32_t end) const {
    if (e >= end) return e;
    const uint32_t k = next_direct_[e - clause_base_];  // the quote's first word
    if (k >= end || k == 0 || !is_mark(k - 1)) return e;
    // Words quoted inside the clause ("there are still “some people” who …")
    // do not stop it; another direct quote or speech verb does.
    for (uint32_t i = c; i + 1 < k; ++i)
      if (is_cue(i) || (is_mark(i) && in_direct_[i])) return e;
    uint32_t z = k;
    while (z < end && in_direct_[z]) ++z;
    for (uint32_t i = z; i < end; ++i)
      if (is_word(i)) return e;
    return end;
  }

  // A direct quote taken into the reported clause before it (ends_with_its_quote).
  struct Absorbed {
    uint32_t quote_start;               // the direct quote's record
    uint32_t clause_start, clause_end;  // the clause's record and its end without the quote
  };
  std::vector<Absorbed> absorbed_;

  // More than half of the clause [c, e) is inside quotation marks: the quote says it all.
  bool mostly_quoted(uint32_t c, uint32_t e) const {
    if (e <= c) return false;
    const uint32_t quoted = quoted_before_[e] - quoted_before_[c];
    const uint32_t all = words_before_[e] - words_before_[c];
    return 2 * quoted > all;
  }

  // 4. Indirect speech in sentence si; at most one per speech verb.
  std::vector<lede::Quote> indirect(uint32_t si) {
    std::vector<lede::Quote> found;
    const Sentence& s = doc_.sentences[si];
    index_clauses(s);
    uint32_t end = s.last_token;
    while (end > s.first_token && !is_word(end - 1) && !is_mark(end - 1)) --end;
    if (end <= s.first_token) return found;
    auto add = [&](lede::Quote q, uint32_t subject_start) {
      // A later speaker in the same sentence ends the earlier clause:
      // "In response to critics saying that ..., Jobs said that ...".
      if (!found.empty() && found.back().end > doc_.tokens[subject_start].start) {
        uint32_t k = subject_start;
        while (k > s.first_token && !is_word(k - 1)) --k;
        if (k > s.first_token + 1 && (lw(k - 1) == "and" || lw(k - 1) == "but") && !is_word(k - 2))
          for (--k; k > s.first_token && !is_word(k - 1);) --k;
        if (k > s.first_token && doc_.tokens[k - 1].end > found.back().start)
          found.back().end = doc_.tokens[k - 1].end;
      }
      found.push_back(std::move(q));
    };
    for (uint32_t v = s.first_token; v < end; ++v) {
      if (in_quote_[v] || !is_word(v)) continue;
      std::string_view w = lw(v);
      if (is_according_to(v, end)) {
        if (auto q = according_to(si, v, end, !found.empty())) add(std::move(*q), v);
        continue;
      }
      if (!is_speech_verb(w) || is_plural_noun(v)) continue;
      if (doc_.tokens[v].upper && v > s.first_token) continue;
      // "…, Stoltenberg said." with the clause before.
      if (found.empty()) {
        if (auto q = clause_before(si, v, end)) {
          found.push_back(std::move(*q));
          continue;
        }
      }
      auto [a, b] = subject_before(v, s.first_token);
      if (a == b || a >= v) continue;
      // A second report in one sentence needs a clause of its own: "…, Jobs said that".
      // ", and rights groups warned that …" opens one too.
      const bool after_comma =
          a > s.first_token &&
          (is_punct(a - 1, ",") || (a > s.first_token + 1 && is_punct(a - 2, ",") &&
                                    (lw(a - 1) == "and" || lw(a - 1) == "but")));
      if (!found.empty() && !after_comma) continue;
      // "This 'switch', he said, would happen next year": the whole sentence is reported.
      // Only the sentence's first report can be the whole sentence.
      if (v + 1 < end && is_punct(v + 1, ",") && a > s.first_token + 1 && is_punct(a - 1, ",")) {
        if (!found.empty()) continue;
        Attribution at;
        at.cue.assign(doc_.word(v));
        at.speaker = subject(a, b);
        remember(at.speaker, v);
        add(make_quote(doc_.tokens[s.first_token].start, doc_.tokens[end - 1].end, "indirect",
                       std::move(at)),
            a);
        continue;
      }
      if (perfect_or_passive(v, s.first_token) && is_act_when_perfect(w))
        continue;          // "Intel has recently added DRM", "will be added": an act, not speech
      uint32_t c = v + 1;  // clause start
      if (c < end && lw(c) == "that") {
        ++c;
      } else if (takes_appeal(w) && c + 1 < end && (lw(c) == "for" || lw(c) == "on")) {
        c = c + 1;  // "called for an independent inquiry", "called on Congress to act"
      } else if (const uint32_t q = question_start(w, c, end); q != kNoToken) {
        c = q;  // "asked Trump how high the wall would be": the question is the report
      } else if (takes_listener(w)) {
        uint32_t k = c;
        while (k < end && k - c < kMaxObjectTokens && lw(k) != "that") ++k;
        if (k >= end || lw(k) != "that") continue;
        c = k + 1;
      } else if (c < end && is_word(c) && blocks_bare_clause(lw(c))) {
        // "announced Friday that", "said in a statement that", "said on Tuesday, ..."
        uint32_t k = c;
        while (k < end && k - c < kMaxAdjunctTokens && is_word(k) && lw(k) != "that") ++k;
        if (k < end && lw(k) == "that")
          c = k + 1;
        else if (k < end && is_punct(k, ",") && k - c <= kMaxAdjunctBeforeComma &&
                 takes_bare_clause(w))
          c = k + 1;
        else
          continue;
      } else if (!takes_bare_clause(w) || c >= end || !is_word(c)) {
        continue;
      }
      const uint32_t e = clause_end(c, end);
      if (c >= e || e - c < 3 || mostly_quoted(c, e)) continue;
      Attribution at;
      at.cue.assign(doc_.word(v));
      at.speaker = subject(a, b);
      if (at.speaker.name.empty() && !at.speaker.mention) continue;
      remember(at.speaker, v);
      const uint32_t whole = ends_with_its_quote(c, e, end);
      if (whole != e)
        absorbed_.push_back({doc_.tokens[next_direct_[e - clause_base_]].start,
                             doc_.tokens[c].start, doc_.tokens[e - 1].end});
      add(make_quote(doc_.tokens[c].start, doc_.tokens[whole - 1].end, "indirect", std::move(at)),
          a);
      v = std::max(v, c);
    }
    return found;
  }

  // Where the question reported by verb `w` starts, with the listener between
  // ("asked the mayor whether …"); kNoToken when `w` asks nothing or none follows.
  uint32_t question_start(std::string_view w, uint32_t c, uint32_t end) const {
    if (!takes_question(w)) return kNoToken;
    for (uint32_t k = c; k < end && k - c < kMaxObjectTokens && is_word(k); ++k)
      if (is_question_word(lw(k))) return k;
    return kNoToken;
  }

  // "Ukraine is suffering setbacks, Putin said." (verb at v, sentence words end at `end`).
  std::optional<lede::Quote> clause_before(uint32_t si, uint32_t v, uint32_t end) {
    const Sentence& s = doc_.sentences[si];
    uint32_t a, b;
    if (v + 1 < end) {
      // "…, said Smith."
      if (v == s.first_token || !is_punct(v - 1, ",")) {
        // "…, Smith said." is checked below.
      } else {
        std::tie(a, b) = subject_after(v, end);
        // The words after the verb must be its subject and nothing else: "…, said
        // Smith." but not "Samuel Greene, said he was relieved".
        // "…, said Ed Rendell, who serves as …": an apposition may run long.
        const bool apposition = b < end && (is_punct(b, ",") || lw(b) == "who");
        for (uint32_t k = a; k < b; ++k)
          if (is_finite_verb(lw(k))) return std::nullopt;
        // "…, said Dana Reyes's statement didn't …": an owner is no speaker.
        if (a < b && is_possessive(b - 1)) return std::nullopt;
        if (a == b || (end - v > kMaxAttributionTokens && !apposition) ||
            !takes_bare_clause(lw(v)) || is_pronoun(lw(a)) ||
            (!people_.mention_at(a) && !plausible_subject(a)) || people_.mention_at(v - 2) ||
            mostly_quoted(s.first_token, v - 1))
          return std::nullopt;
        if (v - 1 <= s.first_token + 2) return std::nullopt;
        Attribution at;
        at.cue.assign(doc_.word(v));
        at.speaker = subject(a, b);
        remember(at.speaker, v);
        return make_quote(doc_.tokens[s.first_token].start, doc_.tokens[v - 2].end, "indirect",
                          std::move(at));
      }
    }
    // The verb (with up to two words after: "said on Tuesday") ends the sentence.
    if (end - v > 3) return std::nullopt;
    for (uint32_t k = v + 1; k < end; ++k)
      if (!is_word(k)) return std::nullopt;
    std::tie(a, b) = subject_before(v, s.first_token, /*local=*/true);
    if (a == b || a < s.first_token + 3 || !is_punct(a - 1, ",") ||
        mostly_quoted(s.first_token, a - 1))
      return std::nullopt;
    Attribution at;
    at.cue.assign(doc_.word(v));
    at.speaker = subject(a, b);
    if (at.speaker.name.empty()) return std::nullopt;
    remember(at.speaker, v);
    return make_quote(doc_.tokens[s.first_token].start, doc_.tokens[a - 2].end, "indirect",
                      std::move(at));
  }

  // `later`: an earlier report in the sentence holds its start, so "…, according
  // to X" cannot claim the clause before it.
  std::optional<lede::Quote> according_to(uint32_t si, uint32_t v, uint32_t end, bool later) {
    const Sentence& s = doc_.sentences[si];
    auto [a, b] = subject_after(v + 1, end);
    if (a == b) return std::nullopt;
    Attribution at;
    at.cue = "according to";
    at.speaker = subject(a, b);
    if (at.speaker.name.empty()) return std::nullopt;
    uint32_t cb, ce;
    if (v == s.first_token) {
      // "According to HuffPo: “…”": a direct quote after the source is its own record.
      uint32_t k = b;
      while (k < end && !is_punct(k, ",") && !in_quote_[k]) ++k;
      if (k + 2 >= end || in_quote_[k]) return std::nullopt;
      cb = k + 1;
      ce = end;
    } else {
      if (v < s.first_token + 3 || later) return std::nullopt;
      cb = s.first_token;
      ce = is_punct(v - 1, ",") ? v - 1 : v;
      // "“…,” Hewitt said, according to a transcript": the quote and its
      // attribution, not a clause.
      if (mostly_quoted(cb, ce)) return std::nullopt;
    }
    remember(at.speaker, v);
    return make_quote(doc_.tokens[cb].start, doc_.tokens[ce - 1].end, "indirect", std::move(at));
  }

  const Document& doc_;
  const People& people_;
  std::vector<Span> spans_;
  std::vector<bool> in_quote_;
  std::vector<bool> in_direct_;  // tokens inside a direct quote found so far
  // The record of the last direct quote in the output, and whether the quote
  // just classified is its next part (interrupts_previous).
  size_t last_direct_index_ = 0;
  bool anchors_ = false;  // the quote just classified may lead the next ones
  // The last partial quote's sentence and record, for joining a report's quoted words.
  uint32_t last_partial_sentence_ = kNoToken;
  size_t last_partial_index_ = 0;
  bool continues_previous_ = false;
  // The record of the last report with a named speaker, and whether the quote
  // just classified is its next part (same_paragraph_as_report).
  size_t last_report_index_ = SIZE_MAX;
  bool joins_report_ = false;
  // Per sentence (index_clauses), offset by clause_base_: the first token at or
  // after i inside a direct quote, and the last comma at or before i.
  uint32_t clause_base_ = 0;
  std::vector<uint32_t> next_direct_, last_comma_;
  // Per sentence start (first_subject_from): the first person mention, and the
  // first person mention or "he"/"she", at or after it.
  mutable uint32_t subject_cache_from_ = kNoToken;
  mutable uint32_t first_mention_ = kNoToken, first_he_or_mention_ = kNoToken;
  // Per sentence (sentence_speaker): the speaker its own speech verb names.
  uint32_t sentence_speaker_si_ = kNoToken;
  std::optional<Attribution> sentence_speaker_;
  std::vector<uint32_t> words_before_, quoted_before_;  // counts over tokens [0, k)
  std::optional<std::pair<uint32_t, Attribution>> last_direct_;
  // The end of the last reported clause with a named speaker, and its attribution.
  std::optional<std::pair<uint32_t, Attribution>> last_report_;
  uint32_t last_direct_paragraph_end_ = 0;
  int last_speaker_ = -1;
  uint32_t last_speaker_token_ = 0;
  uint32_t last_speaker_paragraph_ = 0;
  std::string last_organisation_;  // the last organisation named as a subject
  // The last phrase in the plural kept as a speaker ("housing experts"), and its sentence.
  std::string last_group_;
  uint32_t last_group_sentence_ = 0;
  std::vector<Referent> referents_;  // index_referents
  // Lower-case surname -> its first person with a full name (transcript_turn).
  mutable std::unordered_map<std::string, int> surnames_;
  mutable bool surnames_built_ = false;
  std::vector<uint32_t> first_referent_;  // per sentence, its first referent; one more at the end
};

}  // namespace

std::vector<lede::Quote> find_quotes(const Document& doc, const People& people,
                                     core::Deadline* deadline) {
  return QuoteFinder(doc, people).run(deadline);
}

}  // namespace lede::analysis
