// lede-word-score: word F1 of extracted main content against WCXB or a webtext set.
//
//   lede extract --quiet ../shared/data/wcxb/html > wcxb.jsonl
//   lede-word-score --wcxb ../shared/data/wcxb wcxb.jsonl
//   lede-word-score --gold ../shared/data/webtext/dragnet/gold dragnet.jsonl --min-f1 0.87
//   lede-word-score --wcxb ../shared/data/wcxb --text-dir /tmp/trafilatura/wcxb
//
// Prints the mean P, R and F1 of the body text alone and of title + text (the
// gold of both collections includes the headline, which lede keeps in
// `title`), per WCXB page type, and the page-type accuracy when the records
// carry page_type. Floors apply to the text-alone figures.
//
// Exit codes: 0 all floors met, 1 a figure is below its floor, 2 usage or
// unreadable input.
#include <fmt/core.h>
#include <fmt/ostream.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "word_score.h"

namespace {

using lede::quality::GoldPage;
using lede::quality::Prediction;
using lede::quality::WordScore;

// A page "succeeds" at this F1 (the webtext README's share of pages).
constexpr double kGoodPage = 0.9;

struct Options {
  std::string wcxb_dir, gold_dir, records_path, text_dir, per_page_path, part;
  std::optional<double> min_f1, min_type_accuracy;
  std::vector<std::string> min_type;  // TYPE=F1
  size_t worst = 0;
};

struct Mean {
  double p = 0, r = 0, f = 0, title_f = 0, good = 0;
  size_t n = 0, typed_right = 0, typed = 0;
  void add(const WordScore& s, const WordScore& with_title) {
    p += s.precision;
    r += s.recall;
    f += s.f1;
    title_f += with_title.f1;
    good += s.f1 >= kGoodPage;
    ++n;
  }
  double at(double sum) const { return n ? sum / static_cast<double>(n) : 0; }
};

// Splits a collection in two fixed halves by id, so rules can be tuned on one
// and checked on the other: FNV-1a of the id, even = part "a".
char part_of(const std::string& id) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return (h >> 7) % 2 == 0 ? 'a' : 'b';
}

int run(const Options& o) {
  auto gold = o.wcxb_dir.empty() ? lede::quality::load_gold_dir(o.gold_dir)
                                 : lede::quality::load_wcxb(o.wcxb_dir);
  if (!gold) {
    fmt::print(stderr, "lede-word-score: {}\n", gold.error().message);
    return 2;
  }
  auto predictions = o.text_dir.empty() ? lede::quality::load_records(o.records_path)
                                        : lede::quality::load_text_dir(o.text_dir);
  if (!predictions) {
    fmt::print(stderr, "lede-word-score: {}\n", predictions.error().message);
    return 2;
  }
  std::map<std::string, Mean> by_type;
  Mean all;
  struct Row {
    std::string id, type, predicted_type;
    WordScore s;
  };
  std::vector<Row> rows;
  size_t missing = 0;
  for (const auto& [id, page] : *gold) {
    if (!o.part.empty() && part_of(id) != o.part[0]) continue;
    auto it = predictions->find(id);
    const Prediction empty;
    const Prediction& p = it == predictions->end() ? empty : it->second;
    missing += it == predictions->end();
    const WordScore s = lede::quality::score_words(page.text, p.text);
    const WordScore t =
        lede::quality::score_words(page.text, p.title.empty() ? p.text : p.title + "\n\n" + p.text);
    all.add(s, t);
    if (!page.type.empty()) {
      Mean& m = by_type[page.type];
      m.add(s, t);
      if (!p.page_type.empty()) {
        ++all.typed;
        ++m.typed;
        all.typed_right += p.page_type == page.type;
        m.typed_right += p.page_type == page.type;
      }
    }
    rows.push_back({id, page.type, p.page_type, s});
  }
  if (missing) fmt::print(stderr, "lede-word-score: {} page(s) without a prediction\n", missing);
  fmt::print("{:<14} {:>5} {:>7} {:>7} {:>7} {:>7} {:>9} {:>6}\n", "set", "pages", "P", "R", "F1",
             ">=0.9", "title+F1", "type");
  auto line = [](const std::string& name, const Mean& m) {
    std::string type = m.typed ? fmt::format("{:.3f}", static_cast<double>(m.typed_right) /
                                                           static_cast<double>(m.typed))
                               : "-";
    fmt::print("{:<14} {:>5} {:>7.4f} {:>7.4f} {:>7.4f} {:>7.3f} {:>9.4f} {:>6}\n", name, m.n,
               m.at(m.p), m.at(m.r), m.at(m.f), m.at(m.good), m.at(m.title_f), type);
  };
  line("all", all);
  for (const auto& [type, m] : by_type) line(type, m);
  if (o.worst > 0) {
    std::vector<const Row*> order;
    for (const Row& r : rows) order.push_back(&r);
    std::stable_sort(order.begin(), order.end(),
                     [](const Row* a, const Row* b) { return a->s.f1 < b->s.f1; });
    fmt::print("\nworst {} page(s):\n", std::min(o.worst, order.size()));
    for (size_t i = 0; i < std::min(o.worst, order.size()); ++i)
      fmt::print("{:<40} {:<14} {:>6.3f} {:>6.3f} {:>6.3f}\n", order[i]->id, order[i]->type,
                 order[i]->s.f1, order[i]->s.precision, order[i]->s.recall);
  }
  if (!o.per_page_path.empty()) {
    std::ofstream out(o.per_page_path);
    out << "id\ttype\tpredicted_type\tprecision\trecall\tf1\tpredicted_words\tgold_words\n";
    for (const Row& r : rows)
      fmt::print(out, "{}\t{}\t{}\t{:.4f}\t{:.4f}\t{:.4f}\t{}\t{}\n", r.id, r.type,
                 r.predicted_type, r.s.precision, r.s.recall, r.s.f1, r.s.predicted, r.s.gold);
  }
  bool pass = true;
  if (o.min_f1 && all.at(all.f) < *o.min_f1) {
    fmt::print(stderr, "FAIL: F1 {:.4f} is below the floor {:.4f}\n", all.at(all.f), *o.min_f1);
    pass = false;
  }
  for (const std::string& spec : o.min_type) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos) {
      fmt::print(stderr, "lede-word-score: --min-type wants TYPE=F1, got {}\n", spec);
      return 2;
    }
    const std::string type = spec.substr(0, eq);
    const double floor = std::stod(spec.substr(eq + 1));
    const Mean& m = by_type[type];
    if (m.at(m.f) < floor) {
      fmt::print(stderr, "FAIL: {} F1 {:.4f} is below the floor {:.4f}\n", type, m.at(m.f), floor);
      pass = false;
    }
  }
  if (o.min_type_accuracy) {
    const double acc =
        all.typed ? static_cast<double>(all.typed_right) / static_cast<double>(all.typed) : 0;
    if (acc < *o.min_type_accuracy) {
      fmt::print(stderr, "FAIL: page-type accuracy {:.4f} is below the floor {:.4f}\n", acc,
                 *o.min_type_accuracy);
      pass = false;
    }
  }
  return pass ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores main content by word F1 against WCXB or a webtext set."};
  Options o;
  auto* wcxb = app.add_option("--wcxb", o.wcxb_dir, "the WCXB folder (ground-truth/, types.json)");
  auto* gold = app.add_option("--gold", o.gold_dir, "a folder of NAME.txt gold texts");
  wcxb->excludes(gold);
  auto* records =
      app.add_option("records", o.records_path, "JSON Lines as `lede extract` writes them");
  auto* text_dir = app.add_option("--text-dir", o.text_dir, "another extractor's NAME.txt outputs");
  records->excludes(text_dir);
  app.add_option("--min-f1", o.min_f1, "fail when the mean F1 (text alone) is below this");
  app.add_option("--min-type", o.min_type, "TYPE=F1: fail when a page type's F1 is below this");
  app.add_option("--min-type-accuracy", o.min_type_accuracy,
                 "fail when the share of pages whose page_type is right is below this");
  app.add_option("--part", o.part, "score only half of the pages: a or b (fixed by id)")
      ->check(CLI::IsMember({"a", "b"}));
  app.add_option("--worst", o.worst, "list this many pages with the lowest F1");
  app.add_option("--per-page", o.per_page_path, "write one TSV row per page here");
  CLI11_PARSE(app, argc, argv);
  if (o.wcxb_dir.empty() == o.gold_dir.empty() || o.records_path.empty() == o.text_dir.empty()) {
    fmt::print(stderr, "lede-word-score: give --wcxb or --gold, and records or --text-dir\n");
    return 2;
  }
  return run(o);
}
