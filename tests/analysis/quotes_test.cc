#include "analysis/quotes.h"

#include <gtest/gtest.h>

namespace lede::analysis {
namespace {

struct Found {
  std::string text;  // kept alive for the Document's views
  std::vector<lede::Quote> quotes;
};

Found quotes_of(std::string text) {
  Found f;
  f.text = std::move(text);
  Document doc = segment(f.text);
  People people = find_people(doc);
  f.quotes = find_quotes(doc, people);
  return f;
}

const lede::Quote* starting(const Found& f, std::string_view prefix) {
  for (const auto& q : f.quotes)
    if (std::string_view(q.text).starts_with(prefix)) return &q;
  return nullptr;
}

TEST(Quotes, AnInterruptedQuoteIsOneRecordWithTwoParts) {
  auto f = quotes_of(
      "Senator Maria Lopez spoke on Monday. “We will win,” Lopez said. “And we will win big.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  const lede::Quote& q = f.quotes[0];
  EXPECT_EQ(q.kind, "direct");
  EXPECT_EQ(q.speaker, "Maria Lopez");
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(f.text.substr(q.parts[0].first, q.parts[0].second - q.parts[0].first), "We will win,");
  EXPECT_EQ(f.text.substr(q.parts[1].first, q.parts[1].second - q.parts[1].first),
            "And we will win big.");
  EXPECT_EQ(q.text, "We will win, And we will win big.");
  EXPECT_EQ(q.start, q.parts[0].first);
  EXPECT_EQ(q.end, q.parts[1].second);
}

TEST(Quotes, ASecondSpeechVerbMakesASecondAttribution) {
  auto f = quotes_of(
      "Senator Maria Lopez spoke on Monday. “We will win,” Lopez said. She added, “And we will "
      "win big.”");
  EXPECT_EQ(f.quotes.size(), 2u);
  for (const auto& q : f.quotes) EXPECT_TRUE(q.parts.empty());
}

TEST(Quotes, DoubledApostrophesAreQuotationMarks) {
  auto f = quotes_of("''There is a lot of new complexity,'' Mr. Burman said.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].text, "There is a lot of new complexity,");
  EXPECT_EQ(f.quotes[0].kind, "direct");
}

TEST(Quotes, ADashAndANameSignTheQuote) {
  auto f = quotes_of("“Maybe we can build a wall around the problem.” \u2015 Steve Quinlan.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Steve Quinlan");
  EXPECT_EQ(f.quotes[0].cue, "\u2015");
}

TEST(Quotes, AttributionAfterTheQuote) {
  auto f = quotes_of("“We are making progress,” NATO Secretary-General Jens Stoltenberg said.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].text, "We are making progress,");
  EXPECT_EQ(f.quotes[0].kind, "direct");
  EXPECT_EQ(f.quotes[0].speaker, "Jens Stoltenberg");
  EXPECT_EQ(f.quotes[0].cue, "said");
  ASSERT_TRUE(f.quotes[0].speaker_mention.has_value());
  auto [b, e] = *f.quotes[0].speaker_mention;
  EXPECT_EQ(f.text.substr(b, e - b), "Jens Stoltenberg");
  EXPECT_EQ(f.text.substr(f.quotes[0].start, f.quotes[0].end - f.quotes[0].start),
            f.quotes[0].text);
}

TEST(Quotes, VerbBeforeSpeakerAndPronounsGoToTheLastSpeaker) {
  auto f = quotes_of(
      "Prime Minister Mette Frederiksen met the king. \"It was a good talk,\" said Frederiksen, "
      "who leads the government.\n\nShe added, \"We agree on most things.\"");
  const lede::Quote* q1 = starting(f, "It was a good talk");
  const lede::Quote* q2 = starting(f, "We agree");
  ASSERT_NE(q1, nullptr);
  ASSERT_NE(q2, nullptr);
  EXPECT_EQ(q1->speaker, "Mette Frederiksen");
  EXPECT_EQ(q2->speaker, "Mette Frederiksen");
  EXPECT_EQ(q2->cue, "added");
}

TEST(Quotes, GuillemetsLowNinesAndSingleQuotes) {
  auto f = quotes_of(
      "« Nous avons gagné », said coach Pierre Martin.\n\n"
      "„Das ist gut“, said Mayor Anna Keller.\n\n"
      "‘We will stay,’ said Tom Reyes.");
  ASSERT_EQ(f.quotes.size(), 3u);
  EXPECT_EQ(f.quotes[0].text, "Nous avons gagné");
  EXPECT_EQ(f.quotes[0].speaker, "Pierre Martin");
  EXPECT_EQ(f.quotes[1].text, "Das ist gut");
  EXPECT_EQ(f.quotes[1].speaker, "Anna Keller");
  EXPECT_EQ(f.quotes[2].text, "We will stay,");
  EXPECT_EQ(f.quotes[2].speaker, "Tom Reyes");
}

TEST(Quotes, StraightMarksInsideCurlyOnesAreAQuoteWithinTheQuote) {
  auto f = quotes_of(
      "“The sign said \"closed for repairs\" all week, and nobody came,” said Nora Blake.\n\n"
      "“We waited for the ferry until noon,\" said Ivan Petrov.");
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_EQ(f.quotes[0].text, "The sign said \"closed for repairs\" all week, and nobody came,");
  EXPECT_EQ(f.quotes[0].speaker, "Nora Blake");
  // A straight mark that opens nothing still closes a curly quote.
  EXPECT_EQ(f.quotes[1].text, "We waited for the ferry until noon,");
  EXPECT_EQ(f.quotes[1].speaker, "Ivan Petrov");
}

TEST(Quotes, AQuoteWithoutClosingMarkContinuesInTheNextParagraph) {
  auto f = quotes_of(
      "Mayor Ruth Okafor said: “Parents told me it is the only quiet room.\n\n"
      "“Older residents told me it is where they see their friends.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_TRUE(f.quotes[0].text.starts_with("Parents told me"));
  EXPECT_TRUE(f.quotes[0].text.ends_with("see their friends."));
  EXPECT_EQ(f.quotes[0].speaker, "Ruth Okafor");
}

TEST(Quotes, PartialAndIndirectQuotes) {
  auto f = quotes_of(
      "Biden said NATO has grown more unified and “we’re going to build on that momentum” when "
      "the alliance meets.");
  // The words quoted inside the reported clause are part of its one record.
  ASSERT_EQ(f.quotes.size(), 1u);
  const lede::Quote* indirect = starting(f, "NATO has grown");
  ASSERT_NE(indirect, nullptr);
  EXPECT_EQ(indirect->kind, "indirect");
  EXPECT_EQ(indirect->cue, "said");
  EXPECT_EQ(indirect->speaker, "Biden");
  EXPECT_NE(indirect->text.find("“we’re going to build on that momentum”"), std::string::npos);

  // Quoted words in the writer's own sentence stay a partial quote.
  auto g = quotes_of("Biden, who said he slept well, called the plan “a big step forward for us”.");
  const lede::Quote* partial = starting(g, "a big step");
  ASSERT_NE(partial, nullptr);
  EXPECT_EQ(partial->kind, "partial");
}

TEST(Quotes, ToldThatAndAccordingTo) {
  auto f = quotes_of(
      "Jens Stoltenberg told President Joe Biden at a meeting on Tuesday that Ukrainians are "
      "advancing. According to the port authority, traffic has fallen by 12 percent.");
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_EQ(f.quotes[0].text, "Ukrainians are advancing");
  EXPECT_EQ(f.quotes[0].speaker, "Jens Stoltenberg");
  EXPECT_EQ(f.quotes[1].text, "traffic has fallen by 12 percent");
  EXPECT_EQ(f.quotes[1].speaker, "the port authority");
  EXPECT_EQ(f.quotes[1].cue, "according to");
}

TEST(Quotes, ScareQuotesAndNamesInMarksAreNotQuotes) {
  auto f = quotes_of("The so-called “death grip” hit the “Snow Leopard” release of the app.");
  EXPECT_TRUE(f.quotes.empty());
}

TEST(Quotes, TheCompanyIsTheOrganisationNamedBefore) {
  auto f = quotes_of(
      "General Motors said sales fell sharply in May. The company said that it would cut jobs.");
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_EQ(f.quotes[1].speaker, "General Motors");
}

TEST(Quotes, APersonsCampaignSpeaksAsItself) {
  auto f = quotes_of(
      "Governor Dana Whitfield visited the plant. Whitfield's campaign said that the visit was "
      "planned months ago. Whitfield's spokesman Carl Brandt said that no donors came along.");
  const lede::Quote* campaign = starting(f, "the visit");
  ASSERT_NE(campaign, nullptr);
  EXPECT_EQ(campaign->speaker, "Whitfield's campaign");
  const lede::Quote* spokesman = starting(f, "no donors");
  ASSERT_NE(spokesman, nullptr);
  EXPECT_EQ(spokesman->speaker, "Carl Brandt");
}

TEST(Quotes, AQuoteWithNoAttributionOfItsOwnContinuesTheLastOne) {
  auto f = quotes_of(
      "“The harbour will reopen by spring,” said Ines Carvalho, the port authority's director, "
      "who has run the port since the storm of 2019 and spoke at a meeting on Tuesday. “We owe "
      "the fishermen that much.”\n\n“Nobody should doubt it.”\n\nThe council meets again in May.");
  ASSERT_EQ(f.quotes.size(), 1u);
  const lede::Quote& q = f.quotes[0];
  EXPECT_EQ(q.speaker, "Ines Carvalho");
  ASSERT_EQ(q.parts.size(), 3u);
  EXPECT_EQ(f.text.substr(q.parts[2].first, q.parts[2].second - q.parts[2].first),
            "Nobody should doubt it.");
}

TEST(Quotes, WordsQuotedTwiceInOneReportAreOneRecord) {
  auto f = quotes_of(
      "Mayor Tom Reddick spoke after the vote. Reddick called the budget “a disgrace” and "
      "“an insult to every taxpayer.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].parts.size(), 2u);
  EXPECT_EQ(f.quotes[0].speaker, "Tom Reddick");
}

TEST(Quotes, QuotedWordsWithTheirAttributionLeadTheNextQuote) {
  auto f = quotes_of(
      "Nurses are “tired of waiting for a contract,” union leader Ruth Okafor said. “We have "
      "waited two years.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Ruth Okafor");
  EXPECT_EQ(f.quotes[0].parts.size(), 2u);
}

TEST(Quotes, AnAttributionAfterAQuestionMarkIsTheQuotes) {
  auto f = quotes_of(
      "“Who will pay for the bridge?” asked Priya Raman, a civil engineer who has studied the "
      "project for the state since the flood of 2011. “Nobody has said.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Priya Raman");
  EXPECT_EQ(f.quotes[0].parts.size(), 2u);
}

TEST(Quotes, AnUnnamedSpeakersQuoteStillLeadsTheNext) {
  auto f = quotes_of(
      "“This hearing is over,” the judge exclaimed after an hour of shouting. “Clear the "
      "room.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].cue, "exclaimed");
  EXPECT_EQ(f.quotes[0].parts.size(), 2u);
}

TEST(Quotes, AReportedClauseTakesInTheQuoteThatEndsIt) {
  auto f = quotes_of(
      "Councillor Amir Haddad said the new tram line would help commuters, “if it ever gets "
      "built.” Haddad said the tram was late and added, “We need it now.”");
  const lede::Quote* first = starting(f, "the new tram");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->kind, "indirect");
  EXPECT_NE(first->text.find("“if it ever gets built.”"), std::string::npos);
  EXPECT_EQ(starting(f, "if it ever"), nullptr);
  // A quote with its own cue stays a quote of its own.
  const lede::Quote* second = starting(f, "We need it now.");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->kind, "direct");
}

TEST(Quotes, ASubjectBeforeItsAppositionSpeaks) {
  auto f = quotes_of(
      "A county health official, who asked not to be named because the report is not public, "
      "said the clinic would close in March.");
  const lede::Quote* q = starting(f, "the clinic");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "indirect");
  EXPECT_EQ(q->speaker, "A county health official");
}

TEST(Quotes, ASpeakerAfterTheClauseMayHaveALongApposition) {
  auto f = quotes_of(
      "The bridge will cost twice the estimate, said Marta Kowalczyk, an engineer who has "
      "inspected every bridge in the county for the state transport agency since 2009.");
  const lede::Quote* q = starting(f, "The bridge");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "indirect");
  EXPECT_EQ(q->speaker, "Marta Kowalczyk");
}

TEST(Quotes, WordsWithAFiniteVerbAfterSaidAreItsClauseNotItsSubject) {
  auto f = quotes_of("The mayor, speaking after the vote, said the library would reopen in June.");
  const lede::Quote* q = starting(f, "the library");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "The mayor");
}

TEST(Quotes, AdverbsBetweenSubjectAndVerbAreNotTheSpeaker) {
  auto f = quotes_of("Local farmers have long privately said that the dam hurts the river.");
  const lede::Quote* q = starting(f, "the dam");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Local farmers");
}

TEST(Quotes, TimePhrasesAndAdverbsAfterTheSubjectAreNotTheSpeaker) {
  auto f = quotes_of(
      "Governor Ana Ruiz on Tuesday said that the dam would be rebuilt. The water board now "
      "says the river will stay closed until spring. “We are not going anywhere,” the union "
      "on Thursday evening said. Ruiz defiantly said the work would go on.");
  const lede::Quote* q = starting(f, "the dam");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Ana Ruiz");
  q = starting(f, "the river");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "The water board");
  q = starting(f, "We are not");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "the union");
  q = starting(f, "the work");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Ana Ruiz");
}

TEST(Quotes, ANamedSpeakerAfterTheQuoteMayHaveALongApposition) {
  auto f = quotes_of(
      "“Both Tom Bell and Mayor Lee Park scare me,” Ana Ruiz, 30, of Dayton, Ohio, who "
      "was among those polled, said in a follow-up interview.");
  const lede::Quote* q = starting(f, "Both Tom");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Ana Ruiz");
  EXPECT_EQ(q->cue, "said");
}

TEST(Quotes, ALongPhraseAfterTheVerbIsTheSpeakerAsWritten) {
  auto f = quotes_of(
      "Turnout will fall in the spring, according to the average of recent polls compiled by "
      "the state election board.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker,
            "the average of recent polls compiled by the state election board");
}

TEST(Quotes, ANameAndAColonOpeningTheParagraphSpeak) {
  auto f = quotes_of(
      "Mayor Ana Ruiz: Bridge Toll ‘Will Not Rise Before the Vote, Whatever the Council "
      "Says.’\n\nThe council met on Monday.");
  const lede::Quote* q = starting(f, "Will Not");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Ana Ruiz");
}

TEST(Quotes, HerBeforeANounIsAPhraseNotAPronoun) {
  auto f = quotes_of("Her advisers said “the toll will not rise before the vote in May.”");
  ASSERT_FALSE(f.quotes.empty());
  EXPECT_EQ(f.quotes[0].speaker, "Her advisers");
}

TEST(Quotes, ASpeakerPhraseEndsBeforeItsOwnVerb) {
  auto f = quotes_of(
      "Democratic leaders are putting out a warning that “the toll will rise again before "
      "the vote in May.”\n\nThe mayor went on to say, “We will not give up the bridge to "
      "anyone.”");
  const lede::Quote* q = starting(f, "the toll");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Democratic leaders");
  q = starting(f, "We will not");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "The mayor");
}

TEST(Quotes, AQuoteAfterAReportInItsParagraphIsThatReportsNextPart) {
  auto f = quotes_of(
      "The plan is too timid, the Gazette's editorial board writes. “It leaves the poorest "
      "families waiting another decade.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  const lede::Quote& q = f.quotes[0];
  EXPECT_EQ(q.kind, "indirect");
  EXPECT_EQ(q.speaker, "the Gazette's editorial board");
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(f.text.substr(q.parts[1].first, q.parts[1].second - q.parts[1].first),
            "It leaves the poorest families waiting another decade.");
}

TEST(Quotes, ASpeechVerbClosingTheSentenceHasItsSubjectRightBeforeIt) {
  auto f = quotes_of(
      "Governor Ana Ruiz, 58, toured the flooded valley with rescue crews, the local paper "
      "reported.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "the local paper");
  EXPECT_TRUE(f.quotes[0].text.starts_with("Governor Ana Ruiz, 58, toured"));
}

TEST(Quotes, AReportedQuestionIsIndirectSpeech) {
  auto f = quotes_of("The moderator asked the candidates whether they would accept the result.");
  const lede::Quote* q = starting(f, "whether they");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "indirect");
  EXPECT_EQ(q->speaker, "The moderator");
  EXPECT_EQ(q->cue, "asked");
}

TEST(Quotes, AnAppealIsReportedSpeech) {
  auto f = quotes_of("Senator Leah Montrose called for an independent inquiry into the fire.");
  const lede::Quote* q = starting(f, "an independent inquiry");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "indirect");
  EXPECT_EQ(q->speaker, "Leah Montrose");
}

TEST(Quotes, ANameThatModifiesTheSubjectIsNotTheSpeaker) {
  auto f = quotes_of(
      "Governor Dana Whitfield left early. Some Whitfield allies said that the race was over. "
      "Whitfield herself said that she would run again.");
  const lede::Quote* allies = starting(f, "the race");
  ASSERT_NE(allies, nullptr);
  EXPECT_EQ(allies->speaker, "Some Whitfield allies");
  const lede::Quote* herself = starting(f, "she would");
  ASSERT_NE(herself, nullptr);
  EXPECT_EQ(herself->speaker, "Dana Whitfield");
}

TEST(Quotes, AQuoteAfterAParagraphEndingInAColonIsThatSentencesSpeakers) {
  auto f = quotes_of(
      "Mayor Ines Albrecht put it this way at the meeting:\n\n“The town cannot wait another "
      "year for the bridge.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Ines Albrecht");
}

TEST(Quotes, APronounRefersBackThroughEarlierPronounsNotToNamesInsideQuotes) {
  // "he" two sentences after the name: the chain goes through "he said", not to
  // Joe Biden, who is only named in passing; nor to Tom Reyes, named inside a quote.
  auto f = quotes_of(
      "Former party chairman Dale Wexford spoke on Monday. Though the last change was smooth, he "
      "said, this one could lead to lobbying by loyalists to Joe Biden.\n\n"
      "“This is a different time,” he said.\n\n"
      "Wexford said the rules would hold. “I thought Tom Reyes was right. And I still do,” he "
      "said.");
  const lede::Quote* q = starting(f, "This is a different time");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Dale Wexford");
  q = starting(f, "I thought Tom Reyes");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Dale Wexford");
}

TEST(Quotes, TheLastSpeakerOutranksANameThatOnlyOwnsSomething) {
  auto f = quotes_of(
      "“The campaign is in panic mode,” said Lena Okafor, a state party official.\n\n"
      "Okafor believes the Alma Ruiz campaign took her vote for granted.\n\n"
      "“It is not enough,” she said.");
  const lede::Quote* q = starting(f, "It is not enough");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Lena Okafor");
}

TEST(Quotes, QuotedWordsAfterAnInterruptingAttributionAreItsNextPart) {
  auto f = quotes_of(
      "Mayor Ruth Calder spoke on Friday. “You know, I like the plan,” she said, but “when it "
      "comes to money, it has a long way to go.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Ruth Calder");
  EXPECT_EQ(f.quotes[0].parts.size(), 2u);
}

TEST(Quotes, TheSenatorIsThePersonGivenThatTitle) {
  auto f = quotes_of(
      "Sen. Marta Lindqvist of Vermont spoke to voters on Friday. The senator said the bill would "
      "pass before the recess.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Marta Lindqvist");
}

TEST(Quotes, AQuoteNothingAttributesIsThePersonsWhoOpensTheSentenceBefore) {
  auto f = quotes_of(
      "Mayor Rita Oduya is upbeat about the vote.\n\n"
      "“Not only can we win, we can win by a lot.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Rita Oduya");
}

TEST(Quotes, AQuotedTranscriptTurnIsItsCapitalisedSpeakers) {
  auto f = quotes_of(
      "Paul Brennan hosted the debate.\n\n"
      "\"BRENNAN: Let's start with the budget. Is it balanced?\"");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Paul Brennan");
}

TEST(Quotes, AParticipleAfterSaidIsThatSpeakersAndPluralNounsAreNoCues) {
  auto f = quotes_of(
      "Omar Haddad left early, Ilse Brandt said, adding, “He was not very talkative.”\n\n"
      "Twenty states led by Ohio are challenging the rule.");
  const lede::Quote* q = starting(f, "He was not");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Ilse Brandt");
  EXPECT_EQ(starting(f, "led by Ohio"), nullptr);
}

TEST(Quotes, AnOwnersTitleAfterTheVerbLeadsToTheNameItGives) {
  auto f =
      quotes_of("The plan will fail, according to the governor's former budget chief Ana Ruiz.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Ana Ruiz");
}

TEST(Quotes, ANamedSentenceAfterAQuotedQuestionIsItsAttribution) {
  auto f = quotes_of(
      "Governor Leo Vance took questions on Monday.\n\n"
      "“You think I am going to change?” Vance asked reporters during a long news conference "
      "at the state capitol late last month. “I am not changing.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Leo Vance");
  EXPECT_EQ(f.quotes[0].parts.size(), 2u);
}

TEST(Quotes, AGroupOpeningTheReportIsTheSpeakerNotANameBeforeIt) {
  auto f = quotes_of(
      "Although Dana Reyes lacks a record in office, officials from both parties say she has "
      "worked hard for the district.\n\n"
      "In Mr. Ortiz's favor, all the analysts I spoke with said his budget was more careful.");
  const lede::Quote* q = starting(f, "she has worked");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "officials from both parties");
  q = starting(f, "his budget");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "all the analysts I spoke with");
}

TEST(Quotes, AParticiplesSpeakerIsTheSubjectNotANameAfterItsVerb) {
  auto f = quotes_of(
      "A federal judge has rejected a request to unseal the records of Dana Reyes's lawsuit, "
      "saying the public has no claim to them.");
  const lede::Quote* q = starting(f, "the public has");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "A federal judge");
  // After a passive verb, the name after "by" is the one who speaks.
  auto g = quotes_of(
      "A different view is offered by Dana Reyes, a historian at the state university, who "
      "added, \u201cGreat firms rarely stay great.\u201d");
  q = starting(g, "Great firms");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Dana Reyes");
}

TEST(Quotes, ASharePolledReportsThePollInItsSentence) {
  auto f = quotes_of(
      "A Marist College poll released on Monday found that 61 percent of likely voters said the "
      "governor should resign.\n\n"
      "The survey was taken last week. Six in 10 Republicans said they had not heard of the bill.");
  const lede::Quote* q = starting(f, "the governor should");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "A Marist College poll");
  q = starting(f, "they had not heard");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Six in 10 Republicans");
}

TEST(Quotes, TheyAfterAGroupSpokeIsThatGroup) {
  auto f = quotes_of(
      "Boeing opened a new office in May.\n\n"
      "The rule is unclear, according to housing experts. They said it could leave out renters.");
  const lede::Quote* q = starting(f, "it could leave");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "housing experts");
}

TEST(Quotes, AParticiplesSpeakerIsTheGroupTheOpeningNameModifies) {
  auto f = quotes_of(
      "Senator Ana Ortiz won the primary in May.\n\n"
      "The Ortiz campaign responded Friday, saying industry lobbyists had paid for the ads.\n\n"
      "The Ortiz campaign manager Dana Reyes spoke Friday, saying the ads were false.");
  const lede::Quote* q = starting(f, "industry lobbyists");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "The Ortiz campaign");
  // A title after the group noun makes it a person's title, not the group.
  q = starting(f, "the ads were");
  ASSERT_NE(q, nullptr);
  EXPECT_NE(q->speaker, "The Ortiz campaign");
}

TEST(Quotes, ASecondReportAfterACommaAndAConjunctionHasItsOwnSpeaker) {
  auto f = quotes_of(
      "Dana Reyes stressed that the reforms were not complete, and human rights groups warned "
      "that the council was giving up leverage over the army.");
  const lede::Quote* q = starting(f, "the reforms");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Dana Reyes");
  EXPECT_EQ(q->text, "the reforms were not complete");
  q = starting(f, "the council");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "human rights groups");
}

}  // namespace
}  // namespace lede::analysis
