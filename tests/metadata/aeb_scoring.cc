#include "aeb_scoring.h"

#include <vector>

namespace lede::metadata_gate {
namespace {

using nlohmann::json;

// Room for "By", separators and "and" around the names in a free-text byline.
constexpr size_t kBylineSlackChars = 8;

std::string str(const json& v, const char* key) {
  auto it = v.find(key);
  return it != v.end() && it->is_string() ? it->get<std::string>() : "";
}

std::vector<std::string> strings(const json& v, const char* key) {
  std::vector<std::string> out;
  auto it = v.find(key);
  if (it != v.end() && it->is_array())
    for (const json& s : *it)
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

bool byline_matches(const std::vector<std::string>& truth, const std::string& byline) {
  std::string k = key(byline);
  if (k.starts_with("by")) k.erase(0, 2);
  if (truth.empty()) return k.empty();
  size_t names = 0;
  for (const std::string& n : truth) {
    std::string nk = key(n);
    if (k.find(nk) == std::string::npos) return false;
    names += nk.size();
  }
  return k.size() <= names + kBylineSlackChars;
}

}  // namespace

std::map<std::string, Tally> score_aeb(const json& annotations,
                                       const std::map<std::string, json>& records) {
  std::map<std::string, Tally> t;
  for (const auto& [id, truth] : annotations.at("pages").items()) {
    auto it = records.find(id);
    const json record = it == records.end() ? json::object() : it->second;
    // clang 14 cannot capture a structured binding; capture a reference to it.
    auto judge = [&, &id = id](const char* field, bool counted, bool agree, const std::string& ours,
                     const std::string& theirs) {
      if (!counted) return;
      Tally& f = t[field];
      ++f.pages;
      if (agree) ++f.agree;
      else f.misses.push_back(id.substr(0, 12) + ": got \"" + ours + "\", annotated \"" + theirs +
                              "\"");
    };
    std::string title = str(record, "title");
    judge("title", true, same_title(title, str(truth, "title")), title, str(truth, "title"));
    std::string day = day_of(str(record, "published"));
    judge("published", !str(truth, "published").empty(), day == str(truth, "published"), day,
          str(truth, "published"));
    std::vector<std::string> authors = strings(record, "authors");
    std::vector<std::string> truth_authors = strings(truth, "authors");
    judge("authors", true, same_authors(authors, truth_authors), join(authors),
          join(truth_authors));
    std::string byline = record.contains("byline") ? str(record, "byline") : join(authors);
    judge("byline", true, byline_matches(truth_authors, byline), byline, join(truth_authors));
    std::string lang = str(record, "language");
    judge("language", true, same_language(lang, str(truth, "language")), lang,
          str(truth, "language"));
    std::string site;
    if (auto s = record.find("site"); s != record.end() && s->is_object()) site = str(*s, "name");
    judge("site", !str(truth, "site").empty(), same_name(site, str(truth, "site")), site,
          str(truth, "site"));
  }
  return t;
}

}  // namespace lede::metadata_gate
