#include "fields/credit.h"

#include <cctype>

#include "core/text.h"

namespace lede::fields {
namespace {

constexpr size_t kMaxCreditBytes = 160;  // longest real credits: "Jane Doe for The New York Times"
constexpr int kMaxTrailingCreditWords = 9;  // "Jane Doe / AFP via Getty Images" and a bit

// News and photo agencies as they appear in credits and bylines.
constexpr std::string_view kAgencies[] = {
    "ap", "the associated press", "associated press", "reuters", "thomson reuters", "afp",
    "agence france-presse", "agence france presse", "dpa", "deutsche presse-agentur", "epa",
    "epa-efe", "efe", "ansa", "getty", "getty images", "shutterstock", "alamy", "bloomberg",
    "bloomberg news", "upi", "pa", "pa media", "pa wire", "press association", "pti", "ians",
    "ani", "xinhua", "tass", "kyodo", "kyodo news", "aap", "cp", "the canadian press",
    "canadian press", "yonhap", "keystone", "imago", "picture alliance", "picture-alliance",
    "nurphoto", "sipa", "abaca", "corbis", "istock", "istockphoto", "kna", "apa", "belga", "anp",
    "ntb", "tt", "ritzau", "lusa", "europa press", "wireimage", "anadolu", "anadolu agency",
    "sopa images", "zuma press", "zuma", "ddp", "epd", "sda", "afp/getty images", "ap photo",
    "reuters/", "cnn", "bbc", "ukrinform", "interfax", "ria novosti", "notimex", "telam",
    "agencia efe", "agência brasil", "apa-ots", "dapd", "ddp images", "unsplash", "pexels",
};

// Words that mark a photo credit.
constexpr std::string_view kCreditWords[] = {
    "photo", "photos", "foto", "fotos", "image", "images", "photograph", "photographs",
    "photography", "credit", "credits", "crédit", "crédits", "courtesy", "via", "getty",
    "shutterstock", "bild", "bilder", "pool", "handout", "illustration", "picture", "pictures",
    "fotografía", "fotografia", "imagem", "afbeelding", "beeld", "archivbild", "archiv",
    "screenshot", "screengrab", "istock", "alamy", "imago", "reuters", "afp", "ap", "dpa", "epa",
    "efe", "ansa", "xinhua",
};

// Labels that introduce a credit; matched case-insensitively, longest first.
constexpr std::string_view kCreditLabels[] = {
    "reader picture:", "reader photo:", "photograph by", "photography by", "photo credit:", "image credit:", "picture credit:",
    "photographs:", "photograph:", "photography:", "photo by", "photos by", "foto von",
    "crédits :", "crédit :", "crédits:", "crédit:", "credits:", "credit:", "credit…", "credit...",
    "photos:", "photo:", "fotos:", "foto:", "images:", "image:", "bilder:", "bild:", "picture:",
    "pictures:", "pic:", "illustration:", "quelle:", "source:", "fonte:", "fuente:", "beeld:",
};

std::string_view strip_edges(std::string_view s) {
  s = core::trim(s);
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::string_view p : {"|", "-", "—", "–", ",", ";", ":", "/", "·"}) {
      if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) {
        s = core::trim(s.substr(0, s.size() - p.size()));
        changed = true;
      }
      if (s.size() >= p.size() && s.substr(0, p.size()) == p) {
        s = core::trim(s.substr(p.size()));
        changed = true;
      }
    }
  }
  return s;
}

bool is_word_char(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '-'; }

// Lower-case words of s (ASCII folding), split on anything that is not a letter or digit.
template <typename F>
void for_each_word(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !is_word_char(static_cast<unsigned char>(s[i]))) ++i;
    const size_t b = i;
    while (i < s.size() && is_word_char(static_cast<unsigned char>(s[i]))) ++i;
    if (i > b) f(s.substr(b, i - b));
  }
}

bool has_credit_word(std::string_view s) {
  bool found = false;
  for_each_word(s, [&](std::string_view w) {
    for (std::string_view k : kCreditWords)
      if (core::iequals(w, k)) found = true;
  });
  return found || s.find("©") != std::string_view::npos;
}

// A full stop followed by a space and a capital, i.e. more than one sentence.
bool has_inner_sentence_break(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' &&
        std::isupper(static_cast<unsigned char>(s[i + 2])) && i >= 3 &&
        std::islower(static_cast<unsigned char>(s[i - 1])) &&
        std::islower(static_cast<unsigned char>(s[i - 2])))
      return true;
  }
  return false;
}

// "Jane Doe/Reuters", "Manuel Balce Ceneta/AP": capitalised names around a slash.
bool is_name_slash_name(std::string_view s) {
  const size_t slash = s.find('/');
  if (slash == std::string_view::npos) return false;
  int words = 0;
  bool all_capitalised = true;
  for_each_word(s, [&](std::string_view w) {
    ++words;
    const auto c = static_cast<unsigned char>(w[0]);
    if (!(std::isupper(c) || c >= 0x80 || core::iequals(w, "via") || core::iequals(w, "for") ||
          core::iequals(w, "de") || core::iequals(w, "van") || core::iequals(w, "von")))
      all_capitalised = false;
  });
  return words >= 2 && words <= kMaxTrailingCreditWords && all_capitalised;
}

// Labels written without a colon before a name: "(foto Davide Rinaldi)". Only
// at the start of a credit, and only when a person's name is all that follows.
constexpr std::string_view kBareCreditLabels[] = {"photos ", "photo ", "fotos ", "foto ", "bild ",
                                                  "image "};
constexpr int kMaxBareLabelNameWords = 4;  // "Maria de la Cruz Ortega" is about the longest

// Two to four capitalised words of letters ("Davide Rinaldi"), and no credit word.
bool is_plain_name(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (!(std::isalpha(c) || c == ' ' || c == '-' || c == '\'' || c >= 0x80)) return false;
  }
  int words = 0;
  bool plain = true;
  for_each_word(s, [&](std::string_view w) {
    ++words;
    const auto first = static_cast<unsigned char>(w[0]);
    if (!(std::isupper(first) || first >= 0x80) || has_credit_word(w)) plain = false;
  });
  return plain && words >= 2 && words <= kMaxBareLabelNameWords;
}

std::string_view strip_bare_label(std::string_view s) {
  for (std::string_view label : kBareCreditLabels) {
    if (s.size() > label.size() && core::starts_with_icase(s, label) &&
        is_plain_name(s.substr(label.size())))
      return strip_edges(s.substr(label.size()));
  }
  return s;
}

std::string clean_credit(std::string_view s) {
  s = strip_edges(s);
  while (!s.empty() && s.front() == '(' && s.back() == ')') s = strip_edges(s.substr(1, s.size() - 2));
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view label : kCreditLabels) {
      if (core::starts_with_icase(s, label)) {
        s = strip_edges(s.substr(label.size()));
        changed = true;
      }
    }
    for (std::string_view p : {"©", "(c)", "copyright"}) {
      if (core::starts_with_icase(s, p)) {
        s = strip_edges(s.substr(p.size()));
        changed = true;
      }
    }
  }
  s = strip_bare_label(s);
  if (!s.empty() && s.back() == '.' && s.size() > 1 && s[s.size() - 2] != '.') s.remove_suffix(1);
  return core::collapse_space(s);
}

// The last credit label in s that starts a word; returns its offset and sets label_out.
size_t find_label(std::string_view s, std::string_view& label_out) {
  for (size_t pos = s.size(); pos-- > 0;) {
    if (pos > 0 && is_word_char(static_cast<unsigned char>(s[pos - 1]))) continue;
    const char c = core::ascii_lower(s[pos]);
    if (c != 'p' && c != 'f' && c != 'c' && c != 'i' && c != 'b' && c != 's' && c != 'q' &&
        c != 'r')
      continue;
    const std::string_view rest = s.substr(pos);
    for (std::string_view label : kCreditLabels) {  // longest first within each family
      if (core::starts_with_icase(rest, label)) {
        // A longer label may end here too ("Reader picture:" around "picture:").
        for (std::string_view longer : kCreditLabels) {
          const size_t extra = longer.size() - std::min(longer.size(), label.size());
          if (extra == 0 || extra > pos || !longer.ends_with(label)) continue;
          if (core::starts_with_icase(s.substr(pos - extra), longer)) {
            label_out = longer;
            return pos - extra;
          }
        }
        label_out = label;
        return pos;
      }
    }
  }
  return std::string_view::npos;
}

}  // namespace

bool is_agency_name(std::string_view name) {
  name = strip_edges(name);
  if (name.size() > 40) return false;
  const std::string lower = core::ascii_lower(core::collapse_space(name));
  for (std::string_view a : kAgencies)
    if (lower == a) return true;
  return false;
}

bool looks_like_credit(std::string_view text) {
  std::string_view s = strip_edges(text);
  if (s.empty() || s.size() > kMaxCreditBytes) return false;
  if (has_inner_sentence_break(s)) return false;
  if (is_agency_name(s)) return true;
  int words = 0;
  for_each_word(s, [&](std::string_view) { ++words; });
  if (words > kMaxTrailingCreditWords + 3) return false;
  return has_credit_word(s) || is_name_slash_name(s);
}

CaptionCredit split_credit(std::string_view caption) {
  std::string_view t = core::trim(caption);
  CaptionCredit out;
  auto finish = [&](std::string_view cap, std::string_view credit) {
    out.caption = core::collapse_space(strip_edges(cap));
    out.credit = clean_credit(credit);
    if (out.credit.empty()) out.caption = core::collapse_space(t);
    return out;
  };
  if (t.empty()) return out;
  // 1. A trailing parenthesised credit: "... (AP Photo/Manuel Balce Ceneta)".
  if (t.back() == ')') {
    int depth = 0;
    size_t open = std::string_view::npos;
    for (size_t i = t.size(); i-- > 0;) {
      if (t[i] == ')') ++depth;
      if (t[i] == '(' && --depth == 0) {
        open = i;
        break;
      }
    }
    if (open != std::string_view::npos) {
      const std::string_view inner = t.substr(open + 1, t.size() - open - 2);
      if (looks_like_credit(inner)) return finish(t.substr(0, open), inner);
    }
  }
  // 2. A label: "Photo: Jane Doe/Reuters", "| Credit: ...", "Foto: dpa".
  std::string_view label;
  if (size_t pos = find_label(t, label); pos != std::string_view::npos) {
    const std::string_view rest = t.substr(pos + label.size());
    if (!strip_edges(rest).empty() && strip_edges(rest).size() <= kMaxCreditBytes)
      return finish(t.substr(0, pos), rest);
  }
  // 3. A copyright sign: "... © AFP".
  if (size_t pos = t.rfind("©"); pos != std::string_view::npos) {
    const std::string_view rest = t.substr(pos);
    if (rest.size() <= kMaxCreditBytes) return finish(t.substr(0, pos), rest);
  }
  // 4. A "|" separator with a credit after it.
  if (size_t pos = t.rfind('|'); pos != std::string_view::npos) {
    const std::string_view rest = t.substr(pos + 1);
    if (looks_like_credit(rest)) return finish(t.substr(0, pos), rest);
  }
  // 5. The whole line is a credit: "Getty Images".
  if (looks_like_credit(t) && !has_inner_sentence_break(t) &&
      (is_agency_name(t) || t.find('/') != std::string_view::npos ||
       core::icontains(t, "images") || core::icontains(t, "photo") ||
       core::icontains(t, "foto"))) {
    int words = 0;
    for_each_word(t, [&](std::string_view) { ++words; });
    if (words <= kMaxTrailingCreditWords) return finish({}, t);
  }
  // 6. A trailing phrase after the last sentence: "... in Kyiv. Jane Doe / AFP via Getty Images".
  for (size_t i = t.size(); i-- > 1;) {
    if (t[i] != ' ') continue;
    const char p = t[i - 1];
    if (p != '.' && p != '!' && p != '?' && p != ')' && p != '"') continue;
    const std::string_view tail = t.substr(i + 1);
    int words = 0;
    for_each_word(tail, [&](std::string_view) { ++words; });
    if (words > kMaxTrailingCreditWords) break;
    if (looks_like_credit(tail) && (has_credit_word(tail) || is_name_slash_name(tail)) &&
        !has_inner_sentence_break(tail))
      return finish(t.substr(0, i), tail);
    break;
  }
  out.caption = core::collapse_space(t);
  return out;
}

}  // namespace lede::fields
