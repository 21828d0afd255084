#include "store/near_duplicates.h"

#include <gtest/gtest.h>

#include <string>

namespace lede::store {
namespace {

const char* kStory =
    "The city council voted on Tuesday to close the old bridge over the river for repairs. "
    "Engineers found cracks in two of its supports during an inspection last month, the "
    "mayor said. Traffic will be sent across the north bridge while the work goes on, which "
    "is expected to take six months and cost about four million dollars. Shop owners near "
    "the bridge said they feared losing customers. The council also approved a plan to add "
    "bus services during the closure.";

TEST(NearDuplicates, ShinglesIgnoreCaseAndPunctuation) {
  EXPECT_EQ(shingles("One two, three four five six."), shingles("one TWO three -- four five six"));
  EXPECT_TRUE(shingles("too short").empty());
}

TEST(NearDuplicates, ACopyWithAChangedSentenceOverlapsAboveTheThreshold) {
  std::string copy = std::string("Subscribe to our newsletter. ") + kStory;
  copy.replace(copy.find("Shop owners"), 46, "Business owners on the main street were worried.");
  double score = overlap(shingles(kStory), shingles(copy));
  EXPECT_GE(score, kSameStoryOverlap);
  // and the copy shares some band with the original
  auto a = band_keys(shingles(kStory)), b = band_keys(shingles(copy));
  ASSERT_EQ(a.size(), kBands);
  bool shared = false;
  for (size_t i = 0; i < kBands; ++i) shared = shared || a[i] == b[i];
  EXPECT_TRUE(shared);
}

TEST(NearDuplicates, AnotherStoryOnTheSameSubjectStaysBelow) {
  const char* other =
      "Repairs to the old bridge over the river began on Monday, a week after the city "
      "council closed it. Crews put up scaffolding along both supports, and drivers "
      "complained of long queues at the north bridge. The mayor asked for patience and said "
      "the council would review the bus services in a month.";
  EXPECT_LT(overlap(shingles(kStory), shingles(other)), kSameStoryOverlap);
}

}  // namespace
}  // namespace lede::store
