#include "store/near_duplicates.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <limits>
#include <string>

namespace lede::store {
namespace {

uint64_t mix(uint64_t x) {  // splitmix64's finalizer: a fast, well-spread permutation
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// A byte of a word: an ASCII letter or digit (std::isalnum of any locale
// below 0x80) or any byte of a multi-byte character. A table: the call per
// byte of every body was a twentieth of ingest.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
  return t;
}();
bool word_byte(unsigned char c) { return kWordBytes[c]; }

// std::tolower of the C locale (ASCII letters only), without the call.
char ascii_lower(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

}  // namespace

std::vector<uint64_t> shingles(std::string_view text) {
  std::vector<uint64_t> words;
  words.reserve(text.size() / 5);
  std::string word;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !word_byte(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start) break;
    word.resize(i - start);
    for (size_t k = start; k < i; ++k)
      word[k - start] = ascii_lower(static_cast<unsigned char>(text[k]));
    words.push_back(XXH3_64bits(word.data(), word.size()));
  }
  std::vector<uint64_t> out;
  if (words.size() < kShingleWords) return out;
  out.reserve(words.size() - kShingleWords + 1);
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = 0;
    for (size_t k = 0; k < kShingleWords; ++k) h = mix(h * 0x9e3779b97f4a7c15ull + words[i + k]);
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<int64_t> band_keys(const std::vector<uint64_t>& set) {
  std::vector<int64_t> keys;
  if (set.size() < kMinShingles) return keys;
  constexpr size_t kHashes = kBands * kRowsPerBand;
  std::array<uint64_t, kHashes> mins;
  mins.fill(std::numeric_limits<uint64_t>::max());
  for (uint64_t s : set)
    for (size_t i = 0; i < kHashes; ++i)
      mins[i] = std::min(mins[i], mix(s ^ (0x2545f4914f6cdd1dull * (i + 1))));
  for (size_t b = 0; b < kBands; ++b) {
    uint64_t parts[kRowsPerBand + 1];
    parts[0] = b;
    for (size_t r = 0; r < kRowsPerBand; ++r) parts[r + 1] = mins[b * kRowsPerBand + r];
    keys.push_back(static_cast<int64_t>(XXH3_64bits(parts, sizeof parts)));
  }
  return keys;
}

double overlap(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j])
      ++i;
    else if (b[j] < a[i])
      ++j;
    else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
}

}  // namespace lede::store
