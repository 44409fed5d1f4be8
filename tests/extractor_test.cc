// The Extractor as a whole: statuses, options, limits, span invariants, reuse
// and threads. Fact-specific behaviour is tested in money_test, percent_test,
// date_test, investment_test.
#include "factx/extractor.h"

#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "engine/builtin_rules.h"
#include "facts/fact_description.h"
#include "test_support.h"

namespace factx {
namespace {

using test_support::BuiltInExtractor;

// A news paragraph with every fact type, used by several tests below.
constexpr char kArticle[] =
    "（2020年5月6日）今年1月至4月，全市完成固定资产投资1,280亿元，同比增长12.5%"
    "，"
    "增速比一季度提高2个百分点。其中，新能源汽车产业园项目总投资超800亿元，预计"
    "2023年投产。"
    "Revenue rose 17 percent to $3.5 billion in the first quarter of 2020.";

TEST(ExtractorTest, BuildsFromBuiltInRules) {
  EXPECT_GT(BuiltInExtractor().rule_count(), 0u);
  EXPECT_EQ(BuiltInExtractor().rule_name(
                static_cast<RuleId>(BuiltInExtractor().rule_count())),
            "");
}

TEST(ExtractorTest, FindsEveryFactTypeInAnArticle) {
  ExtractOptions options;
  options.reference_date = CivilDate{2020, 5, 6};
  Extraction facts;
  ASSERT_TRUE(BuiltInExtractor().Extract(kArticle, options, &facts).ok());
  test_support::ExpectSaneFacts(kArticle, facts);
  EXPECT_FALSE(facts.money.empty());
  EXPECT_FALSE(facts.percentages.empty());
  EXPECT_FALSE(facts.dates.empty());
}

TEST(ExtractorTest, KindsSelectWhatIsReported) {
  ExtractOptions options;
  options.kinds = kPercentage;
  Extraction facts;
  ASSERT_TRUE(BuiltInExtractor().Extract(kArticle, options, &facts).ok());
  EXPECT_TRUE(facts.money.empty());
  EXPECT_TRUE(facts.dates.empty());
  EXPECT_TRUE(facts.investments.empty());
  EXPECT_FALSE(facts.percentages.empty());
}

// The texts of the money, percent and date facts, kind by kind, each in text
// order: what a languages test compares.
std::vector<std::string> FactTexts(std::string_view text,
                                   const Extraction& facts) {
  std::vector<std::string> texts;
  for (const Money& money : facts.money)
    texts.emplace_back(money.span.Slice(text));
  for (const Percentage& percentage : facts.percentages)
    texts.emplace_back(percentage.span.Slice(text));
  for (const DateExpr& date : facts.dates)
    texts.emplace_back(date.span.Slice(text));
  return texts;
}

TEST(ExtractorTest, LanguagesSelectWhoseRulesRun) {
  // 三成 and 5月 only the Chinese rules read, "17 percent" and "March 2020"
  // only the English ones; 12.5% and 2020-03-01 are figures that rules of
  // both languages share (`language zh, en`).
  constexpr std::string_view kChineseOnly = "同比增长三成";
  constexpr std::string_view kEnglishOnly = "Revenue rose 17 percent";
  constexpr std::string_view kMixed =
      "同比增长三成，5月回升；revenue rose 17 percent in March 2020.";
  constexpr std::string_view kFigures = "增长12.5%，截至2020-03-01";
  const struct {
    std::string_view text;
    unsigned languages;
    std::vector<std::string> facts;  // by kind (money, percent, date), in order
  } kCases[] = {
      {kChineseOnly, kAllLanguages, {"三成"}},
      {kChineseOnly, kChinese, {"三成"}},
      {kChineseOnly, kEnglish, {}},
      {kEnglishOnly, kAllLanguages, {"17 percent"}},
      {kEnglishOnly, kEnglish, {"17 percent"}},
      {kEnglishOnly, kChinese, {}},
      {kMixed, kAllLanguages, {"三成", "17 percent", "5月", "March 2020"}},
      {kMixed, kChinese, {"三成", "5月"}},
      {kMixed, kEnglish, {"17 percent", "March 2020"}},
      {kMixed, 0, {}},
      {kFigures, kChinese, {"12.5%", "2020-03-01"}},
      {kFigures, kEnglish, {"12.5%", "2020-03-01"}},
  };
  for (const auto& c : kCases) {
    ExtractOptions options;
    options.kinds = kMoney | kPercentage | kDate;
    options.languages = c.languages;
    Extraction facts;
    ASSERT_TRUE(BuiltInExtractor().Extract(c.text, options, &facts).ok());
    EXPECT_EQ(FactTexts(c.text, facts), c.facts)
        << c.text << " languages " << c.languages;
  }
  // The default is every language.
  EXPECT_EQ(ExtractOptions().languages, kAllLanguages);
}

// Every embedded rule file lies in a folder whose load order and languages
// the code states, and every such folder has files.
TEST(ExtractorTest, BuiltinRuleFoldersHoldEveryRuleFile) {
  std::vector<std::size_t> files_in(std::size(internal::kBuiltinRuleFolders));
  for (const internal::BuiltinRuleFile& file : internal::BuiltinRuleFiles()) {
    const std::string_view folder = file.path.substr(0, file.path.find('/'));
    bool listed = false;
    for (std::size_t f = 0; f < files_in.size(); ++f) {
      if (internal::kBuiltinRuleFolders[f].name == folder) {
        ++files_in[f];
        listed = true;
      }
    }
    EXPECT_TRUE(listed) << file.path;
  }
  for (std::size_t f = 0; f < files_in.size(); ++f)
    EXPECT_GT(files_in[f], 0u) << internal::kBuiltinRuleFolders[f].name;
}

TEST(ExtractorTest, UnknownLanguageBitsAreInvalid) {
  ExtractOptions options;
  options.languages = kAllLanguages + 1;
  Extraction facts;
  const Status status = BuiltInExtractor().Extract(kArticle, options, &facts);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("unknown bits in languages"),
            std::string::npos)
      << status.message();
}

TEST(ExtractorTest, ParsesLanguageTags) {
  const struct {
    std::string_view tags;
    unsigned languages;  // 0: an error
    std::string_view message_part;
  } kCases[] = {
      {"zh", kChinese, ""},
      {"en", kEnglish, ""},
      {"EN", kEnglish, ""},
      {"zh-Hant-TW", kChinese, ""},
      {"en_US", kEnglish, ""},
      {"zh,en", kAllLanguages, ""},
      {" en , zh ", kAllLanguages, ""},
      {"zh,zh", kChinese, ""},
      {"fr", 0, "unknown language tag \"fr\" (known: zh, en)"},
      {"zhx", 0, "\"zhx\""},
      {"", 0, "unknown language tag \"\""},
      {"zh,", 0, "unknown language tag \"\""},
      {"zh en", 0, "\"zh en\""},
  };
  for (const auto& c : kCases) {
    const Result<unsigned> languages = ParseLanguages(c.tags);
    if (c.languages != 0) {
      ASSERT_TRUE(languages.ok()) << c.tags;
      EXPECT_EQ(*languages, c.languages) << c.tags;
      continue;
    }
    ASSERT_FALSE(languages.ok()) << c.tags;
    EXPECT_EQ(languages.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(languages.status().message().find(c.message_part),
              std::string::npos)
        << languages.status().message();
  }
}

// A custom rule runs for every language unless it names its own.
TEST(ExtractorTest, CustomRulesRunForTheLanguagesTheyName) {
  constexpr char kRules[] =
      "table currency_zh\n  块 CNY\n"
      "rule money.any\n  kind money\n"
      "  pattern (?P<num>[0-9]+)(?P<cur>块)\n"
      "rule money.en_only\n  kind money\n  language en\n"
      "  pattern (?P<num>[0-9]+) (?P<cur>块)\n";
  Result<Extractor> extractor = Extractor::FromRules(kRules);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  constexpr std::string_view kText = "5块，6 块";
  const struct {
    unsigned languages;
    std::vector<std::string> facts;
  } kCases[] = {
      {kChinese, {"5块"}},
      {kEnglish, {"5块", "6 块"}},
  };
  for (const auto& c : kCases) {
    ExtractOptions options;
    options.languages = c.languages;
    Extraction facts;
    ASSERT_TRUE(extractor->Extract(kText, options, &facts).ok());
    EXPECT_EQ(FactTexts(kText, facts), c.facts) << c.languages;
  }
}

TEST(ExtractorTest, EmptyTextGivesNoFacts) {
  Extraction facts;
  EXPECT_TRUE(BuiltInExtractor().Extract("", {}, &facts).ok());
  EXPECT_EQ(facts.size(), 0u);
}

TEST(ExtractorTest, InvalidUtf8IsAnErrorNamingTheByteUnlessReplaced) {
  const std::string text = std::string("投资300亿元，") + "\xC3\x28" + "增长5%";
  Extraction facts;
  Status status = BuiltInExtractor().Extract(text, {}, &facts);
  EXPECT_EQ(status.code(), StatusCode::kInvalidUtf8);
  EXPECT_NE(status.message().find("byte 18"), std::string::npos)
      << status.message();

  ExtractOptions lenient;
  lenient.replace_invalid_utf8 = true;
  ASSERT_TRUE(BuiltInExtractor().Extract(text, lenient, &facts).ok());
  test_support::ExpectSaneFacts(text, facts);
}

TEST(ExtractorTest, RejectsImpossibleReferenceDates) {
  const CivilDate bad_dates[] = {
      {2020, 2, 30}, {2021, 2, 29}, {2020, 13, 1}, {0, 1, 1}, {2020, 4, 31}};
  for (const CivilDate& date : bad_dates) {
    ExtractOptions options;
    options.reference_date = date;
    Extraction facts;
    EXPECT_EQ(BuiltInExtractor().Extract("今年", options, &facts).code(),
              StatusCode::kInvalidArgument);
  }
  EXPECT_TRUE((CivilDate{2020, 2, 29}.IsValid()));
  EXPECT_TRUE(CivilDate::Parse("2020-02-29").ok());
  EXPECT_FALSE(CivilDate::Parse("2020-02-30").ok());
  EXPECT_FALSE(CivilDate::Parse("2020-2-3").ok());
  EXPECT_FALSE(CivilDate::Parse("").ok());
}

TEST(ExtractorTest, InputLimitIsResourceExhausted) {
  ExtractOptions options;
  options.max_input_bytes = 10;
  Extraction facts;
  EXPECT_EQ(BuiltInExtractor().Extract(kArticle, options, &facts).code(),
            StatusCode::kResourceExhausted);
}

TEST(ExtractorTest, FactLimitKeepsTheFirstFacts) {
  ExtractOptions options;
  options.reference_date = CivilDate{2020, 5, 6};
  Extraction all;
  ASSERT_TRUE(BuiltInExtractor().Extract(kArticle, options, &all).ok());
  ASSERT_GE(all.size(), 3u);
  options.max_facts = 2;
  Extraction some;
  EXPECT_EQ(BuiltInExtractor().Extract(kArticle, options, &some).code(),
            StatusCode::kResourceExhausted);
  EXPECT_EQ(some.size(), 2u);
}

// Only reported facts count towards max_facts: a limit equal to the number of
// facts of the asked-for kinds is not reached, one less is. Amounts read only
// for the investment typer (另有资金3亿元 with money not asked for) do not
// count.
TEST(ExtractorTest, FactLimitCountsOnlyReportedFacts) {
  const struct {
    const char* text;
    unsigned kinds;
  } cases[] = {
      {"增长5%，另有资金3亿元。", kPercentage | kInvestment},
      {"增长5%，另有资金3亿元。", kPercentage},
      {"增长5%，另有资金3亿元。", kMoney},
      {"增长5%，投资3亿元。", kPercentage | kInvestment},
      {"增长5%，投资3亿元，今年1月至4月。", kPercentage | kDate},
      {kArticle, kPercentage | kInvestment},
      {kArticle, kDate | kInvestment},
      {kArticle, kPercentage | kDate},
      {kArticle, kInvestment},
  };
  ExtractOptions options;
  options.reference_date = CivilDate{2020, 5, 6};
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " kinds " + std::to_string(c.kinds));
    options.kinds = c.kinds;
    options.max_facts = ExtractOptions().max_facts;
    Extraction all;
    ASSERT_TRUE(BuiltInExtractor().Extract(c.text, options, &all).ok());
    ASSERT_GT(all.size(), 0u);

    options.max_facts = all.size();
    Extraction exact;
    EXPECT_TRUE(BuiltInExtractor().Extract(c.text, options, &exact).ok());
    EXPECT_EQ(exact.size(), all.size());

    options.max_facts = all.size() - 1;
    Extraction fewer;
    EXPECT_EQ(BuiltInExtractor().Extract(c.text, options, &fewer).code(),
              StatusCode::kResourceExhausted);
    EXPECT_EQ(fewer.size(), all.size() - 1);
  }
}

TEST(ExtractorTest, ReusedExtractionGivesTheSameFacts) {
  ExtractOptions options;
  options.reference_date = CivilDate{2020, 5, 6};
  Extraction reused, fresh;
  ASSERT_TRUE(BuiltInExtractor()
                  .Extract("另一段文字：投资5亿元。", options, &reused)
                  .ok());
  ASSERT_TRUE(BuiltInExtractor().Extract(kArticle, options, &reused).ok());
  ASSERT_TRUE(BuiltInExtractor().Extract(kArticle, options, &fresh).ok());
  ASSERT_EQ(reused.money.size(), fresh.money.size());
  for (std::size_t i = 0; i < fresh.money.size(); ++i) {
    EXPECT_EQ(reused.money[i].span, fresh.money[i].span);
    EXPECT_EQ(internal::Describe(reused.money[i]),
              internal::Describe(fresh.money[i]));
  }
  EXPECT_EQ(reused.size(), fresh.size());
}

TEST(ExtractorTest, SharedAcrossThreadsGivesTheSameFacts) {
  ExtractOptions options;
  options.reference_date = CivilDate{2020, 5, 6};
  Extraction expected;
  ASSERT_TRUE(BuiltInExtractor().Extract(kArticle, options, &expected).ok());
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Extraction facts;
      for (int i = 0; i < 50; ++i) {
        if (!BuiltInExtractor().Extract(kArticle, options, &facts).ok() ||
            facts.size() != expected.size()) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

// Termination and bounds: every prefix and suffix cut of the article, including
// cuts inside a UTF-8 sequence, gives OK or kInvalidUtf8, and sane spans.
TEST(ExtractorTest, EveryCutOfTheTextTerminatesWithSaneSpans) {
  ExtractOptions options;
  options.reference_date = CivilDate{2020, 5, 6};
  test_support::ExpectEveryCutEndsCleanly({kArticle}, options);
}

TEST(ExtractorTest, HandlesNulBytesAndControlCharacters) {
  const std::string text =
      std::string("投资") + '\0' + "300亿元\x01\x7f 5%" + '\0';
  Extraction facts;
  ASSERT_TRUE(BuiltInExtractor().Extract(text, {}, &facts).ok());
  test_support::ExpectSaneFacts(text, facts);
}

TEST(ExtractorTest, CustomRuleSyntaxErrorsNameTheRule) {
  Result<Extractor> bad =
      Extractor::FromRules("rule my.rule\n  kind money\n  pattern (\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kRuleSyntax);
  EXPECT_NE(bad.status().message().find(
                "custom-rules-1:1: rule my.rule: bad pattern"),
            std::string::npos)
      << bad.status().message();

  ExtractorOptions options;
  options.extra_rules.push_back("rule oops\n  kind money\n");
  Result<Extractor> extended = Extractor::Create(options);
  ASSERT_FALSE(extended.ok());
  EXPECT_NE(extended.status().message().find("custom-rules-1"),
            std::string::npos);
}

TEST(ExtractorTest, CopiesShareTheCompiledRules) {
  Extractor copy = BuiltInExtractor();
  Extraction a, b;
  ASSERT_TRUE(copy.Extract(kArticle, {}, &a).ok());
  ASSERT_TRUE(BuiltInExtractor().Extract(kArticle, {}, &b).ok());
  EXPECT_EQ(a.size(), b.size());
  EXPECT_EQ(copy.rule_count(), BuiltInExtractor().rule_count());
}

}  // namespace
}  // namespace factx
