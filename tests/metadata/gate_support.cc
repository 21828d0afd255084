#include "gate_support.h"

#include "core/text.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace lede::metadata_gate {
namespace {

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

std::string key(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = core::next_code_point(s, i);
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;
    bool ascii_alnum = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    bool latin1_letter = cp >= 0xDF && cp <= 0xFF && cp != 0xF7;
    bool other_script = cp >= 0x100 && !(cp >= 0x2000 && cp <= 0x206F) &&
                        !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFF00 && cp <= 0xFF0F);
    if (ascii_alnum || latin1_letter || other_script) core::append_utf8(out, cp);
  }
  return out;
}

bool same_title(std::string_view ours, std::string_view theirs) {
  return key(ours) == key(theirs);
}

std::string day_of(std::string_view v) {
  v = std::string_view(v).substr(0, std::min<size_t>(v.size(), 10));
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return "";
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (v[i] < '0' || v[i] > '9') return "";
  return std::string(v);
}

bool same_byline(const std::vector<std::string>& ours, std::string_view theirs) {
  const std::string ref = key(theirs);
  if (ours.empty()) return ref.empty();
  for (const std::string& name : ours) {
    std::string k = key(name);
    if (k.empty() || ref.find(k) == std::string::npos) return false;
  }
  return true;
}

bool same_authors(const std::vector<std::string>& ours, const std::vector<std::string>& theirs) {
  std::vector<std::string> a, b;
  for (const auto& n : ours) a.push_back(key(n));
  for (const auto& n : theirs) b.push_back(key(n));
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

bool same_language(std::string_view ours, std::string_view theirs) {
  auto primary = [](std::string_view s) {
    std::string p = key(s.substr(0, s.find_first_of("-_")));
    return p;
  };
  return !primary(ours).empty() && primary(ours) == primary(theirs);
}

bool same_name(std::string_view ours, std::string_view theirs) {
  auto k = [](std::string_view s) {
    std::string out = key(s);
    if (out.starts_with("the")) out.erase(0, 3);
    return out;
  };
  return k(ours) == k(theirs);
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
  return out;
}

std::string report_line(std::string_view field, const Tally& t) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-10s %3zu/%3zu = %5.1f%% (%zu listed as reference errors)",
                std::string(field).c_str(), t.agree, t.pages, 100.0 * t.share(), t.listed);
  return buf;
}

std::vector<Disagreement> read_disagreements(const std::filesystem::path& path) {
  std::vector<Disagreement> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("| ")) continue;
    std::vector<std::string> cells;
    size_t b = 1;
    while (b < line.size()) {
      size_t e = line.find(" |", b);
      if (e == std::string::npos) break;
      cells.push_back(trim(std::string_view(line).substr(b, e - b)));
      b = e + 2;
    }
    if (cells.size() < 4 || cells[0] == "page" || cells[0].starts_with("---")) continue;
    std::string value = cells[2];
    if (value.size() >= 2 && value.front() == '`' && value.back() == '`')
      value = value.substr(1, value.size() - 2);
    out.push_back({cells[0], cells[1], value, cells[3]});
  }
  return out;
}

const Disagreement* find_disagreement(const std::vector<Disagreement>& list,
                                      std::string_view page, std::string_view field,
                                      std::string_view ours) {
  for (const Disagreement& d : list)
    if (d.page == page && d.field == field && key(d.lede_value) == key(ours)) return &d;
  return nullptr;
}

}  // namespace lede::metadata_gate
