#include "fields/credit.h"

#include <gtest/gtest.h>

namespace lede::fields {
namespace {

TEST(SplitCredit, TakesTrailingParenthesisedCredit) {
  auto c = split_credit(
      "President Joe Biden meets with NATO Secretary General Jens Stoltenberg in the Oval "
      "Office. (AP Photo/Manuel Balce Ceneta)");
  EXPECT_EQ(c.credit, "AP Photo/Manuel Balce Ceneta");
  EXPECT_EQ(c.caption,
            "President Joe Biden meets with NATO Secretary General Jens Stoltenberg in the Oval "
            "Office.");
}

TEST(SplitCredit, StripsLabels) {
  EXPECT_EQ(split_credit("Protesters in Paris. Photo: Jane Doe/Reuters").credit, "Jane Doe/Reuters");
  EXPECT_EQ(split_credit("Protesters in Paris. Photo: Jane Doe/Reuters").caption,
            "Protesters in Paris.");
  EXPECT_EQ(split_credit("Demonstranten in Berlin. Foto: dpa").credit, "dpa");
  EXPECT_EQ(split_credit("A view of the city | Credit: John Roe").credit, "John Roe");
  EXPECT_EQ(split_credit("A view of the city | Credit: John Roe").caption, "A view of the city");
  EXPECT_EQ(split_credit("La tour Eiffel. © AFP").credit, "AFP");
}

TEST(SplitCredit, RecognisesCreditOnlyLines) {
  auto c = split_credit("Getty Images");
  EXPECT_EQ(c.caption, "");
  EXPECT_EQ(c.credit, "Getty Images");
}

TEST(SplitCredit, TakesTrailingAgencyPhrase) {
  auto c = split_credit("Soldiers near Bakhmut. Jane Doe / AFP via Getty Images");
  EXPECT_EQ(c.caption, "Soldiers near Bakhmut.");
  EXPECT_EQ(c.credit, "Jane Doe / AFP via Getty Images");
}

TEST(SplitCredit, LeavesPlainCaptionsAlone) {
  auto c = split_credit("The president speaks in the Rose Garden (left) on Tuesday.");
  EXPECT_EQ(c.credit, "");
  EXPECT_EQ(c.caption, "The president speaks in the Rose Garden (left) on Tuesday.");
  EXPECT_EQ(split_credit("He met the press (again).").credit, "");
}

TEST(IsAgencyName, KnowsWireServices) {
  EXPECT_TRUE(is_agency_name("Associated Press"));
  EXPECT_TRUE(is_agency_name("AP"));
  EXPECT_TRUE(is_agency_name("dpa"));
  EXPECT_FALSE(is_agency_name("Jane Doe"));
}

TEST(SplitCredit, ReaderPictureLabelIntroducesTheCredit) {
  auto c = split_credit(
      "Waves crash over Tynemouth pier on Thursday morning. Reader picture: Alan Forster");
  EXPECT_EQ(c.caption, "Waves crash over Tynemouth pier on Thursday morning.");
  EXPECT_EQ(c.credit, "Alan Forster");
}

TEST(SplitCredit, BareFotoLabelBeforeANameIsDropped) {
  CaptionCredit c = split_credit("La nuova sala di lettura della villa (foto Davide Rinaldi)");
  EXPECT_EQ(c.caption, "La nuova sala di lettura della villa");
  EXPECT_EQ(c.credit, "Davide Rinaldi");
  // A lower-case word after "photo" is not a name: nothing is stripped.
  EXPECT_EQ(split_credit("Crowds at the gate (photo archive)").caption.empty(), false);
}

}  // namespace
}  // namespace lede::fields
