// Near-duplicate bodies: the same story republished with another headline,
// other menus and a few sentences changed. Bodies are compared as sets of
// word shingles; MinHash signatures, cut into bands (locality-sensitive
// hashing), find the few earlier bodies worth comparing exactly.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lede::store {

// Words per shingle: five words in the same order rarely recur in
// unrelated stories, yet one changed sentence costs only its own shingles.
inline constexpr size_t kShingleWords = 5;
// MinHash bands and rows per band. A pair whose shingle sets overlap with
// Jaccard J shares a band with probability 1 - (1 - J^2)^12: 0.97 at
// J = 0.5, 0.03 at J = 0.05 (distinct stories on one subject).
inline constexpr size_t kBands = 12;
inline constexpr size_t kRowsPerBand = 2;
// Two bodies are one story when this share of the smaller one's shingles
// is in the other (tuned on bench/store's labelled pairs: copies score
// 0.7-1.0, distinct stories on one subject under 0.1).
inline constexpr double kSameStoryOverlap = 0.5;
// Bodies with fewer shingles than this are too short to call copies (a
// caption-only page); each is its own story.
inline constexpr size_t kMinShingles = 8;

// The body's shingles, hashed, sorted and unique.
std::vector<uint64_t> shingles(std::string_view text);

// The band keys of a shingle set (kBands of them), or none when it has
// fewer than kMinShingles shingles.
std::vector<int64_t> band_keys(const std::vector<uint64_t>& shingles);

// |a ∩ b| / min(|a|, |b|) for sorted unique sets; 0 when either is empty.
double overlap(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace lede::store
