#include "quote_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analysis/analyze.h"

namespace lede::analysis_test {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = line.find('\t', b);
    out.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

// Adds the quotes of one annotation file to `articles` (keyed by id).
void read_annotations(const std::filesystem::path& tsv,
                      std::map<std::string, QuoteArticle>& articles, std::string* errors) {
  std::istringstream in(slurp(tsv));
  std::map<std::string, uint32_t> cursor;  // per article: where the last quote started
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto f = split_tabs(line);
    if (f.size() != 5) {
      *errors += "bad line in " + tsv.filename().string() + ": " + line + "\n";
      continue;
    }
    auto it = articles.find(f[0]);
    if (it == articles.end()) continue;  // its text is not available
    QuoteArticle& a = it->second;
    const size_t b = a.text.find(f[3], cursor[f[0]]);
    const size_t e = b == std::string::npos ? b : a.text.find(f[4], b);
    if (b == std::string::npos || e == std::string::npos) {
      *errors += "not found in " + f[0] + ": " + line + "\n";
      continue;
    }
    cursor[f[0]] = static_cast<uint32_t>(b);
    a.quotes.push_back(
        {f[1], f[2], static_cast<uint32_t>(b), static_cast<uint32_t>(e + f[4].size())});
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string_view last_word(std::string_view s) {
  size_t p = s.rfind(' ');
  return p == std::string_view::npos ? s : s.substr(p + 1);
}

}  // namespace

bool same_speaker(std::string_view gold, std::string_view predicted) {
  if (predicted.empty()) return false;
  const std::string g = lower(gold), p = lower(predicted);
  if (g == p) return true;
  if (g.find(p) != std::string::npos || p.find(g) != std::string::npos) return true;
  // "GM" for "General Motors": an acronym of the name's initials.
  if (predicted.size() >= 2 && predicted.size() <= 5 &&
      std::all_of(predicted.begin(), predicted.end(),
                  [](char c) { return c >= 'A' && c <= 'Z'; })) {
    std::string initials;
    bool start = true;
    for (char c : gold) {
      if (start && c != ' ')
        initials += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      start = c == ' ';
    }
    if (initials == predicted) return true;
  }
  return last_word(g) == last_word(p);
}

std::vector<QuoteArticle> read_quote_set(const std::string& quotes_dir, std::string* errors) {
  namespace fs = std::filesystem;
  std::map<std::string, QuoteArticle> articles;
  // Articles of our own: first line the reference date, then a blank line, then the body.
  for (const auto& e : fs::directory_iterator(fs::path(quotes_dir) / "articles")) {
    if (e.path().extension() != ".txt") continue;
    const std::string raw = slurp(e.path());
    QuoteArticle a;
    a.id = e.path().stem().string();
    a.reference_date = raw.substr(0, raw.find('\n'));
    const size_t body = raw.find("\n\n");
    a.text = body == std::string::npos ? "" : raw.substr(body + 2);
    articles[a.id] = std::move(a);
  }
  if (!meantime_dir().empty()) {
    for (const char* topic : {"corpus_airbus", "corpus_apple", "corpus_gm", "corpus_stock"}) {
      for (auto& m : read_meantime_topic(topic)) {
        QuoteArticle a;
        a.id = m.id;
        a.reference_date = m.creation_time;
        a.text = std::move(m.text);
        articles[a.id] = std::move(a);
      }
    }
  }
  read_annotations(fs::path(quotes_dir) / "meantime.tsv", articles, errors);
  read_annotations(fs::path(quotes_dir) / "own.tsv", articles, errors);
  std::vector<QuoteArticle> out;
  for (auto& [id, a] : articles)
    if (!a.quotes.empty()) out.push_back(std::move(a));
  return out;
}

QuoteScores score_quotes(const std::vector<QuoteArticle>& articles, std::string* report) {
  QuoteScores s;
  for (const QuoteArticle& a : articles) {
    lede::Article art;
    art.text = a.text;
    analysis::AnalyzeOptions options;
    options.reference_date = a.reference_date;
    options.times = false;
    analysis::analyze(art, options);
    // The set marks each pair of quotation marks; an interrupted quote's parts
    // are scored as the quotes they were marked as.
    std::vector<lede::Quote> pieces;
    for (const lede::Quote& q : art.quotes) {
      if (q.parts.empty()) {
        pieces.push_back(q);
        continue;
      }
      for (const auto& [b, e] : q.parts) {
        lede::Quote piece = q;
        piece.parts.clear();
        piece.start = b;
        piece.end = e;
        piece.text = a.text.substr(b, e - b);
        pieces.push_back(std::move(piece));
      }
    }
    art.quotes = std::move(pieces);
    std::vector<bool> used(art.quotes.size(), false);
    s.quotes.gold += a.quotes.size();
    s.quotes.predicted += art.quotes.size();
    for (const GoldQuote& g : a.quotes) {
      const uint32_t need = (g.end - g.start + 1) / 2;
      // Of the quotes that overlap enough, the closest fit (Jaccard) is the match.
      size_t best = art.quotes.size();
      double best_fit = 0;
      for (size_t k = 0; k < art.quotes.size(); ++k) {
        if (used[k]) continue;
        const uint32_t b = std::max(g.start, art.quotes[k].start);
        const uint32_t e = std::min(g.end, art.quotes[k].end);
        if (e <= b || e - b < need) continue;
        const uint32_t u =
            std::max(g.end, art.quotes[k].end) - std::min(g.start, art.quotes[k].start);
        const double fit = double(e - b) / u;
        if (fit > best_fit) {
          best = k;
          best_fit = fit;
        }
      }
      const std::string text = a.text.substr(g.start, std::min<uint32_t>(g.end - g.start, 60));
      if (best == art.quotes.size()) {
        if (report)
          *report += "MISS " + a.id + " " + g.kind + " [" + g.speaker + "] " + text + "\n";
        continue;
      }
      used[best] = true;
      ++s.quotes.matched;
      if (same_speaker(g.speaker, art.quotes[best].speaker))
        ++s.speakers_right;
      else if (report)
        *report += "SPEAKER " + a.id + " gold [" + g.speaker + "] got [" +
                   art.quotes[best].speaker + "] " + text + "\n";
    }
    if (report)
      for (size_t k = 0; k < art.quotes.size(); ++k)
        if (!used[k])
          *report += "EXTRA " + a.id + " " + art.quotes[k].kind + " [" + art.quotes[k].speaker +
                     "] " + art.quotes[k].text.substr(0, 60) + "\n";
  }
  return s;
}

}  // namespace lede::analysis_test
