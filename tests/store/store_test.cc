#include "lede/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store/schema.h"

namespace lede {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A fresh directory for one test's corpus.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "lede-store-XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(dir_); }
  std::string file(const std::string& name) const { return (fs::path(dir_) / name).string(); }

 private:
  std::string dir_;
};

// A record as lede extract writes it, with the fields the store reads.
json record(const std::string& url, const std::string& title, const std::string& text) {
  return json{{"url", url},
              {"canonical_url", nullptr},
              {"site", {{"name", "Example"}, {"domain", "www.example.com"}}},
              {"language", "en"},
              {"title", title},
              {"published", "2023-06-13T10:00:00Z"},
              {"authors", json::array({"Jane Doe"})},
              {"text", text},
              {"blocks", json::array({{{"type", "paragraph"}, {"start", 0}, {"end", 4}}})},
              {"quotes", json::array()},
              {"entities", json::array()},
              {"times", json::array()},
              {"warnings", json::array()},
              {"source", {{"path", url}, {"kind", "html"}, {"bytes", 100}}}};
}

// Distinct bodies: each a few sentences of its own vocabulary.
std::string body(int n) {
  static const char* kWords[] = {"harbour", "council", "festival", "tram",    "glacier",
                                 "library", "orchard", "bridge",   "vaccine", "election",
                                 "market",  "stadium", "river",    "school",  "airport"};
  std::ostringstream out;
  for (int s = 0; s < 6; ++s) {
    out << "Sentence " << s << " of story " << n << " mentions the " << kWords[(n * 7 + s) % 15]
        << " and the " << kWords[(n * 3 + s * 5) % 15] << " near "
        << "district " << (n * 13 + s) << " on day " << (n + s) << ". ";
  }
  return out.str();
}

Store open(const std::string& path) {
  Result<Store> s = Store::open(path);
  EXPECT_TRUE(s) << (s ? "" : s.error().message);
  return std::move(*s);
}

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(Store, AddingTheSameRecordAgainChangesNothing) {
  TempDir dir;
  Store store = open(dir.file("c.db"));
  std::string r = record("https://example.com/a", "Harbour", body(1)).dump();
  EXPECT_EQ(*store.add(r), AddOutcome::kAdded);
  EXPECT_EQ(*store.add(r), AddOutcome::kDuplicate);
  ASSERT_TRUE(store.commit());
  EXPECT_EQ(*store.add(r), AddOutcome::kDuplicate);
  EXPECT_EQ(store.stats()->versions, 1u);
}

TEST(Store, AChangedPageAtTheSameUrlIsANewVersionAndSearchShowsTheNewest) {
  TempDir dir;
  Store store = open(dir.file("c.db"));
  ASSERT_TRUE(store.add(record("https://example.com/a", "Old harbour plan", body(1)).dump()));
  auto second = store.add(record("https://example.com/a", "New harbour plan", body(1)).dump());
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, AddOutcome::kNewVersion);
  SearchOptions q;
  q.query = "title:harbour";
  auto hits = store.search(q);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].title, "New harbour plan");
  StoreStats st = *store.stats();
  EXPECT_EQ(st.articles, 1u);
  EXPECT_EQ(st.versions, 2u);
}

TEST(Store, ResultsCarryTheRecordWithoutBlocks) {
  TempDir dir;
  Store store = open(dir.file("c.db"));
  json r = record("https://example.com/a", "Harbour", body(1));
  r["page_type"] = "article";  // a field added to records later survives
  ASSERT_TRUE(store.add(r.dump()));
  SearchOptions q;
  q.query = "district";
  auto hits = store.search(q);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 1u);
  json line = json::parse((*hits)[0].json);
  EXPECT_FALSE(line.contains("blocks"));
  EXPECT_EQ(line["page_type"], "article");
  EXPECT_EQ(line["copies"], 1);
  EXPECT_NE(line["snippet"].get<std::string>().find("**district**"), std::string::npos);
  auto full = store.article_json((*hits)[0].id);
  ASSERT_TRUE(full);
  EXPECT_TRUE(json::parse(*full).contains("blocks"));
}

TEST(Store, EscapedTextIsDecodedAsJsonDecodesItAndReadBackWhole) {
  TempDir dir;
  Store store = open(dir.file("c.db"));
  std::string text = "Caf\u00e9 \"quoted\" \\ \U0001F600 tab\tline\nnext " + body(2);
  json r = record("https://example.com/e", "Escapes", text);
  // ASCII-only JSON: every non-ASCII character as \u escapes (a surrogate
  // pair for the emoji).
  std::string ascii = r.dump(-1, ' ', true);
  ASSERT_NE(ascii.find("\\ud83d\\ude00"), std::string::npos);
  ASSERT_TRUE(store.add(ascii));
  SearchOptions q;
  q.query = "café";
  auto hits = store.search(q);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(json::parse(*store.article_json((*hits)[0].id))["text"], text);
  // Adding the same record written with raw UTF-8 is the same article.
  EXPECT_EQ(*store.add(r.dump()), AddOutcome::kDuplicate);
  // A text that is not a valid JSON string makes the record invalid.
  std::string broken = ascii;
  broken.replace(broken.find("\\u00e9"), 6, "\\u00zz");
  auto bad = store.add(broken);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("not a JSON object"), std::string::npos);
}

class Corpus : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<Store>(open(dir_.file("c.db")));
    json a = record("https://apnews.com/1", "Council approves budget for new bridge",
                    "The city council approved the budget on Tuesday. Mayor Ana Lopez said "
                    "the bridge would open next year after a long debate over costs.");
    a["site"]["domain"] = "apnews.com";
    a["authors"] = json::array({"Jane Doe"});
    a["quotes"] = json::array({{{"text", "The bridge will open next year"},
                                {"speaker", "Ana Lopez"},
                                {"cue", "said"},
                                {"kind", "direct"},
                                {"start", 0},
                                {"end", 10}}});
    a["entities"] = json::array({{{"name", "Ana Lopez"},
                                  {"type", "person"},
                                  {"titles", json::array({"Mayor"})},
                                  {"mentions", json::array({json::array({0, 3})})}}});
    json b = record("https://zeit.de/2", "Stadtrat beschließt Haushalt",
                    "Der Stadtrat hat am Dienstag den Haushalt für die neue Brücke beschlossen. "
                    "Die Debatte über die Kosten dauerte lange.");
    b["site"]["domain"] = "www.zeit.de";
    b["language"] = "de";
    b["published"] = "2023-07-02";
    b["authors"] = json::array({"Max Muster"});
    json c = record("https://example.com/3", "Bridge closed for repairs",
                    "The old bridge closed for repairs on Monday. Engineers said the budget "
                    "for the repairs was not yet approved. Traffic moved to the north road.");
    c["published"] = "2023-05-30";
    c["quotes"] = json::array({{{"text", "We found cracks in the supports"},
                                {"speaker", "Tom Baker"},
                                {"cue", "said"},
                                {"kind", "direct"},
                                {"start", 0},
                                {"end", 10}}});
    for (const json& r : {a, b, c}) ASSERT_TRUE(store_->add(r.dump()));
    ASSERT_TRUE(store_->commit());
  }

  std::vector<std::string> titles(const std::string& query) {
    SearchOptions q;
    q.query = query;
    auto hits = store_->search(q);
    EXPECT_TRUE(hits) << query << ": " << (hits ? "" : hits.error().message);
    std::vector<std::string> out;
    if (hits)
      for (const ArticleHit& h : *hits) out.push_back(h.title);
    std::sort(out.begin(), out.end());
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

const std::string kBudget = "Council approves budget for new bridge";
const std::string kStadt = "Stadtrat beschließt Haushalt";
const std::string kRepairs = "Bridge closed for repairs";

TEST_F(Corpus, WordsMustAllMatch) {
  EXPECT_EQ(titles("bridge budget"), (std::vector<std::string>{kRepairs, kBudget}));
  EXPECT_EQ(titles("bridge engineers"), std::vector<std::string>{kRepairs});
}

TEST_F(Corpus, TitleMatchesRankAboveBodyMatches) {
  SearchOptions q;
  q.query = "budget";
  auto hits = store_->search(q);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].title, kBudget);
}

TEST_F(Corpus, PhrasesOrAndMinus) {
  EXPECT_EQ(titles("\"was not yet approved\""), std::vector<std::string>{kRepairs});
  EXPECT_EQ(titles("\"approved the budget\""), std::vector<std::string>{kBudget});
  EXPECT_EQ(titles("engineers OR haushalt"), (std::vector<std::string>{kRepairs, kStadt}));
  EXPECT_EQ(titles("bridge -engineers"), std::vector<std::string>{kBudget});
  EXPECT_EQ(titles("-bridge"), std::vector<std::string>{kStadt});
}

TEST_F(Corpus, AccentsAndCaseDoNotMatter) {
  EXPECT_EQ(titles("BRUCKE"), std::vector<std::string>{kStadt});
}

TEST_F(Corpus, FieldFilters) {
  EXPECT_EQ(titles("site:apnews.com"), std::vector<std::string>{kBudget});
  EXPECT_EQ(titles("site:zeit.de"), std::vector<std::string>{kStadt});
  EXPECT_EQ(titles("bridge -site:apnews.com"), std::vector<std::string>{kRepairs});
  EXPECT_EQ(titles("author:\"Jane Doe\""), (std::vector<std::string>{kRepairs, kBudget}));
  EXPECT_EQ(titles("author:muster"), std::vector<std::string>{kStadt});
  EXPECT_EQ(titles("speaker:lopez"), std::vector<std::string>{kBudget});
  EXPECT_EQ(titles("person:\"Ana Lopez\""), std::vector<std::string>{kBudget});
  EXPECT_EQ(titles("lang:de"), std::vector<std::string>{kStadt});
  EXPECT_EQ(titles("since:2023-06-01"), (std::vector<std::string>{kBudget, kStadt}));
  EXPECT_EQ(titles("until:2023-06-13"), (std::vector<std::string>{kRepairs, kBudget}));
  EXPECT_EQ(titles("since:2023-06 until:2023-06"), std::vector<std::string>{kBudget});
  EXPECT_EQ(titles("title:budget"), std::vector<std::string>{kBudget});
  EXPECT_EQ(titles("title:repairs bridge"), std::vector<std::string>{kRepairs});
}

TEST_F(Corpus, AQueryOfFiltersOnlyListsTheNewestFirst) {
  SearchOptions q;
  q.query = "lang:en";
  auto hits = store_->search(q);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].day, "2023-06-13");
  EXPECT_EQ((*hits)[1].day, "2023-05-30");
}

TEST_F(Corpus, CountLimitAndOffset) {
  SearchOptions q;
  q.query = "bridge";
  EXPECT_EQ(*store_->count(q), 2u);
  q.limit = 1;
  auto first = store_->search(q);
  q.offset = 1;
  auto second = store_->search(q);
  ASSERT_TRUE(first && second);
  ASSERT_EQ(first->size(), 1u);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_NE((*first)[0].id, (*second)[0].id);
}

TEST_F(Corpus, QuotesMatchTheirTextAndSpeaker) {
  SearchOptions q;
  q.query = "speaker:lopez";
  auto hits = store_->quotes(q);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].speaker, "Ana Lopez");
  EXPECT_EQ((*hits)[0].day, "2023-06-13");
  q.query = "cracks";
  hits = store_->quotes(q);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].speaker, "Tom Baker");
  q.query = "title:budget";
  EXPECT_EQ(*store_->count_quotes(q), 1u);
  q.query = "speaker:lopez cracks";
  EXPECT_EQ(*store_->count_quotes(q), 0u);
}

TEST_F(Corpus, AQueryThatCannotBeParsedSaysWhere) {
  SearchOptions q;
  q.query = "bridge \"open";
  auto hits = store_->search(q);
  ASSERT_FALSE(hits);
  EXPECT_EQ(hits.error().code, ErrorCode::kUsage);
  EXPECT_EQ(hits.error().message, "query: column 8: unterminated quote");
}

TEST_F(Corpus, HostileQueryTextIsOnlyEverWords) {
  for (const char* q : {"NEAR(a b)", "a* OR b^", "{title}: x", "x' OR 1=1 --", "\"\"\"\""}) {
    SearchOptions o;
    o.query = q;
    auto r = store_->search(o);
    if (!r) {
      EXPECT_EQ(r.error().code, ErrorCode::kUsage) << q << ": " << r.error().message;
    }
  }
}

TEST_F(Corpus, StatsCountWhatIsHeld) {
  StoreStats st = *store_->stats();
  EXPECT_EQ(st.articles, 3u);
  EXPECT_EQ(st.stories, 3u);
  EXPECT_EQ(st.quotes, 2u);
  EXPECT_EQ(st.people, 1u);
  EXPECT_EQ(st.sites, 3u);
  EXPECT_EQ(st.languages, 2u);
  EXPECT_EQ(st.first_day, "2023-05-30");
  EXPECT_EQ(st.last_day, "2023-07-02");
  EXPECT_EQ(st.schema_version, store_schema_version());
}

TEST(StoreClusters, CopiesOnOtherSitesFormOneStoryShownOnce) {
  TempDir dir;
  Store store = open(dir.file("c.db"));
  std::string text = body(5);
  for (int site = 0; site < 4; ++site) {
    json r = record("https://site" + std::to_string(site) + ".com/story",
                    "Headline " + std::to_string(site), text);
    // each copy changes a sentence and adds its own boilerplate
    r["text"] = "Read more at site " + std::to_string(site) + ". " + text;
    r["site"]["domain"] = "site" + std::to_string(site) + ".com";
    ASSERT_TRUE(store.add(r.dump()));
  }
  ASSERT_TRUE(store.add(record("https://other.com/x", "Other", body(6)).dump()));
  SearchOptions q;
  q.query = "district";
  auto hits = store.search(q);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 2u);
  uint64_t copies = std::max((*hits)[0].copies, (*hits)[1].copies);
  EXPECT_EQ(copies, 4u);
  EXPECT_EQ(*store.count(q), 2u);
  q.all_copies = true;
  EXPECT_EQ(store.search(q)->size(), 5u);
  EXPECT_EQ(*store.count(q), 5u);
  EXPECT_EQ(store.stats()->stories, 2u);
}

TEST(StoreFiles, AFileThatIsNotACorpusIsNamedAndLeftUntouched) {
  TempDir dir;
  std::string path = dir.file("notes.txt");
  std::ofstream(path) << "just some notes\n";
  std::string before = bytes_of(path);
  auto s = Store::open(path);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find(path), std::string::npos);
  EXPECT_NE(s.error().message.find("not a lede corpus"), std::string::npos);
  EXPECT_EQ(bytes_of(path), before);
}

TEST(StoreFiles, AnotherSqliteDatabaseIsNamedAndLeftUntouched) {
  TempDir dir;
  std::string path = dir.file("other.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  std::string before = bytes_of(path);
  auto s = Store::open(path);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find(path + " is an SQLite database but not a lede corpus"),
            std::string::npos);
  EXPECT_EQ(bytes_of(path), before);
  EXPECT_FALSE(fs::exists(path + "-wal"));
}

TEST(StoreFiles, ANewerSchemaIsRefusedAndLeftUntouched) {
  TempDir dir;
  std::string path = dir.file("c.db");
  { Store store = open(path); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  std::string before = bytes_of(path);
  for (bool read_only : {false, true}) {
    StoreOptions o;
    o.read_only = read_only;
    auto s = Store::open(path, o);
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find(path + " has corpus schema version 99, newer than"),
              std::string::npos)
        << s.error().message;
  }
  EXPECT_EQ(bytes_of(path), before);
}

TEST(StoreFiles, SearchingWhereNoCorpusIsCreatesNone) {
  TempDir dir;
  StoreOptions o;
  o.read_only = true;
  auto s = Store::open(dir.file("missing.db"), o);
  ASSERT_FALSE(s);
  EXPECT_FALSE(fs::exists(dir.file("missing.db")));
}

// A corpus file as schema `version` made it, in an open transaction; null
// when SQLite fails.
sqlite3* older_corpus(const std::string& path, int version) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK ||
      sqlite3_exec(db, "PRAGMA application_id = 1818584165; BEGIN;", nullptr, nullptr, nullptr) !=
          SQLITE_OK ||
      !store::migrate(db, 0, version)) {
    sqlite3_close(db);
    return nullptr;
  }
  return db;
}

TEST(StoreMigrations, AVersionOneCorpusIsUpgradedWithItsArticlesClustered) {
  TempDir dir;
  std::string path = dir.file("v1.db");
  sqlite3* db = older_corpus(path, 1);
  ASSERT_NE(db, nullptr);
  // Two copies of one story and another story, as version 1 stored them.
  const std::string texts[] = {body(7), "Updated: " + body(7), body(8)};
  for (int i = 0; i < 3; ++i) {
    std::string id = std::to_string(i + 1);
    std::string sql =
        "INSERT INTO articles(id, doc_key, content_hash, version, latest, url, site, language, "
        "day, title, authors, people, speakers, added) VALUES(" +
        id + ", 'k" + id +
        "', 'h', 1, "
        "1, '', 's" +
        id + ".com', 'en', '2023-01-0" + id + "', 'Title " + id +
        "', '', '', '', '');"
        "INSERT INTO bodies(id, body, record) VALUES(" +
        id + ", '" + texts[i] +
        "', '{}');"
        "INSERT INTO article_fts(rowid, title, body, authors, people, speakers) VALUES(" +
        id + ", 'Title " + id + "', '" + texts[i] + "', '', '', '');";
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
  }
  ASSERT_EQ(sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  Store store = open(path);
  StoreStats st = *store.stats();
  EXPECT_EQ(st.schema_version, store_schema_version());
  EXPECT_EQ(st.articles, 3u);
  EXPECT_EQ(st.stories, 2u);
  SearchOptions q;
  q.query = "district";
  auto hits = store.search(q);
  ASSERT_TRUE(hits);
  EXPECT_EQ(hits->size(), 2u);
}

TEST(StoreMigrations, ReadOnlyOpeningOfAnOlderCorpusSaysHowToUpgrade) {
  TempDir dir;
  std::string path = dir.file("v1.db");
  sqlite3* db = older_corpus(path, 1);
  ASSERT_NE(db, nullptr);
  ASSERT_EQ(sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  StoreOptions o;
  o.read_only = true;
  auto s = Store::open(path, o);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("schema version 1"), std::string::npos);
}

// Timelines and people over the matching articles.

json dated(const std::string& site, int story, const std::string& published) {
  json r = record("https://" + site + "/" + std::to_string(story) + "-" + published,
                  "Story " + std::to_string(story), "From " + site + ". " + body(story));
  r["site"]["domain"] = site;
  if (published.empty()) {
    r.erase("published");
  } else {
    r["published"] = published + "T10:00:00Z";
  }
  return r;
}

TEST(StoreTimeline, CountsStoriesPerDayOnceAndPerSiteForEachSite) {
  TempDir dir;
  Store store = open(dir.file("c.db"));
  for (const char* site : {"a.com", "b.com", "c.com"})
    ASSERT_TRUE(store.add(dated(site, 5, "2023-06-13").dump()));
  ASSERT_TRUE(store.add(dated("a.com", 6, "2023-06-14").dump()));
  ASSERT_TRUE(store.add(dated("d.com", 7, "2023-06-14").dump()));
  ASSERT_TRUE(store.add(dated("d.com", 8, "").dump()));
  SearchOptions q;
  q.query = "district";
  Result<Timeline> t = store.timeline(q);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->days.size(), 2u);
  EXPECT_EQ(t->days[0].day, "2023-06-13");
  EXPECT_EQ(t->days[0].count, 1u);  // one story on three sites
  EXPECT_EQ(t->days[1].day, "2023-06-14");
  EXPECT_EQ(t->days[1].count, 2u);
  EXPECT_EQ(t->undated, 1u);
  ASSERT_EQ(t->sites.size(), 4u);
  EXPECT_EQ(t->sites[0].count, 2u);  // a.com and d.com both carry two
  EXPECT_EQ(t->sites[0].site, "a.com");
  EXPECT_EQ(t->sites[0].days.size(), 2u);
  q.all_copies = true;
  t = store.timeline(q);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->days[0].count, 3u);
  json j = json::parse(t->to_json());
  EXPECT_EQ(j["days"][0]["day"], "2023-06-13");
  EXPECT_EQ(j["undated"], 1);
}

TEST(StoreTimeline, FiltersNarrowItAndABadQueryIsAUsageError) {
  TempDir dir;
  Store store = open(dir.file("c.db"));
  ASSERT_TRUE(store.add(dated("a.com", 5, "2023-06-13").dump()));
  ASSERT_TRUE(store.add(dated("b.com", 6, "2023-06-14").dump()));
  SearchOptions q;
  q.query = "site:b.com";
  Result<Timeline> t = store.timeline(q);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->days.size(), 1u);
  EXPECT_EQ(t->days[0].day, "2023-06-14");
  q.query = "since:yesterday";
  t = store.timeline(q);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kUsage);
}

json person(const std::string& name, const std::vector<std::string>& titles,
            const std::string& type = "person") {
  return json{{"name", name}, {"type", type}, {"titles", titles}, {"mentions", json::array()}};
}

TEST(StorePeople, NamesPeopleOfTheMatchingArticlesMostArticlesFirst) {
  TempDir dir;
  Store store = open(dir.file("c.db"));
  json a = dated("a.com", 5, "2023-06-13");
  a["entities"] =
      json::array({person("Jens Stoltenberg", {"NATO Secretary-General"}),
                   person("Joe Biden", {"President"}), person("NATO", {}, "organization")});
  json b = dated("b.com", 6, "2023-06-14");
  b["entities"] = json::array({person("Jens Stoltenberg", {"NATO Secretary-General"})});
  json c = dated("c.com", 7, "2023-06-14");
  c["text"] = "Nothing about the district here, only the weather.";
  c["entities"] = json::array({person("Ann Other", {})});
  for (const json& r : {a, b, c}) ASSERT_TRUE(store.add(r.dump()));
  SearchOptions q;
  q.query = "sentence";
  Result<std::vector<PersonCount>> people = store.people(q);
  ASSERT_TRUE(people) << people.error().message;
  ASSERT_EQ(people->size(), 2u);
  EXPECT_EQ((*people)[0].name, "Jens Stoltenberg");
  EXPECT_EQ((*people)[0].articles, 2u);
  EXPECT_EQ((*people)[0].titles, std::vector<std::string>{"NATO Secretary-General"});
  EXPECT_EQ((*people)[1].name, "Joe Biden");
  q.limit = 1;
  q.offset = 1;
  people = store.people(q);
  ASSERT_TRUE(people);
  ASSERT_EQ(people->size(), 1u);
  EXPECT_EQ((*people)[0].name, "Joe Biden");
  EXPECT_EQ(json::parse((*people)[0].to_json())["titles"][0], "President");
}

TEST(StoreLimits, AQueryOverMaxQueryMillisIsATimeoutAndTheStoreStaysUsable) {
  TempDir dir;
  {
    Store store = open(dir.file("c.db"));
    for (int n = 0; n < 2000; ++n)
      ASSERT_TRUE(store.add(
          record("https://example.com/" + std::to_string(n), "Story " + std::to_string(n), body(n))
              .dump()));
  }
  StoreOptions o;
  o.read_only = true;
  // One millisecond is far less than ranking and cutting snippets out of
  // 2,000 matching articles takes.
  o.max_query_millis = 1;
  Result<Store> limited = Store::open(dir.file("c.db"), o);
  ASSERT_TRUE(limited);
  SearchOptions q;
  q.query = "sentence";
  q.all_copies = true;
  q.offset = 1999;
  auto late = limited->search(q);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kTimeout);
  EXPECT_NE(late.error().message.find("1 ms"), std::string::npos) << late.error().message;
  // The connection answers what is not under the limit.
  auto stats = limited->stats();
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->articles, 2000u);
  o.max_query_millis = 0;
  Result<Store> unlimited = Store::open(dir.file("c.db"), o);
  ASSERT_TRUE(unlimited);
  auto all = unlimited->search(q);
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->size(), 1u);
}

// Ranking is bounded to the newest matches (StoreOptions::rank_candidates):
// within them the best bm25 comes first, and a better match older than all
// of them is counted but not listed.
TEST(StoreRanking, ABroadQueryReturnsTheBestScoringOfTheNewestCandidates) {
  TempDir dir;
  {
    Store store = open(dir.file("c.db"));
    // The oldest article names the word in its title: the best match overall.
    ASSERT_TRUE(store.add(record("https://example.com/old", "Lighthouse", body(100)).dump()));
    for (int n = 0; n < 30; ++n)
      ASSERT_TRUE(store.add(
          record("https://example.com/" + std::to_string(n), "Story " + std::to_string(n),
                 body(n) + (n == 25 ? " The lighthouse. The lighthouse keeper." : " A lighthouse."))
              .dump()));
  }
  SearchOptions q;
  q.query = "lighthouse";
  q.limit = 3;
  for (uint32_t candidates : {10u, 100u}) {
    StoreOptions o;
    o.rank_candidates = candidates;
    Result<Store> store = Store::open(dir.file("c.db"), o);
    ASSERT_TRUE(store);
    auto hits = store->search(q);
    ASSERT_TRUE(hits) << hits.error().message;
    ASSERT_EQ(hits->size(), 3u);
    EXPECT_EQ(*store->count(q), 31u);
    if (candidates == 100) {
      EXPECT_EQ((*hits)[0].title, "Lighthouse");  // every match ranked
      EXPECT_EQ((*hits)[1].title, "Story 25");
    } else {
      // The newest ten hold Story 20-29; Story 25 says it thrice.
      EXPECT_EQ((*hits)[0].title, "Story 25");
      for (const ArticleHit& h : *hits) EXPECT_NE(h.title, "Lighthouse");
      EXPECT_LE((*hits)[0].score, (*hits)[1].score);
      // A page deeper than the candidates widens them (four per result).
      q.limit = 31;
      auto all = store->search(q);
      ASSERT_TRUE(all);
      EXPECT_EQ(all->size(), 31u);
      EXPECT_EQ((*all)[0].title, "Lighthouse");
      q.limit = 3;
    }
  }
}

// (rowid, bm25) of every row matching `match` in the corpus at `path`,
// best first, the newer first on ties, as FTS5's own bm25 ranks them.
std::vector<std::pair<int64_t, double>> bm25_order(const std::string& path,
                                                   const std::string& match) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db,
                               "SELECT rowid, bm25(article_fts, 4.0, 1.0, 1.0, 1.0, 1.0) AS r "
                               "FROM article_fts WHERE article_fts MATCH ?1 "
                               "ORDER BY r, rowid DESC",
                               -1, &s, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<std::pair<int64_t, double>> out;
  while (sqlite3_step(s) == SQLITE_ROW)
    out.emplace_back(sqlite3_column_int64(s, 0), sqlite3_column_double(s, 1));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

TEST(StoreRanking, WordQueriesRankExactlyAsBm25) {
  TempDir dir;
  {
    Store store = open(dir.file("c.db"));
    for (int n = 0; n < 40; ++n)
      ASSERT_TRUE(store.add(record("https://example.com/" + std::to_string(n),
                                   n % 3 ? "Story " + std::to_string(n) : "Harbour news",
                                   body(n) + (n % 4 ? "" : " The harbour tram."))
                                .dump()));
  }
  // Each query with the FTS5 expression the store matches it with.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"harbour", "({title body} : \"harbour\")"},
      {"harbour tram", "({title body} : \"harbour\") AND ({title body} : \"tram\")"},
      {"glacier OR orchard", "({title body} : \"glacier\" OR {title body} : \"orchard\")"},
      {"title:harbour river", "({title} : \"harbour\") AND ({title body} : \"river\")"},
      {"harbour -tram", "(({title body} : \"harbour\")) NOT ({title body} : \"tram\")"},
  };
  Store store = open(dir.file("c.db"));
  for (const auto& [query, match] : cases) {
    SearchOptions q;
    q.query = query;
    q.limit = 100;
    auto hits = store.search(q);
    ASSERT_TRUE(hits) << query << ": " << hits.error().message;
    auto expected = bm25_order(dir.file("c.db"), match);
    ASSERT_FALSE(expected.empty()) << query;
    ASSERT_EQ(hits->size(), expected.size()) << query;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ((*hits)[i].id, expected[i].first) << query << " #" << i;
      EXPECT_DOUBLE_EQ((*hits)[i].score, expected[i].second) << query << " #" << i;
    }
  }
}

TEST(StoreRanking, APhraseTakesTheDocumentFrequencyOfItsRarestWord) {
  TempDir dir;
  {
    Store store = open(dir.file("c.db"));
    // "keeper" only ever follows "lighthouse", so the phrase is in exactly
    // as many articles as its rarest word and ranks as bm25 ranks it;
    // "the lighthouse" is in fewer articles than "the", so it does not.
    for (int n = 0; n < 30; ++n)
      ASSERT_TRUE(
          store.add(record("https://example.com/" + std::to_string(n), "Story " + std::to_string(n),
                           body(n) + (n % 5 ? " A lighthouse." : " The lighthouse keeper waved."))
                        .dump()));
  }
  Store store = open(dir.file("c.db"));
  SearchOptions q;
  q.limit = 100;
  q.query = "\"lighthouse keeper\"";
  auto hits = store.search(q);
  ASSERT_TRUE(hits) << hits.error().message;
  auto expected = bm25_order(dir.file("c.db"), "({title body} : \"lighthouse keeper\")");
  ASSERT_EQ(hits->size(), 6u);
  ASSERT_EQ(expected.size(), 6u);
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ((*hits)[i].id, expected[i].first);
    EXPECT_DOUBLE_EQ((*hits)[i].score, expected[i].second);
  }
  // "the" is in every article, so bm25's IDF for "the lighthouse" (6 of
  // 30) is higher than the one taken from "lighthouse" (30 of 30): the
  // score is weaker (closer to 0) but the phrase still matches the same six.
  q.query = "\"the lighthouse\"";
  hits = store.search(q);
  ASSERT_TRUE(hits) << hits.error().message;
  expected = bm25_order(dir.file("c.db"), "({title body} : \"the lighthouse\")");
  ASSERT_EQ(hits->size(), expected.size());
  ASSERT_EQ(hits->size(), 6u);
  EXPECT_GT((*hits)[0].score, expected[0].second);
  EXPECT_LT((*hits)[0].score, 0.0);
}

// --count (which skips DISTINCT for articles whose story no other newest
// version shares) agrees with listing every result, over copies, versions
// and every filter.
TEST(StoreCounts, CountsEqualABruteForceCountOfTheResults) {
  TempDir dir;
  Store store = open(dir.file("c.db"));
  const char* sites[] = {"a.com", "b.com", "c.com"};
  for (int n = 0; n < 40; ++n) {
    int story = n % 13;  // stories 0-12, most on several sites
    json r = record("https://" + std::string(sites[n % 3]) + "/" + std::to_string(n),
                    "Title " + std::to_string(n),
                    "Read more on " + std::to_string(n) + ". " + body(story));
    r["site"]["domain"] = sites[n % 3];
    r["language"] = n % 4 == 0 ? "de" : "en";
    r["published"] = "2023-0" + std::to_string(1 + n % 9) + "-10T10:00:00Z";
    ASSERT_TRUE(store.add(r.dump()));
  }
  // A new version of a copy, rewritten into a story of its own.
  json changed = record("https://a.com/0", "Title 0", body(500));
  changed["site"]["domain"] = "a.com";
  ASSERT_EQ(*store.add(changed.dump()), AddOutcome::kNewVersion);
  ASSERT_TRUE(store.commit());
  StoreOptions two;
  two.read_only = true;
  two.rank_candidates = 2;
  Result<Store> narrow = Store::open(dir.file("c.db"), two);
  ASSERT_TRUE(narrow);
  for (std::string query :
       {"district", "harbour", "lang:de", "lang:en", "since:2023-05", "site:b.com",
        "site:a.com district", "district -harbour", "until:2023-03 lang:en", "\"story 3\""}) {
    for (bool all : {false, true}) {
      SearchOptions q;
      q.query = query;
      q.all_copies = all;
      q.limit = 10'000;
      auto hits = store.search(q);
      auto n = store.count(q);
      ASSERT_TRUE(hits && n) << query;
      EXPECT_EQ(*n, hits->size()) << query << (all ? " --all-copies" : "");
      // A page with its total: from the ranked walk when it read every
      // match, else counted apart (two candidates make most walks partial).
      for (Store* s : {&store, &*narrow}) {
        uint64_t total = 0;
        q.limit = 1;
        ASSERT_TRUE(s->search(q, &total)) << query;
        EXPECT_EQ(total, *n) << query << (all ? " --all-copies" : "");
        q.limit = 10'000;
      }
    }
  }
  SearchOptions everything;
  everything.query = "since:2000";
  EXPECT_EQ(*store.count(everything), store.stats()->stories);
}

TEST(StoreCounts, AReaderSeesWhatAnotherConnectionCommitsAfterItsFirstQuery) {
  // Filters, counts and timelines read the articles' facets held in memory
  // by each connection: they must follow another connection's commits
  // (new articles, and an old version no longer the newest).
  TempDir dir;
  Store writer = open(dir.file("c.db"));
  auto add = [&](int n, const std::string& site, const std::string& text) {
    json r =
        record("https://" + site + "/" + std::to_string(n), "Title " + std::to_string(n), text);
    r["site"]["domain"] = site;
    return writer.add(r.dump());
  };
  for (int n = 0; n < 4; ++n) ASSERT_TRUE(add(n, "a.com", body(n)));
  ASSERT_TRUE(writer.commit());
  StoreOptions ro;
  ro.read_only = true;
  Result<Store> reader = Store::open(dir.file("c.db"), ro);
  ASSERT_TRUE(reader) << reader.error().message;
  SearchOptions district, on_b;
  district.query = "district";
  on_b.query = "district site:b.com";
  EXPECT_EQ(*reader->count(district), 4u);
  EXPECT_EQ(*reader->count(on_b), 0u);
  EXPECT_EQ(reader->timeline(on_b)->days.size(), 0u);

  for (int n = 4; n < 7; ++n) ASSERT_TRUE(add(n, "b.com", body(n)));
  ASSERT_EQ(*add(0, "a.com", "A rewritten page about the tramway alone."), AddOutcome::kNewVersion);
  ASSERT_TRUE(writer.commit());
  EXPECT_EQ(*reader->count(district), 6u);
  EXPECT_EQ(*reader->count(on_b), 3u);
  auto hits = reader->search(on_b);
  ASSERT_TRUE(hits);
  EXPECT_EQ(hits->size(), 3u);
  auto t = reader->timeline(on_b);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->days.size(), 1u);
  EXPECT_EQ(t->days[0].count, 3u);
  SearchOptions tram;
  tram.query = "tramway";
  EXPECT_EQ(*reader->count(tram), 1u);
  // The writer's own connection sees its batch before the commit too.
  ASSERT_TRUE(add(7, "c.com", body(7)));
  on_b.query = "district site:c.com";
  EXPECT_EQ(*writer.count(on_b), 1u);
}

TEST(StoreFiles, DamagedFacetsAreAnErrorThatSaysHowToRebuildThem) {
  TempDir dir;
  std::string path = dir.file("c.db");
  {
    Store store = open(path);
    for (int n = 0; n < 3; ++n)
      ASSERT_TRUE(store.add(record("https://a.com/" + std::to_string(n), "T", body(n)).dump()));
    ASSERT_TRUE(store.commit());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // A chunk cut short of a whole article, and one far past any article.
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE facet_chunks SET rows = substr(rows, 1, 30);"
                         "INSERT INTO facet_chunks(chunk, rows) VALUES(1000000000, x'00');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  StoreOptions ro;
  ro.read_only = true;
  Result<Store> store = Store::open(path, ro);
  ASSERT_TRUE(store);
  SearchOptions q;
  q.query = "district";
  auto n = store->count(q);
  ASSERT_FALSE(n);
  EXPECT_NE(n.error().message.find("facets are damaged"), std::string::npos) << n.error().message;
  EXPECT_NE(n.error().message.find("rebuild"), std::string::npos);
  // Opened for writing, as the message says, the corpus rebuilds them.
  { Store writer = open(path); }
  store = Store::open(path, ro);
  ASSERT_TRUE(store);
  n = store->count(q);
  ASSERT_TRUE(n) << n.error().message;
  EXPECT_EQ(*n, 3u);
}

TEST(StoreMigrations, AVersionTwoCorpusKeepsEachTextOnceAndCountsAsBefore) {
  TempDir dir;
  std::string path = dir.file("v2.db");
  sqlite3* db = older_corpus(path, 2);
  ASSERT_NE(db, nullptr);
  // Two copies of one story and a story of its own; version 2 kept each
  // record whole, text included.
  const std::string texts[] = {body(7), "Updated: " + body(7), body(8)};
  const int stories[] = {1, 1, 3};
  for (int i = 0; i < 3; ++i) {
    std::string id = std::to_string(i + 1);
    json r = record("https://s" + id + ".com/x", "Title " + id, texts[i]);
    std::string sql =
        "INSERT INTO articles(id, doc_key, content_hash, version, latest, url, site, language, "
        "day, title, authors, people, speakers, added, story) VALUES(" +
        id + ", 'k" + id + "', 'h', 1, 1, '', 's" + id + ".com', 'en', '2023-01-0" + id +
        "', 'Title " + id + "', '', '', '', '', " + std::to_string(stories[i]) +
        ");"
        "INSERT INTO bodies(id, body, record) VALUES(" +
        id + ", '" + texts[i] + "', '" + r.dump() +
        "');"
        "INSERT INTO article_fts(rowid, title, body, authors, people, speakers) VALUES(" +
        id + ", 'Title " + id + "', '" + texts[i] + "', '', '', '');";
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
  }
  ASSERT_EQ(sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  {
    Store store = open(path);
    EXPECT_EQ(store.stats()->schema_version, store::kSchemaVersion);
    SearchOptions q;
    q.query = "district";
    EXPECT_EQ(*store.count(q), 2u);
    q.query = "since:2023";
    EXPECT_EQ(*store.count(q), 2u);
    q.all_copies = true;
    EXPECT_EQ(*store.count(q), 3u);
    // The record reads as it was given, its members in their order.
    json whole = json::parse(*store.article_json(2));
    EXPECT_EQ(whole["text"], texts[1]);
    std::vector<std::string> order, expected;
    nlohmann::ordered_json read = nlohmann::ordered_json::parse(*store.article_json(2));
    nlohmann::ordered_json given =
        nlohmann::ordered_json::parse(record("https://s2.com/x", "Title 2", texts[1]).dump());
    for (auto& [k, v] : read.items()) order.push_back(k);
    expected = {"id", "version", "latest", "story", "copies"};
    for (auto& [k, v] : given.items()) expected.push_back(k);
    EXPECT_EQ(order, expected);
    EXPECT_EQ(whole["url"], "https://s2.com/x");
    EXPECT_TRUE(whole.contains("blocks"));
  }
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT count(*) FROM bodies WHERE json_type(record, '$.text') = "
                               "'null' AND instr(record, 'Sentence 0') = 0",
                               -1, &s, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(s, 0), 3);
  sqlite3_finalize(s);
  sqlite3_close(db);
}

}  // namespace
}  // namespace lede
