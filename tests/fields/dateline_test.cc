#include "fields/dateline.h"

#include <gtest/gtest.h>

namespace lede::fields {
namespace {

struct Case {
  std::string text, place, agency, rest;
};

TEST(FindDateline, ReadsCommonWireForms) {
  const Case cases[] = {
      {"WASHINGTON (AP) — NATO chief said", "WASHINGTON", "AP", "NATO chief said"},
      {"LONDON, June 13 (Reuters) - Britain said", "LONDON", "Reuters", "Britain said"},
      {"PARIS (AFP) - France said", "PARIS", "AFP", "France said"},
      {"BERLIN, 13. Juni (dpa) - Die Regierung", "BERLIN", "dpa", "Die Regierung"},
      {"NEW YORK — Stocks fell", "NEW YORK", "", "Stocks fell"},
      {"KYIV, Ukraine (AP) — Russia fired", "KYIV, Ukraine", "AP", "Russia fired"},
      {"Washington (CNN)President Joe Biden", "Washington", "CNN", "President Joe Biden"},
      {"PORT-AU-PRINCE, Haiti -- Gangs", "PORT-AU-PRINCE, Haiti", "", "Gangs"},
      {"NEW DELHI: India said", "NEW DELHI", "", "India said"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto d = find_dateline(c.text);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->place, c.place);
    EXPECT_EQ(d->agency, c.agency);
    EXPECT_EQ(c.text.substr(d->end), c.rest);
  }
}

TEST(FindDateline, KeepsTheDateApart) {
  auto d = find_dateline("LONDON, June 13 (Reuters) - Britain said");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date_text, "June 13");
}

TEST(FindDateline, IgnoresOrdinarySentences) {
  const std::string sentences[] = {
      "NATO leader says Ukrainians are making progress",
      "He added, “It’s still early days, but what we do know”",
      "However, Biden has expressed confidence that the issue will be sorted out.",
      "Smith (R-Texas) said the bill would fail.",
      "The president — who spoke briefly — left.",
      "BREAKING — Stocks fell sharply",
      "I — like many — was surprised.",
      "Last week, British Prime Minister Rishi Sunak made the case",
      "“The support that we are providing,” Stoltenberg said.",
  };
  for (const auto& s : sentences) EXPECT_FALSE(find_dateline(s)) << s;
}

TEST(FindDateline, ReadsTheSpanishWireFullStopBeforeTheDash) {
  auto d = find_dateline("Sevilla, 5 jul (EFE).- El Ayuntamiento de Sevilla instalará toldos.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Sevilla");
  EXPECT_EQ(d->agency, "EFE");
  EXPECT_EQ(d->date_text, "5 jul");
  EXPECT_EQ(std::string_view("Sevilla, 5 jul (EFE).- El Ayuntamiento").substr(d->end), "El Ayuntamiento");
  // Without an agency a full stop ends a sentence, not a dateline.
  EXPECT_FALSE(find_dateline("Sevilla. - El Ayuntamiento de Sevilla instalará toldos."));
}

}  // namespace
}  // namespace lede::fields
