#include "meantime.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "analysis/analyze.h"
#include "analysis/lexicon.h"

namespace lede::analysis_test {
namespace {

// The corpus annotates sentences 0 (headline) to 5; see its README.
constexpr int kLastAnnotatedSentence = 5;

struct Element {
  std::string tag;  // opening tag text
  std::vector<std::string> anchors;
  std::vector<std::string> sources;
  std::string target;
};

// Elements named `name` with their token anchors (or relation ends).
std::vector<Element> elements(const std::string& xml, const std::string& name) {
  std::vector<Element> out;
  const std::string open = "<" + name + " ";
  size_t p = 0;
  while ((p = xml.find(open, p)) != std::string::npos) {
    size_t e = xml.find('>', p);
    Element el;
    el.tag = xml.substr(p, e - p + 1);
    if (xml[e - 1] != '/') {
      size_t close = xml.find("</" + name + ">", e);
      std::string_view body(xml.data() + e, close - e);
      size_t q = 0;
      while ((q = body.find("<token_anchor t_id=\"", q)) != std::string_view::npos) {
        q += 20;
        el.anchors.emplace_back(body.substr(q, body.find('"', q) - q));
      }
      q = 0;
      while ((q = body.find("<source m_id=\"", q)) != std::string_view::npos) {
        q += 14;
        el.sources.emplace_back(body.substr(q, body.find('"', q) - q));
      }
      if ((q = body.find("<target m_id=\"")) != std::string_view::npos) {
        q += 14;
        el.target = std::string(body.substr(q, body.find('"', q) - q));
      }
      p = close;
    } else {
      p = e;
    }
    out.push_back(std::move(el));
  }
  return out;
}

bool no_space_before(const std::string& w) {
  return w == "," || w == "." || w == ";" || w == ":" || w == "!" || w == "?" || w == ")" ||
         w == "%" || w == "'s" || w == "n't" || w == "'" || w == "'re" || w == "'ve" ||
         w == "'ll" || w == "'d" || w == "'m";
}

MeantimeArticle read_article(const std::filesystem::path& path, const std::string& topic) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string xml = ss.str();
  MeantimeArticle a;
  a.topic = topic;
  const size_t doc = xml.find("<Document");
  a.id = xml_attr(xml.substr(doc, xml.find('>', doc) - doc), "doc_id");
  // Tokens, rebuilt into text: headline, blank line, body (sentences 2+).
  std::map<std::string, std::pair<uint32_t, uint32_t>> offsets;
  std::map<std::string, int> sentence_of;
  size_t p = 0;
  int last_sentence = -1;
  bool in_double = false, glue = false;
  // The last annotated sentence: usually 5, a few articles go one further.
  int last_annotated = kLastAnnotatedSentence;
  {
    std::map<std::string, int> sentence_by_id;
    size_t q = 0;
    while ((q = xml.find("<token ", q)) != std::string::npos) {
      const std::string tag = xml.substr(q, xml.find('>', q) - q + 1);
      sentence_by_id[xml_attr(tag, "t_id")] = std::atoi(xml_attr(tag, "sentence").c_str());
      ++q;
    }
    q = xml.find("<Markables>");
    while (q != std::string::npos &&
           (q = xml.find("<token_anchor t_id=\"", q)) != std::string::npos) {
      q += 20;
      last_annotated =
          std::max(last_annotated, sentence_by_id[xml.substr(q, xml.find('"', q) - q)]);
    }
  }
  while ((p = xml.find("<token ", p)) != std::string::npos) {
    const size_t e = xml.find('>', p);
    const std::string tag = xml.substr(p, e - p + 1);
    const size_t close = xml.find("</token>", e);
    std::string w = xml_unescape(std::string_view(xml).substr(e + 1, close - e - 1));
    p = close;
    const std::string id = xml_attr(tag, "t_id");
    const int sentence = std::atoi(xml_attr(tag, "sentence").c_str());
    sentence_of[id] = sentence;
    if (sentence == 1) continue;  // the date line: the creation time
    if (sentence > last_annotated && a.annotated_end == 0)
      a.annotated_end = static_cast<uint32_t>(a.text.size());
    bool space = !a.text.empty() && !glue;
    if (sentence != last_sentence && last_sentence == 0) {
      a.text += "\n\n";
      space = false;
      in_double = false;
    }
    last_sentence = sentence;
    glue = false;
    if (w == "``" || (w == "\"" && !in_double)) {
      w = "\"";
      in_double = true;
      glue = true;
    } else if (w == "''" || w == "\"") {
      w = "\"";
      in_double = false;
      space = false;
    } else if (no_space_before(w)) {
      space = false;
    } else if (w == "(" || w == "$") {
      glue = true;
    } else if (w.size() > 1 && w.back() == '\'' && w != "''") {
      glue = true;  // "O' Leary"
    }
    if (space) a.text += ' ';
    offsets[id] = {static_cast<uint32_t>(a.text.size()),
                   static_cast<uint32_t>(a.text.size() + w.size())};
    a.text += w;
  }
  if (a.annotated_end == 0) a.annotated_end = static_cast<uint32_t>(a.text.size());
  auto span_of = [&](const Element& el, GoldSpan& g) {
    if (el.anchors.empty()) return false;
    uint32_t b = UINT32_MAX, en = 0;
    for (const auto& t : el.anchors) {
      auto it = offsets.find(t);
      if (it == offsets.end()) return false;
      b = std::min(b, it->second.first);
      en = std::max(en, it->second.second);
    }
    g.start = b;
    g.end = en;
    return true;
  };
  for (const Element& el : elements(xml, "TIMEX3")) {
    if (xml_attr(el.tag, "functionInDocument") == "CREATION_TIME") {
      a.creation_time = xml_attr(el.tag, "value");
      continue;
    }
    GoldSpan g;
    g.type = xml_attr(el.tag, "type");
    g.value = xml_attr(el.tag, "value");
    if (span_of(el, g)) a.times.push_back(g);
  }
  // People: mentions that refer to a PER entity and contain a word of its name.
  std::map<std::string, std::string> entity_name;  // m_id -> descriptor, persons only
  for (const Element& el : elements(xml, "ENTITY"))
    if (xml_attr(el.tag, "ent_type") == "PER")
      entity_name[xml_attr(el.tag, "m_id")] = xml_unescape(xml_attr(el.tag, "TAG_DESCRIPTOR"));
  std::map<std::string, std::string> refers;  // mention -> entity
  for (const Element& el : elements(xml, "REFERS_TO"))
    for (const auto& s : el.sources) refers[s] = el.target;
  std::vector<GoldSpan> people;
  for (const Element& el : elements(xml, "ENTITY_MENTION")) {
    auto r = refers.find(xml_attr(el.tag, "m_id"));
    if (r == refers.end()) continue;
    auto n = entity_name.find(r->second);
    if (n == entity_name.end()) continue;
    // A person's name, not a group ("VIP guests", "Boeing employees"): every
    // word of the descriptor is capitalised.
    std::string name = n->second.substr(0, n->second.find('('));
    std::set<std::string> name_words;
    std::istringstream words(name);
    bool personal = true;
    for (std::string w; words >> w;) {
      if (w[0] < 'A' || w[0] > 'Z') personal = false;
      bool all_caps = w.size() > 1;
      for (char c : w) all_caps &= !(c >= 'a' && c <= 'z');
      std::string lower = w;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!all_caps && !analysis::is_title_head(lower) && !analysis::is_title_head(lower + "."))
        name_words.insert(w);
    }
    if (!personal) continue;
    GoldSpan g;
    if (!span_of(el, g)) continue;
    std::istringstream mention(a.text.substr(g.start, g.end - g.start));
    bool named = false;
    for (std::string w; mention >> w;) {
      if (w.ends_with("'s")) w.resize(w.size() - 2);
      if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z' && name_words.count(w)) named = true;
    }
    if (named) people.push_back(g);
  }
  // Nested mentions ("Apple CEO Steve Jobs" around "Steve Jobs") count once: keep the innermost.
  std::sort(people.begin(), people.end(),
            [](const GoldSpan& x, const GoldSpan& y) { return x.end - x.start < y.end - y.start; });
  for (const GoldSpan& g : people) {
    bool overlaps = false;
    for (const GoldSpan& k : a.people) overlaps |= g.start < k.end && k.start < g.end;
    if (!overlaps) a.people.push_back(g);
  }
  std::sort(a.people.begin(), a.people.end(),
            [](const GoldSpan& x, const GoldSpan& y) { return x.start < y.start; });
  return a;
}

bool overlap(uint32_t a, uint32_t b, uint32_t c, uint32_t d) { return a < d && c < b; }

}  // namespace

std::string xml_attr(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  size_t p = tag.find(key);
  if (p == std::string_view::npos) return "";
  p += key.size();
  size_t e = tag.find('"', p);
  return std::string(tag.substr(p, e - p));
}

std::string xml_unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t e = s.find(';', i);
    std::string_view ent = s.substr(i + 1, e - i - 1);
    if (ent == "amp")
      out += '&';
    else if (ent == "quot")
      out += '"';
    else if (ent == "apos")
      out += '\'';
    else if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else
      out += std::string(s.substr(i, e - i + 1));
    i = e;
  }
  return out;
}

std::string meantime_dir() {
  const char* env = std::getenv("LEDE_DATA_DIR");
  std::string base = env && *env ? env : LEDE_DEFAULT_DATA_DIR;
  auto dir = std::filesystem::path(base) / "meantime" / "intra-doc_annotation";
  return std::filesystem::is_directory(dir) ? dir.string() : "";
}

std::vector<MeantimeArticle> read_meantime_topic(const std::string& topic) {
  std::vector<MeantimeArticle> out;
  const std::string dir = meantime_dir();
  if (dir.empty()) return out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(dir) / topic))
    if (e.path().extension() == ".xml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) out.push_back(read_article(f, topic));
  return out;
}

TimexScores score_times(const std::vector<MeantimeArticle>& articles, std::string* report) {
  TimexScores total;
  for (const MeantimeArticle& a : articles) {
    lede::Article art;
    art.text = a.text;
    analysis::AnalyzeOptions options;
    options.reference_date = a.creation_time;
    options.quotes = options.people = false;
    analysis::analyze(art, options);
    std::erase_if(art.times,
                  [&](const lede::TimeExpression& t) { return t.start >= a.annotated_end; });
    std::vector<bool> used(art.times.size(), false);
    total.relaxed.gold += a.times.size();
    total.strict.gold += a.times.size();
    total.value.gold += a.times.size();
    total.relaxed.predicted += art.times.size();
    total.strict.predicted += art.times.size();
    total.value.predicted += art.times.size();
    total.type.gold += a.times.size();
    total.type.predicted += art.times.size();
    for (const GoldSpan& g : a.times) {
      size_t hit = art.times.size();
      for (size_t k = 0; k < art.times.size(); ++k) {
        if (used[k] || !overlap(g.start, g.end, art.times[k].start, art.times[k].end)) continue;
        hit = k;
        break;
      }
      if (hit == art.times.size()) {
        if (report)
          *report += "MISS " + a.id + " " + g.value + " | " +
                     a.text.substr(g.start, g.end - g.start) + "\n";
        continue;
      }
      used[hit] = true;
      const auto& t = art.times[hit];
      ++total.relaxed.matched;
      if (t.start == g.start && t.end == g.end)
        ++total.strict.matched;
      else if (report)
        *report += "SPAN " + a.id + " gold '" + a.text.substr(g.start, g.end - g.start) +
                   "' got '" + t.text + "'\n";
      if (t.type != g.type && report)
        *report += "TYPE " + a.id + " gold " + g.type + " got " + t.type + " | " + t.text + "\n";
      if (t.type == g.type) ++total.type.matched;
      if (t.value == g.value)
        ++total.value.matched;
      else if (report)
        *report += "VALUE " + a.id + " gold " + g.value + " got " + t.value + " | " + t.text +
                   " (gold: " + a.text.substr(g.start, g.end - g.start) + ")\n";
    }
    if (report)
      for (size_t k = 0; k < art.times.size(); ++k)
        if (!used[k])
          *report += "EXTRA " + a.id + " " + art.times[k].value + " | " + art.times[k].text + "\n";
  }
  return total;
}

Score score_people(const std::vector<MeantimeArticle>& articles, std::string* report) {
  Score total;
  for (const MeantimeArticle& a : articles) {
    lede::Article art;
    art.text = a.text;
    analysis::AnalyzeOptions options;
    options.reference_date = a.creation_time;
    options.quotes = options.times = false;
    analysis::analyze(art, options);
    std::vector<std::pair<uint32_t, uint32_t>> predicted;
    for (const auto& e : art.entities)
      for (const auto& m : e.mentions)
        if (m.first < a.annotated_end) predicted.push_back(m);
    std::vector<bool> used(predicted.size(), false);
    total.gold += a.people.size();
    total.predicted += predicted.size();
    for (const GoldSpan& g : a.people) {
      bool found = false;
      for (size_t k = 0; k < predicted.size() && !found; ++k) {
        if (used[k] || !overlap(g.start, g.end, predicted[k].first, predicted[k].second)) continue;
        used[k] = found = true;
      }
      total.matched += found;
      if (!found && report)
        *report += "MISS " + a.id + " | " + a.text.substr(g.start, g.end - g.start) + "\n";
    }
    if (report)
      for (size_t k = 0; k < predicted.size(); ++k)
        if (!used[k])
          *report += "EXTRA " + a.id + " | " +
                     a.text.substr(predicted[k].first, predicted[k].second - predicted[k].first) +
                     "\n";
  }
  return total;
}

}  // namespace lede::analysis_test
