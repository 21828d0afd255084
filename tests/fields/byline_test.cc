#include "fields/byline.h"

#include <gtest/gtest.h>

namespace lede::fields {
namespace {

using Names = std::vector<std::string>;

TEST(ParseByline, StripsLabelsInSeveralLanguages) {
  EXPECT_EQ(parse_byline("By Jane Doe").names, Names{"Jane Doe"});
  EXPECT_EQ(parse_byline("Von Max Mustermann").names, Names{"Max Mustermann"});
  EXPECT_EQ(parse_byline("Par Jean Dupont").names, Names{"Jean Dupont"});
  EXPECT_EQ(parse_byline("Por María García").names, Names{"María García"});
  EXPECT_EQ(parse_byline("Di Mario Rossi").names, Names{"Mario Rossi"});
  EXPECT_EQ(parse_byline("Door Jan de Vries").names, Names{"Jan de Vries"});
}

TEST(ParseByline, SplitsListsAndDropsRoles) {
  EXPECT_EQ(parse_byline("By Jane Doe and John Roe, Staff Writers").names,
            (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(parse_byline("By Jane Doe & John Roe").names, (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(parse_byline("Jane Doe, John Roe and Max Muster").names,
            (Names{"Jane Doe", "John Roe", "Max Muster"}));
  EXPECT_EQ(parse_byline("By Jane Doe, Correspondent").names, Names{"Jane Doe"});
  EXPECT_EQ(parse_byline("Jane Doe Staff Writer").names, Names{"Jane Doe"});
}

TEST(ParseByline, LeavesOutTheAffiliationAfterARole) {
  EXPECT_EQ(parse_byline("By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, "
                         "Privacy, and Technology Project April 5, 2018 | 6:00 PM")
                .names,
            Names{"Daniel Kahn Gillmor"});
  EXPECT_EQ(parse_byline("By Jane Doe, Washington").names, Names{"Jane Doe"});
  EXPECT_EQ(parse_byline("By Jane Doe, Correspondent and John Roe").names,
            (Names{"Jane Doe", "John Roe"}));
  EXPECT_TRUE(parse_byline("Our Foreign Staff").names.empty());
}

TEST(ParseByline, DropsContactsAndTails) {
  EXPECT_EQ(parse_byline("By Jane Doe jane.doe@example.com").names, Names{"Jane Doe"});
  EXPECT_EQ(parse_byline("By Jane Doe | Updated June 13, 2023").names, Names{"Jane Doe"});
  EXPECT_EQ(parse_byline("By Jane Doe June 13, 2023 11:06 AM").names, Names{"Jane Doe"});
}

TEST(ParseByline, SeparatesAgencies) {
  const Byline a = parse_byline("By The Associated Press");
  EXPECT_TRUE(a.names.empty());
  EXPECT_EQ(a.agencies, Names{"The Associated Press"});
  const Byline b = parse_byline("By Jane Doe and AP");
  EXPECT_EQ(b.names, Names{"Jane Doe"});
  EXPECT_EQ(b.agencies, Names{"AP"});
  EXPECT_EQ(parse_byline("Reuters").agencies, Names{"Reuters"});
  EXPECT_EQ(parse_byline("By Staff").agencies, Names{"Staff"});
  EXPECT_FALSE(parse_byline("By Staff").missing_name());
}

TEST(ParseByline, FlagsLabelWithoutName) {
  const Byline b = parse_byline("BY");
  EXPECT_TRUE(b.names.empty());
  EXPECT_TRUE(b.missing_name());
  EXPECT_FALSE(parse_byline("By Jane Doe").missing_name());
}

TEST(ParseByline, NormalisesShoutedNames) {
  EXPECT_EQ(parse_byline("BY JANE DOE").names, Names{"Jane Doe"});
}

TEST(ParseByline, ReadsLabelsInSevenLanguages) {
  EXPECT_EQ(parse_byline("Par Sébastien Farcis").names, Names{"Sébastien Farcis"});
  EXPECT_EQ(parse_byline("Von Max Muster").names, Names{"Max Muster"});
  EXPECT_EQ(parse_byline("Por Ana García").names, Names{"Ana García"});
  EXPECT_EQ(parse_byline("Di Chiara Bellandi").names, Names{"Chiara Bellandi"});
  EXPECT_EQ(parse_byline("Door Pieter de Vries").names, Names{"Pieter de Vries"});
  EXPECT_EQ(parse_byline("Autor: Jan Nowak").names, Names{"Jan Nowak"});
  EXPECT_EQ(parse_byline("Text: Anna Schmidt").names, Names{"Anna Schmidt"});
}

TEST(ParseByline, KeepsEveryNameOfAParenthesisedList) {
  EXPECT_EQ(parse_byline("Martin Untersinger (avec Damien Leloup et Morgane Tual)").names,
            (Names{"Martin Untersinger", "Damien Leloup", "Morgane Tual"}));
}

TEST(ParseByline, TurnsSurnameFirstAround) {
  EXPECT_EQ(parse_byline("Jong, Michiel de").names, Names{"Michiel de Jong"});
  EXPECT_EQ(parse_byline("Kooman, F.").names, Names{"F. Kooman"});
  EXPECT_EQ(parse_byline("Jane Doe, Washington").names, Names{"Jane Doe"});
}

TEST(ParseByline, SplitsAnAgencyOffTheName) {
  Byline glued = parse_byline("ERIC TUCKERAssociated Press");
  EXPECT_EQ(glued.names, Names{"Eric Tucker"});
  EXPECT_EQ(glued.agencies, Names{"Associated Press"});
  Byline apart = parse_byline("Tom Davies Associated Press");
  EXPECT_EQ(apart.names, Names{"Tom Davies"});
  EXPECT_EQ(apart.agencies, Names{"Associated Press"});
}

TEST(ParseByline, RejectsWordsThatAreNotNames) {
  for (std::string_view s : {"Sagt", "Stand", "Fr", "Text", "London", "Von London"})
    EXPECT_TRUE(parse_byline(s).names.empty()) << s;
  EXPECT_TRUE(parse_byline("Mac & i").names.empty());
  EXPECT_TRUE(parse_byline("KWCHCIK").names.empty());
  EXPECT_TRUE(parse_byline("The Water Coolest").names.empty());
  EXPECT_EQ(parse_byline("Finian Cunningham. Sputnik International").names,
            Names{"Finian Cunningham"});
  EXPECT_EQ(parse_byline("Jane Doe & John Roe").names, (Names{"Jane Doe", "John Roe"}));
}

TEST(StartsWithBylineLabel, NeedsANameAfterAmbiguousLabels) {
  EXPECT_TRUE(starts_with_byline_label("By Jane Doe"));
  EXPECT_TRUE(starts_with_byline_label("BY"));
  EXPECT_TRUE(starts_with_byline_label("Par Jean Dupont"));
  EXPECT_FALSE(starts_with_byline_label("par exemple, il a dit"));
  EXPECT_FALSE(starts_with_byline_label("Bystanders said"));
}

TEST(LooksLikePersonName, AcceptsNamesRejectsSentences) {
  EXPECT_TRUE(looks_like_person_name("Sarah E. Needleman"));
  EXPECT_TRUE(looks_like_person_name("Ludwig van Beethoven"));
  EXPECT_FALSE(looks_like_person_name("the president said"));
  EXPECT_FALSE(looks_like_person_name("Updated 2023"));
}

}  // namespace
}  // namespace lede::fields
