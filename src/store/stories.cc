#include "store/stories.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "store/near_duplicates.h"

namespace lede::store {
namespace {

// Earlier bodies compared exactly, most shared bands first: a copy shares
// most bands, so a few suffice even when a common passage (a standard
// disclaimer) makes many bodies collide in one band.
constexpr size_t kMaxCandidates = 24;

}  // namespace

Result<int64_t> assign_story(StmtCache& db, int64_t id, std::string_view body) {
  std::vector<uint64_t> set = shingles(body);
  std::vector<int64_t> keys = band_keys(set);
  if (keys.empty()) return id;
  auto find = db.get("SELECT article_id FROM lsh WHERE key = ?1 AND article_id <> ?2");
  if (!find) return tl::unexpected(find.error());
  std::unordered_map<int64_t, int> hits;
  for (int64_t key : keys) {
    Stmt& s = (*find)->reset().bind(1, key).bind(2, id);
    while (s.step() == SQLITE_ROW) ++hits[s.int64(0)];
    s.reset();
  }
  std::vector<std::pair<int, int64_t>> ranked;
  for (auto [candidate, n] : hits) ranked.emplace_back(n, candidate);
  std::sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (ranked.size() > kMaxCandidates) ranked.resize(kMaxCandidates);

  int64_t story = id;
  double best = 0;
  auto fetch =
      db.get("SELECT b.body, a.story FROM bodies b JOIN articles a ON a.id = b.id WHERE b.id = ?1");
  if (!fetch) return tl::unexpected(fetch.error());
  for (auto [n, candidate] : ranked) {
    Stmt& s = (*fetch)->reset().bind(1, candidate);
    if (s.step() != SQLITE_ROW || s.is_null(1)) continue;
    std::vector<uint64_t> other = shingles(s.text(0));
    int64_t other_story = s.int64(1);
    s.reset();
    double score = overlap(set, other);
    if (score >= kSameStoryOverlap && score > best) {
      best = score;
      story = other_story;
    }
  }
  auto add = db.get("INSERT OR IGNORE INTO lsh(key, article_id) VALUES(?1, ?2)");
  if (!add) return tl::unexpected(add.error());
  for (int64_t key : keys)
    if ((*add)->reset().bind(1, key).bind(2, id).step() != SQLITE_DONE)
      return tl::unexpected(db.error("recording the story index"));
  return story;
}

}  // namespace lede::store
