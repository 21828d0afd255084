#include "analysis/people.h"

#include <gtest/gtest.h>

namespace lede::analysis {
namespace {

const lede::Entity* find(const People& p, std::string_view name) {
  for (const auto& e : p.persons)
    if (e.name == name) return &e;
  return nullptr;
}

TEST(People, TitlesStayApartFromNames) {
  const std::string text =
      "NATO Secretary-General Jens Stoltenberg met President Joe Biden. British Prime Minister "
      "Rishi Sunak backed U.K. Defense Minister Ben Wallace.";
  People p = find_people(segment(text));
  ASSERT_NE(find(p, "Jens Stoltenberg"), nullptr);
  EXPECT_EQ(find(p, "Jens Stoltenberg")->titles,
            std::vector<std::string>{"NATO Secretary-General"});
  EXPECT_EQ(find(p, "Joe Biden")->titles, std::vector<std::string>{"President"});
  EXPECT_EQ(find(p, "Rishi Sunak")->titles, std::vector<std::string>{"British Prime Minister"});
  EXPECT_EQ(find(p, "Ben Wallace")->titles, std::vector<std::string>{"U.K. Defense Minister"});
}

TEST(People, BareSurnameGoesToThePersonFirstNamedButAnotherGivenNameIsAnotherPerson) {
  const std::string text =
      "President Joe Biden spoke. Biden said it was late. First lady Jill Biden said he slept.";
  People p = find_people(segment(text));
  const lede::Entity* joe = find(p, "Joe Biden");
  const lede::Entity* jill = find(p, "Jill Biden");
  ASSERT_NE(joe, nullptr);
  ASSERT_NE(jill, nullptr);
  EXPECT_EQ(joe->mentions.size(), 2u);
  EXPECT_EQ(jill->mentions.size(), 1u);
  EXPECT_EQ(jill->titles, std::vector<std::string>{"First lady"});
}

TEST(People, OrganisationsAndPlacesAreNotPeople) {
  const std::string text =
      "The White House meeting in New York City was held by Boeing Commercial Airplanes. "
      "Apple Computer said sales rose.";
  People p = find_people(segment(text));
  EXPECT_TRUE(p.persons.empty());
}

TEST(People, AppositiveTitleOrSpeechVerbMakesAPerson) {
  const std::string text =
      "Jusman Syafii Djamal, minister of transport, spoke. Later Djamal left. Ron Sugar said no.";
  People p = find_people(segment(text));
  ASSERT_NE(find(p, "Jusman Syafii Djamal"), nullptr);
  EXPECT_EQ(find(p, "Jusman Syafii Djamal")->mentions.size(), 2u);
  EXPECT_NE(find(p, "Ron Sugar"), nullptr);
}

TEST(People, MentionOffsetsLeaveOutPossessives) {
  const std::string text = "Chancellor Olaf Scholz spoke. Scholz’s party lost.";
  People p = find_people(segment(text));
  const lede::Entity* e = find(p, "Olaf Scholz");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->mentions.size(), 2u);
  auto [b, end] = e->mentions[1];
  EXPECT_EQ(text.substr(b, end - b), "Scholz");
}

TEST(People, ANameAfterASpeechVerbAndAnOwnerIsAPerson) {
  const std::string text =
      "Turnout will fall in the cities, noted Harbor Weekly's Orla Vistrup. She has covered "
      "three elections.";
  People p = find_people(segment(text));
  EXPECT_NE(find(p, "Orla Vistrup"), nullptr);
}

TEST(People, ANameOpeningASentenceWhoseVerbAfterTheAppositionIsSpeechIsAPerson) {
  const std::string text =
      "Tobin Marsh, of Springfield, Va., said he had served in the Navy. Marsh is 70.";
  People p = find_people(segment(text));
  ASSERT_NE(find(p, "Tobin Marsh"), nullptr);
  EXPECT_EQ(p.mentions.size(), 2u);
}

TEST(People, ALongerNamesLastWordsAndASpeakingSurnameAreThatPerson) {
  const std::string text =
      "Aung Suu Mya visited on Wednesday. Suu Mya met the press. Later, Mya explained "
      "the plan.";
  People p = find_people(segment(text));
  ASSERT_NE(find(p, "Aung Suu Mya"), nullptr);
  EXPECT_EQ(p.persons.size(), 1u);
  EXPECT_EQ(p.mentions.size(), 3u);
}

TEST(People, GenderIsReadFromThePronounsAfterTheName) {
  const std::string text =
      "Kwabena Asante, of Accra, said he would run. Asante said his plan was ready.";
  People p = find_people(segment(text));
  ASSERT_EQ(p.persons.size(), 1u);
  EXPECT_EQ(p.genders[0], Gender::kMale);
}

TEST(People, ATitledSurnameDoesNotJoinAPersonOfTheOtherGender) {
  const std::string text = "First lady Carla Denning spoke first. Mr. Denning followed her.";
  People p = find_people(segment(text));
  ASSERT_NE(find(p, "Carla Denning"), nullptr);
  ASSERT_NE(find(p, "Denning"), nullptr);
  EXPECT_EQ(find(p, "Carla Denning")->mentions.size(), 1u);
}

TEST(People, AMonthAfterAGivenNameIsASurname) {
  const std::string text = "Prime Minister Theresa May said the talks would resume in June.";
  People p = find_people(segment(text));
  EXPECT_NE(find(p, "Theresa May"), nullptr);
}

}  // namespace
}  // namespace lede::analysis
