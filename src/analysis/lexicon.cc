#include "analysis/lexicon.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace lede::analysis {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Splits a space-separated list literal into a set of views into it.
WordSet make_set(std::string_view list) {
  WordSet out;
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && list[i] == ' ') ++i;
    size_t j = i;
    while (j < list.size() && list[j] != ' ') ++j;
    if (j > i) out.insert(list.substr(i, j - i));
    i = j;
  }
  return out;
}

constexpr std::string_view kSpeechVerbs =
    "said say says told tell tells added adds stated states announced announces claimed claims "
    "argued argues warned warns explained explains noted notes insisted insists denied denies "
    "confirmed confirms predicted predicts suggested suggests acknowledged acknowledges "
    "admitted admits asked asks replied replies wrote writes commented comments declared "
    "declares stressed stresses emphasized emphasizes emphasised emphasises urged urges "
    "estimated estimates revealed reveals responded responds remarked recalled recalls "
    "conceded concedes contended contends observed promised promises vowed vows assured "
    "assures cautioned cautions complained complains countered counters disclosed discloses "
    "joked mentioned objected proclaimed pledged pledges speculated testified tweeted "
    "asserted asserts alleged alleges reiterated reiterates insist explain warn claim argue "
    "announce confirm deny admit predict suggest believes believed thinks expects expected "
    "hopes maintains maintained wrote reported reports quipped concluded concludes "
    "continued continues saying adding stating telling noting calling called described "
    "describing explaining warning arguing insisting claiming commenting declaring "
    "announcing acknowledging admitting urging asking replying writing enthused quoted "
    // Said aloud or in writing, mostly after a quote: "“…,” Toomey fumed."
    "shouted chanted exclaimed yelled barked scoffed fumed mused answered interjected "
    "surmised elaborated confessed wondered recommended posted charged reads read boasted "
    "bragged retorted lamented recounted griped marveled marvelled gushed snapped quipped";

constexpr std::string_view kPresentSpeechVerbs =
    "say says tell tells adds states announces claims argues warns explains notes insists "
    "denies confirms predicts suggests acknowledges admits asks replies writes comments "
    "declares stresses emphasizes emphasises urges estimates reveals responds recalls concedes "
    "contends promises vows assures cautions complains counters discloses pledges asserts "
    "alleges reiterates insist explain warn claim argue announce confirm deny admit predict "
    "suggest believes thinks expects hopes maintains reports concludes continues";

constexpr std::string_view kTitleHeads =
    "president vice-president president-elect minister secretary secretary-general chancellor "
    "senator sen. representative rep. congressman congresswoman governor gov. mayor king queen "
    "prince princess pope cardinal bishop archbishop rabbi imam judge justice general gen. "
    "colonel col. lieutenant lt. captain capt. major maj. sergeant sgt. admiral adm. "
    "commander chief ceo cfo coo cto chairman chairwoman chairperson director spokesman "
    "spokeswoman spokesperson analyst economist strategist professor prof. dr. mr. mrs. ms. "
    "mr mrs ms dr miss sir dame lord lady ambassador envoy commissioner officer executive "
    "premier leader founder co-founder cofounder head boss manager attorney lawyer coach "
    "speaker editor correspondent author candidate nominee dean treasurer superintendent "
    "sheriff detective inspector prosecutor counsel adviser advisor aide consultant "
    "researcher scientist investor banker trader owner partner chairman-elect emir sheikh "
    "ayatollah senator-elect secretary-of-state taoiseach mp deputy undersecretary "
    "under-secretary";

constexpr std::string_view kTitleModifiers =
    "first former deputy vice acting chief senior executive general prime foreign defense "
    "defence finance interior state assistant associate managing operating financial "
    "technology press white house attorney supreme court district federal national "
    "minority majority opposition party foreign-policy security top economic trade "
    "transport transportation health education energy labor labour justice treasury "
    "commerce agriculture industry information then late new outgoing incoming current "
    "interim";

constexpr std::string_view kHonorifics = "mr. mrs. ms. dr. mr mrs ms dr miss sir dame";

constexpr std::string_view kMaleNames =
    "aaron abdul abdullah adam adrian ahmed alan albert alberto alex alexander alexei alexis "
    "ali alistair allen andre andrea andreas andrew andrei andres angelo anthony antonio "
    "arnold arthur ashraf barack barry ben benjamin benny bernard bernie bill billy bob bobby "
    "boris brad bradley brandon brian bruce bryan carl carlo carlos cesar charles charlie "
    "chris christian christoph christopher chuck clark claude colin craig cristiano dale "
    "dan daniel danny darren dave david dean dennis derek dick dieter dmitry dominic don "
    "donald doug douglas duncan dwight ed eddie edgar eduardo edward emmanuel enrique eric "
    "erik ernest evan fabio felipe fernando florian francesco francis francisco frank frans "
    "fred frederick fritz gabriel gary gavin geoff geoffrey george georg gerald gerhard "
    "giorgio giovanni giuseppe glenn gordon graham greg gregory guido guillaume gustavo hamid "
    "hans harold harry hassan heinz helmut henri henry herbert horst howard hugh hugo ian "
    "igor isaac ivan jack jacob jacques jaime jake james jamie jan jason javier jay jean "
    "jeff jeffrey jens jeremy jerome jerry jesse jim jimmy joachim joe joel johan johann "
    "john johnny jon jonathan jorge jose josef joseph josh joshua juan julian jurgen justin "
    "karl keith ken kenneth kevin khalid kim klaus kurt lars larry lawrence lee leo leon "
    "leonard lewis lloyd louis luc luca lucas luigi luis luke malcolm manuel marc marcel "
    "marco marcus mario mark martin matt matteo matthew matthias max michael michel miguel "
    "mike mikhail mitch mitt mohamed mohammad mohammed muhammad nathan neil nicholas nick "
    "nicolas nigel noel norman olaf oliver omar oscar otto pablo patrick paul pedro peter "
    "phil philip philippe pierre rafael ralph ramon randy ray raymond reza ricardo richard "
    "rick rishi rob robert roberto rod rodrigo roger roland ron ronald ross roy rudolf rupert "
    "russell ryan sam samuel scott sean sebastian sergei sergey sergio seth simon stan "
    "stanley stefan stephen steve steven stuart sven ted terry thomas tim timothy todd tom "
    "tommy tony travis uwe victor vincent viktor vladimir volodymyr walter warren wayne "
    "werner william wolfgang xavier yuri yves zach marvin dermot rainer constantin julien "
    "erich kenneth ralph mitsuo shinzo hiroshi takashi kenji wei jian ming hyun jae raj "
    "rahul amit sanjay vijay mahmoud recep emmanuel seamus declan fergus "
    "rory liam finn callum hamish angus ewan gareth rhys dylan owen ivor";

constexpr std::string_view kFemaleNames =
    "agnes alice alison amanda amy ana andrea angela angelina ann anna anne annette barbara "
    "betty beth brenda carla carmen carol caroline catherine cecilia charlotte christina "
    "christine claire claudia cynthia dana daniela deborah debbie denise diana diane dianne "
    "donna dorothy elena elisabeth elizabeth ellen emily emma erin eva evelyn fiona frances "
    "gabriela gillian gina grace hannah heather heidi helen helena hillary ingrid irene "
    "isabel jacqueline jane janet janice jennifer jessica jill joan joanna josephine joyce "
    "judith judy julia julie karen kate katherine kathleen kathryn kathy kelly kim kristen "
    "laura lauren linda lisa liz lucy lynn margaret maria marie marine marion martha mary "
    "megan melania melissa mette michelle monica nancy natalie nicola nicole nina olga "
    "pamela patricia paula pauline penny rachel rebecca rita rose ruth sally samantha sandra "
    "sara sarah sharon sheila silvia sonia sophie stephanie susan suzanne sylvia tanya "
    "teresa theresa tina ursula valerie vanessa victoria virginia wendy yulia darleen sandy "
    "jennifer betty kamala nikki ilhan alexandria ruth sigrid mette sanna jacinda";

constexpr std::string_view kNameStopWords =
    "the a an in on at but and or nor he she it they we i you his her hers its their our "
    "your my this that these those there here however meanwhile after before when while if "
    "as for according last earlier later since what why how who whom whose which also both "
    "some many most more other another each every all no not now then so still yet with "
    "without from by of to under over during despite although though because once unlike "
    "like even only just until among amid against following including asked speaking "
    "sources analysts officials today yesterday tomorrow tonight monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august "
    "september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. "
    "oct. nov. dec. mr mrs ms dr mr. mrs. ms. dr. is are was were be been will would can "
    "could should must might shall do does did has have had about above across into onto "
    "toward towards upon within via per than such any few several either neither whether "
    "where do don't it's he's she's that's there's we're they're i'm let let's please "
    "thanks yes oh well north south east west northern southern eastern western central "
    "new old first second third next previous chief executive president minister";

constexpr std::string_view kOrganisationWords =
    "inc inc. corp corp. co co. company companies corporation group holdings airlines "
    "airline airways air bank banks motors motor council assembly ministry department university "
    "college school association agency party force forces army navy house office street "
    "exchange index average news times post journal committee commission union fund "
    "reserve court senate congress parliament city county state states republic kingdom "
    "united international national federal foundation institute centre center hospital "
    "club league systems technologies technology industries partners capital securities "
    "financial research services network media communications energy oil airport station "
    "river lake mountain island islands valley bay sea ocean road avenue square hall church "
    "museum gallery theatre theater stadium park tower building hotel plaza bridge ltd ltd. "
    "plc llc ag sa gmbh nv spa s.p.a. foods pharmaceuticals insurance trust bancorp "
    "financial report reports council's board authority administration government "
    "commission's mountains province region district summit conference games cup "
    "olympics championship war revolution act treaty accord agreement index "
    "industrial dow nasdaq composite stocks markets market jones's inc's aircraft airplanes "
    "computer computers software electronics corps labs laboratories studios records "
    "entertainment pictures products brands stores motors automotive";

constexpr std::string_view kNameParticles =
    "van von de der den du da di del della la le bin al ibn";

// Quotes and speakers (quotes.cc).

constexpr std::string_view kSubjectPronouns = "he she they it we i";

// Every personal pronoun: a speaker is never one of these, nor starts with one ("he's").
constexpr std::string_view kPersonalPronouns = "he she they it we i you him her them us me";

// Between a subject and its speech verb: "has said", "also told", "later added".
constexpr std::string_view kSpeechAuxiliaries =
    "has have had also later then further previously earlier would will reportedly "
    "repeatedly publicly recently once again is was simply flatly told even often long never "
    "still already only just ever privately finally initially frequently usually generally "
    "openly quickly immediately consistently routinely subsequently would could should may "
    "might must did does";

// End a subject phrase when walking left from a verb.
constexpr std::string_view kClauseBoundaries =
    "that which who and but as because while when if after before although since so where "
    "whom what meanwhile however also";

// Stand for an organisation named before: "the company said".
constexpr std::string_view kOrganisationNouns =
    "company firm bank group automaker carmaker carrier airline manufacturer maker airframer "
    "retailer agency lender insurer corporation business giant organisation organization";

// Speak as one body: "the Sanders campaign said", "Ryan's office said".
constexpr std::string_view kGroupNouns =
    "campaign campaigns administration office team staff committee foundation camp aides "
    "allies advisers advisors supporters lawyers attorneys spokesman spokeswoman spokesperson";

// Stay lower case inside titles and names: "Back to the Mac".
constexpr std::string_view kTitleCaseMinorWords = "the a an of to and for in on at";

// Speech verbs the reported clause may follow without "that": "Biden said NATO has grown".
constexpr std::string_view kBareClauseVerbs =
    "said says say added adds claimed claims argued argues warned warns insisted insists "
    "believes believed thinks stated states predicted predicts estimated estimates admitted "
    "admits acknowledged acknowledges maintained maintains asserted reiterated conceded "
    "concedes contended contends wrote writes saying adding stating claiming arguing warning "
    "insisting";

// Speech verbs whose listener comes before the clause: "told Biden that".
constexpr std::string_view kListenerVerbs =
    "told tells tell assured assures informed informs reminded reminds warned warns promised "
    "promises convinced persuaded";

// After a speech verb, words that do not start a reported clause.
constexpr std::string_view kBareClauseBlockers =
    "in on at to by for with from about of during after before so yes no nothing anything "
    "something goodbye hello through via last this earlier later late recently today "
    "yesterday monday tuesday wednesday thursday friday saturday sunday and or but as when "
    "while if than then up out over under into be will would what how why where whether "
    "more less much publicly previously repeatedly has had have is was were are there";

// A subject phrase never starts with these (besides clause boundaries and participles).
constexpr std::string_view kSubjectNonStarters =
    "in on at to of for with from by about into during after before under over than then "
    "several also not";

// "has (been) added": forms that make a verb perfect or passive.
constexpr std::string_view kPerfectOrPassiveAuxiliaries =
    "has have had be been is was were are being";

// Speech verbs whose report is a question: "asked whether", "wondered how".
constexpr std::string_view kQuestionVerbs = "asked asks ask asking wondered wonders questioned";
// Words that open a reported question.
constexpr std::string_view kQuestionWords = "whether if how why what who when where which";

// Speech verbs that report an appeal with "for" or "on": "called for an inquiry".
constexpr std::string_view kAppealVerbs = "called calls call calling";

// Words that may stand between a subject and its verb without being part of
// the speaker: "Clinton now says", "Mr. Rubio defiantly said", "Gorka similarly".
constexpr std::string_view kSubjectAdjuncts =
    "now then today yesterday tonight also later first again still too already earlier "
    "previously recently once instead alone separately both";
// Lower-case words in -ly that are nouns or adjectives of a subject, not adverbs.
constexpr std::string_view kLyNonAdverbs =
    "ally tally family rally supply assembly anomaly monopoly daily weekly monthly quarterly "
    "yearly nightly early only elderly lily belly bully jelly";
// Nouns that end a time phrase after a subject: "on Tuesday", "last week", "at the time".
constexpr std::string_view kTimeNouns =
    "monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night "
    "week weekend month year time past";
// Verbs that lead a speech verb after the subject: "went on to say", "took
// aim at". Not "released" or "issued": "a report released by" is one phrase.
constexpr std::string_view kLeadVerbs =
    "went goes took takes continued continues began begins pushed shot "
    "struck opened emailed";
// Words that open such a time phrase.
constexpr std::string_view kTimeOpeners = "on last this at in the early late earlier later";

// Finite verbs that make the words after a speech verb its clause, not its
// subject: "…, said the clinic would close", not "…, said the clinic".
constexpr std::string_view kFiniteVerbs =
    "is are was were will would could should can may might must has have had does did";

// Speech verbs that, perfect or passive, name an act: "Intel has added DRM", "was reported".
constexpr std::string_view kActVerbs = "added reported stated noted confirmed";

// Words after which a speech verb's "-s" form is a plural noun: "five states", "the
// reports", "their claims".
constexpr std::string_view kNounDeterminers =
    "the a an his her its their our my your these those such some many all both several "
    "other no any few more most two three four five six seven eight nine ten eleven twelve "
    "twenty thirty forty fifty sixty seventy eighty ninety hundred dozen dozens "
    "hundreds thousands millions";

// Between an auxiliary and its verb: "has recently added", "has also said".
constexpr std::string_view kAuxiliaryAdverbs = "recently also just";

// Pronouns that stand for a man or a woman, and those that stand for an organisation.
constexpr std::string_view kMalePronouns = "he";
constexpr std::string_view kFemalePronouns = "she";
constexpr std::string_view kOrganisationPronouns = "it they";
// Every form of them, as they refer back to a person: "his", "him", "herself".
constexpr std::string_view kMaleReferringPronouns = "he him his himself";
constexpr std::string_view kFemaleReferringPronouns = "she her hers herself";

// Start a relative clause that ends a subject phrase: "Stoltenberg, who ...".
constexpr std::string_view kRelativePronouns = "who which";

// End a subject phrase read after its verb: "said Stoltenberg in Brussels", "said the firm,
// which".
constexpr std::string_view kPostVerbSubjectEnders = "who which in on at";

// Lower-case words inside an organisation's name: "Bank of America", "Procter and Gamble".
constexpr std::string_view kOrganisationNameJoiners = "of and";

// Titles and honorifics that tell a person's gender: "Mr.", "Queen", "Dame".
constexpr std::string_view kMaleTitles = "mr. mr sir king prince";
constexpr std::string_view kFemaleTitles = "mrs. mrs ms. ms miss lady queen dame";

// Title heads and their abbreviation in a written title: "Vermont Sen.".
constexpr std::pair<std::string_view, std::string_view> kTitleAbbreviations[] = {
    {"senator", "sen"}, {"governor", "gov"}, {"representative", "rep"}};

// The lists, in the order of List.
enum class List {
  kSpeechVerbs,
  kPresentSpeechVerbs,
  kTitleHeads,
  kTitleModifiers,
  kHonorifics,
  kNameStopWords,
  kOrganisationWords,
  kNameParticles,
  kSubjectPronouns,
  kSpeechAuxiliaries,
  kClauseBoundaries,
  kOrganisationNouns,
  kGroupNouns,
  kTitleCaseMinorWords,
  kBareClauseVerbs,
  kListenerVerbs,
  kBareClauseBlockers,
  kSubjectNonStarters,
  kPerfectOrPassiveAuxiliaries,
  kActVerbs,
  kPersonalPronouns,
  kAuxiliaryAdverbs,
  kNounDeterminers,
  kMalePronouns,
  kFemalePronouns,
  kOrganisationPronouns,
  kMaleReferringPronouns,
  kFemaleReferringPronouns,
  kRelativePronouns,
  kPostVerbSubjectEnders,
  kMaleTitles,
  kFemaleTitles,
  kOrganisationNameJoiners,
  kFiniteVerbs,
  kQuestionVerbs,
  kQuestionWords,
  kAppealVerbs,
  kSubjectAdjuncts,
  kLyNonAdverbs,
  kTimeNouns,
  kTimeOpeners,
  kLeadVerbs,
};

bool in(List list, std::string_view w) {
  static const WordSet sets[] = {make_set(kSpeechVerbs),
                                 make_set(kPresentSpeechVerbs),
                                 make_set(kTitleHeads),
                                 make_set(kTitleModifiers),
                                 make_set(kHonorifics),
                                 make_set(kNameStopWords),
                                 make_set(kOrganisationWords),
                                 make_set(kNameParticles),
                                 make_set(kSubjectPronouns),
                                 make_set(kSpeechAuxiliaries),
                                 make_set(kClauseBoundaries),
                                 make_set(kOrganisationNouns),
                                 make_set(kGroupNouns),
                                 make_set(kTitleCaseMinorWords),
                                 make_set(kBareClauseVerbs),
                                 make_set(kListenerVerbs),
                                 make_set(kBareClauseBlockers),
                                 make_set(kSubjectNonStarters),
                                 make_set(kPerfectOrPassiveAuxiliaries),
                                 make_set(kActVerbs),
                                 make_set(kPersonalPronouns),
                                 make_set(kAuxiliaryAdverbs),
                                 make_set(kNounDeterminers),
                                 make_set(kMalePronouns),
                                 make_set(kFemalePronouns),
                                 make_set(kOrganisationPronouns),
                                 make_set(kMaleReferringPronouns),
                                 make_set(kFemaleReferringPronouns),
                                 make_set(kRelativePronouns),
                                 make_set(kPostVerbSubjectEnders),
                                 make_set(kMaleTitles),
                                 make_set(kFemaleTitles),
                                 make_set(kOrganisationNameJoiners),
                                 make_set(kFiniteVerbs),
                                 make_set(kQuestionVerbs),
                                 make_set(kQuestionWords),
                                 make_set(kAppealVerbs),
                                 make_set(kSubjectAdjuncts),
                                 make_set(kLyNonAdverbs),
                                 make_set(kTimeNouns),
                                 make_set(kTimeOpeners),
                                 make_set(kLeadVerbs)};
  return sets[static_cast<int>(list)].count(w) > 0;
}

// The gender a word of the `male` or the `female` list tells.
Gender gender_in(List male, List female, std::string_view w) {
  if (in(male, w)) return Gender::kMale;
  if (in(female, w)) return Gender::kFemale;
  return Gender::kUnknown;
}

const std::unordered_map<std::string_view, Gender>& given_names() {
  static const auto table = [] {
    std::unordered_map<std::string_view, Gender> t;
    for (auto w : make_set(kMaleNames)) t.emplace(w, Gender::kMale);
    for (auto w : make_set(kFemaleNames)) t.emplace(w, Gender::kFemale);  // keeps male for "kim"
    return t;
  }();
  return table;
}

}  // namespace

bool is_speech_verb(std::string_view w) { return in(List::kSpeechVerbs, w); }
bool is_present_speech_verb(std::string_view w) { return in(List::kPresentSpeechVerbs, w); }
bool is_title_head(std::string_view w) { return in(List::kTitleHeads, w); }
bool is_title_modifier(std::string_view w) { return in(List::kTitleModifiers, w); }
bool is_honorific(std::string_view w) { return in(List::kHonorifics, w); }
bool is_name_stop_word(std::string_view w) { return in(List::kNameStopWords, w); }
bool is_organisation_word(std::string_view w) { return in(List::kOrganisationWords, w); }
bool is_name_particle(std::string_view w) { return in(List::kNameParticles, w); }
bool is_subject_pronoun(std::string_view w) { return in(List::kSubjectPronouns, w); }
bool is_speech_auxiliary(std::string_view w) { return in(List::kSpeechAuxiliaries, w); }
bool is_clause_boundary_word(std::string_view w) { return in(List::kClauseBoundaries, w); }
bool is_organisation_noun(std::string_view w) { return in(List::kOrganisationNouns, w); }
bool is_group_noun(std::string_view w) {
  return is_organisation_noun(w) || in(List::kGroupNouns, w);
}
bool is_poll_noun(std::string_view w) {
  return w == "poll" || w == "polls" || w == "survey" || w == "surveys";
}
bool is_title_case_minor_word(std::string_view w) { return in(List::kTitleCaseMinorWords, w); }
bool takes_bare_clause(std::string_view w) { return in(List::kBareClauseVerbs, w); }
bool takes_listener(std::string_view w) { return in(List::kListenerVerbs, w); }
bool blocks_bare_clause(std::string_view w) { return in(List::kBareClauseBlockers, w); }
bool never_starts_subject(std::string_view w) { return in(List::kSubjectNonStarters, w); }
bool is_perfect_or_passive_auxiliary(std::string_view w) {
  return in(List::kPerfectOrPassiveAuxiliaries, w);
}
bool is_act_when_perfect(std::string_view w) { return in(List::kActVerbs, w); }
bool is_finite_verb(std::string_view w) { return in(List::kFiniteVerbs, w); }
bool takes_question(std::string_view w) { return in(List::kQuestionVerbs, w); }
bool is_question_word(std::string_view w) { return in(List::kQuestionWords, w); }
bool takes_appeal(std::string_view w) { return in(List::kAppealVerbs, w); }
bool is_subject_adjunct(std::string_view w) {
  return in(List::kSubjectAdjuncts, w) ||
         (w.size() >= 5 && w.ends_with("ly") && !in(List::kLyNonAdverbs, w));
}
bool is_time_noun(std::string_view w) { return in(List::kTimeNouns, w); }
bool opens_time_phrase(std::string_view w) { return in(List::kTimeOpeners, w); }
bool leads_speech(std::string_view w) { return in(List::kLeadVerbs, w); }
bool is_personal_pronoun(std::string_view w) { return in(List::kPersonalPronouns, w); }
bool is_auxiliary_adverb(std::string_view w) { return in(List::kAuxiliaryAdverbs, w); }
bool is_noun_determiner(std::string_view w) {
  return in(List::kNounDeterminers, w) || (!w.empty() && w.back() >= '0' && w.back() <= '9') ||
         w.ends_with("-seven") || w.ends_with("-one") || w.ends_with("-two") ||
         w.ends_with("-three") || w.ends_with("-four") || w.ends_with("-five") ||
         w.ends_with("-six") || w.ends_with("-eight") || w.ends_with("-nine");
}
Gender pronoun_gender(std::string_view w) {
  return gender_in(List::kMalePronouns, List::kFemalePronouns, w);
}
Gender referring_pronoun_gender(std::string_view w) {
  // Asked of every word of a story: most are ruled out before the set is searched.
  if (w.size() < 2 || w.size() > 7 || (w[0] != 'h' && w[0] != 's')) return Gender::kUnknown;
  return gender_in(List::kMaleReferringPronouns, List::kFemaleReferringPronouns, w);
}
bool is_organisation_pronoun(std::string_view w) { return in(List::kOrganisationPronouns, w); }
bool is_relative_pronoun(std::string_view w) { return in(List::kRelativePronouns, w); }
bool ends_subject_after_verb(std::string_view w) { return in(List::kPostVerbSubjectEnders, w); }
bool joins_organisation_name(std::string_view w) { return in(List::kOrganisationNameJoiners, w); }
Gender title_gender(std::string_view w) {
  return gender_in(List::kMaleTitles, List::kFemaleTitles, w);
}
std::string_view title_abbreviation(std::string_view head) {
  for (const auto& [full, abbreviation] : kTitleAbbreviations)
    if (full == head) return abbreviation;
  return {};
}

Gender given_name(std::string_view w) {
  const auto& t = given_names();
  auto it = t.find(w);
  return it == t.end() ? Gender::kUnknown : it->second;
}

}  // namespace lede::analysis
