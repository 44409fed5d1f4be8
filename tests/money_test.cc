// Money amounts, through the whole extractor with the built-in rules
// (lib/rules/{common,en,zh}/*.rules, lib/facts/money_builder.cc;
// docs/money.md).
//
// Each case is checked in several contexts (text before and after it),
// asserting the exact byte span, the amount, the upper bound, the currency, the
// qualifier and the rule. A table of near-misses (counts, measures, codes,
// words that hold a currency character) must give no money at all, and every
// cut of every case must end cleanly.
#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "factx/extractor.h"
#include "factx/facts.h"
#include "test_support.h"
#include "text/utf8.h"

namespace factx {
namespace {

using test_support::BuiltInExtractor;

std::vector<Money> MoneyIn(std::string_view text) {
  return test_support::BuiltInFacts(text, kMoney).money;
}

std::string Show(std::string_view text, const std::vector<Money>& found) {
  std::string out;
  for (const Money& m : found) {
    out += "\n    " + std::string(BuiltInExtractor().rule_name(m.rule)) +
           ": \"" + std::string(m.span.Slice(text)) + "\" " +
           m.amount.ToString() + (m.upper ? ".." + m.upper->ToString() : "") +
           " " +
           std::string(m.currency_code().empty() ? "?" : m.currency_code()) +
           " " + std::string(QualifierName(m.qualifier));
  }
  return out.empty() ? "\n    (none)" : out;
}

constexpr Qualifier kExact = Qualifier::kExact;
constexpr Qualifier kApprox = Qualifier::kApprox;
constexpr Qualifier kOver = Qualifier::kOver;
constexpr Qualifier kUnder = Qualifier::kUnder;
constexpr Qualifier kRange = Qualifier::kRange;

struct MoneyCase {
  const char* text;  // a phrase holding exactly one amount
  const char* span;  // the amount's text, found in `text`
  const char*
      amount;  // Decimal::ToString of the amount (the lower bound of a range)
  const char* upper;     // of a range, or nullptr
  const char* currency;  // ISO 4217, or "" when unknown
  Qualifier qualifier;
  const char* rule;
};

// Chinese phrases; each goes into the Chinese contexts below.
const MoneyCase kChineseCases[] = {
    // Arabic digits, with and without scales and groups.
    {"该项目投资480亿元", "480亿元", "48000000000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"奖池攀升至156.3亿元", "156.3亿元", "15630000000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"去年营收73亿元", "73亿元", "7300000000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"信贷计划2600亿元", "2600亿元", "260000000000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    // A bound on a price per share: the qualifier before 每股 still counts.
    {"回购价格不超过每股25元", "25元", "25", nullptr, "CNY", kUnder,
     "money.zh.per_share_bound"},
    {"发行价格不低于每股9.86元", "9.86元", "9.86", nullptr, "CNY", kOver,
     "money.zh.per_share_bound"},
    // No qualifier before 每股: the plain amount.
    {"回购价格为每股25元", "25元", "25", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"营业收入9,408.11万元", "9,408.11万元", "94081100", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"售价１２０元", "１２０元", "120", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"汇率报１．０８２６美元", "１．０８２６美元", "1.0826", nullptr, "USD",
     kExact, "money.zh.amount"},
    {"债务达3千万元", "3千万元", "30000000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    // Chinese numerals.
    {"募资三千五百万元", "三千五百万元", "35000000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"获得两千万美元融资", "两千万美元", "20000000", nullptr, "USD", kExact,
     "money.zh.amount"},
    {"预算总额为三十二兆五千八百億元", "三十二兆五千八百億元", "32580000000000",
     nullptr, "CNY", kExact, "money.zh.amount"},
    {"罚款壹万贰仟元", "壹万贰仟元", "12000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"另需1.5万亿日元", "1.5万亿日元", "1500000000000", nullptr, "JPY", kExact,
     "money.zh.amount"},
    // Currencies.
    {"以每股2.35港元收购", "2.35港元", "2.35", nullptr, "HKD", kExact,
     "money.zh.amount"},
    {"发行3亿港币债券", "3亿港币", "300000000", nullptr, "HKD", kExact,
     "money.zh.amount"},
    {"外汇存底增加2180亿台币", "2180亿台币", "218000000000", nullptr, "TWD",
     kExact, "money.zh.amount"},
    {"营收300亿新台币", "300亿新台币", "30000000000", nullptr, "TWD", kExact,
     "money.zh.amount"},
    {"投资3亿韩元", "3亿韩元", "300000000", nullptr, "KRW", kExact,
     "money.zh.amount"},
    {"收购价5000万澳元", "5000万澳元", "50000000", nullptr, "AUD", kExact,
     "money.zh.amount"},
    {"出资2亿加元", "2亿加元", "200000000", nullptr, "CAD", kExact,
     "money.zh.amount"},
    {"报价0.9871瑞士法郎", "0.9871瑞士法郎", "0.9871", nullptr, "CHF", kExact,
     "money.zh.amount"},
    {"损失100亿卢布", "100亿卢布", "10000000000", nullptr, "RUB", kExact,
     "money.zh.amount"},
    {"投入3亿新加坡元", "3亿新加坡元", "300000000", nullptr, "SGD", kExact,
     "money.zh.amount"},
    {"罚款100欧元", "100欧元", "100", nullptr, "EUR", kExact,
     "money.zh.amount"},
    {"门票50英镑", "50英镑", "50", nullptr, "GBP", kExact, "money.zh.amount"},
    {"小费20美金", "20美金", "20", nullptr, "USD", kExact, "money.zh.amount"},
    {"标价450美圆", "450美圆", "450", nullptr, "USD", kExact,
     "money.zh.amount"},
    {"汇率为460奈拉", "460奈拉", "460", nullptr, "NGN", kExact,
     "money.zh.amount"},
    {"价格为５億圓", "５億圓", "500000000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    // 人民币 before or after the amount; 元 yields to a more specific currency.
    {"融资12亿元人民币", "12亿元人民币", "1200000000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"人民币8亿元的专项贷款", "人民币8亿元", "800000000", nullptr, "CNY",
     kExact, "money.zh.amount"},
    {"报价人民币 6千元", "人民币 6千元", "6000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"港币8亿元的债券", "港币8亿元", "800000000", nullptr, "HKD", kExact,
     "money.zh.amount"},
    {"年费新台币300元", "新台币300元", "300", nullptr, "TWD", kExact,
     "money.zh.amount"},
    {"支付人民币5000", "人民币5000", "5000", nullptr, "CNY", kExact,
     "money.zh.currency_first"},
    {"报价港币3亿", "港币3亿", "300000000", nullptr, "HKD", kExact,
     "money.zh.currency_first"},
    // Signs and codes in Chinese text: ￥ and ¥ are the renminbi here.
    {"售价￥300", "￥300", "300", nullptr, "CNY", kExact, "money.en.symbol"},
    {"售价¥20", "¥20", "20", nullptr, "CNY", kExact, "money.en.symbol"},
    {"募资RMB 500 million", "RMB 500 million", "500000000", nullptr, "CNY",
     kExact, "money.en.code_first"},
    {"融资US$1.2bn", "US$1.2bn", "1200000000", nullptr, "USD", kExact,
     "money.en.symbol"},
    {"以HK$3亿收购", "HK$3亿", "300000000", nullptr, "HKD", kExact,
     "money.en.symbol"},
    // A numeral and 元 before a shareholder word is the amount, not a name.
    {"股价五元控股股东增持", "五元", "5", nullptr, "CNY", kExact,
     "money.zh.amount"},
    // No currency, in a financial frame: money of unknown currency.
    {"营收超200亿，同比增长", "超200亿", "20000000000", nullptr, "", kOver,
     "money.zh.unstated_frame"},
    {"耗资6000万收购一家工厂", "6000万", "60000000", nullptr, "", kExact,
     "money.zh.unstated_frame"},
    {"市值蒸发近千亿", "近千亿", "100000000000", nullptr, "", kUnder,
     "money.zh.unstated_frame"},
    {"以15亿接手该公司", "15亿", "1500000000", nullptr, "", kExact,
     "money.zh.unstated_deal"},
    // One space between the digits and the scale word: one amount.
    {"合同金额2,400.00 万元", "2,400.00 万元", "24000000", nullptr, "CNY",
     kExact, "money.zh.amount"},
    {"投资约3.6 亿元", "约3.6 亿元", "360000000", nullptr, "CNY", kApprox,
     "money.zh.amount"},
    {"募资5,100 余万元", "5,100 余万元", "51000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    // A currency word before an amount with its own unit: the 元 counts.
    {"注册资本美元36万元", "美元36万元", "360000", nullptr, "USD", kExact,
     "money.zh.amount"},
    {"出资欧元5万元", "欧元5万元", "50000", nullptr, "EUR", kExact,
     "money.zh.amount"},
    {"港币12万元", "港币12万元", "120000", nullptr, "HKD", kExact,
     "money.zh.amount"},
    {"出资36万元", "36万元", "360000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    // Qualifiers before and after.
    {"合同金额近3000万元", "近3000万元", "30000000", nullptr, "CNY", kUnder,
     "money.zh.amount"},
    {"投资超过500亿元", "超过500亿元", "50000000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"总投资逾300亿元", "逾300亿元", "30000000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"营收突破100亿元", "突破100亿元", "10000000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"耗资约3亿元", "约3亿元", "300000000", nullptr, "CNY", kApprox,
     "money.zh.amount"},
    {"耗资大约3亿元", "大约3亿元", "300000000", nullptr, "CNY", kApprox,
     "money.zh.amount"},
    {"约合人民币3.5亿元", "约合人民币3.5亿元", "350000000", nullptr, "CNY",
     kApprox, "money.zh.amount"},
    {"账面资金不足5000元", "不足5000元", "5000", nullptr, "CNY", kUnder,
     "money.zh.amount"},
    {"月薪不到3000元", "不到3000元", "3000", nullptr, "CNY", kUnder,
     "money.zh.amount"},
    // Upper bounds: 不超 is the short 不超过 (under), not 超 (over).
    {"募资不超8亿元", "不超8亿元", "800000000", nullptr, "CNY", kUnder,
     "money.zh.amount"},
    {"募资超8亿元", "超8亿元", "800000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"金额不高于3亿元", "不高于3亿元", "300000000", nullptr, "CNY", kUnder,
     "money.zh.amount"},
    {"最多2亿元", "最多2亿元", "200000000", nullptr, "CNY", kUnder,
     "money.zh.amount"},
    {"不多于3亿元", "不多于3亿元", "300000000", nullptr, "CNY", kUnder,
     "money.zh.amount"},
    {"不低于5亿元", "不低于5亿元", "500000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"不少于5亿元", "不少于5亿元", "500000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"至少3亿元", "至少3亿元", "300000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"起码3亿元", "起码3亿元", "300000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"单价在5亿元左右", "5亿元左右", "500000000", nullptr, "CNY", kApprox,
     "money.zh.suffix_qualifier"},
    {"造价5亿元上下", "5亿元上下", "500000000", nullptr, "CNY", kApprox,
     "money.zh.suffix_qualifier"},
    {"销售额500万元以上的企业", "500万元以上", "5000000", nullptr, "CNY", kOver,
     "money.zh.suffix_qualifier"},
    {"月收入3000元以下的家庭", "3000元以下", "3000", nullptr, "CNY", kUnder,
     "money.zh.suffix_qualifier"},
    // 多 and 余 before the scale or unit: the stated figure, "over".
    {"项目投入一千多万元", "一千多万元", "10000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"获得二百余万元补贴", "二百余万元", "2000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"净利润3亿多元", "3亿多元", "300000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    {"奖金100多万元", "100多万元", "1000000", nullptr, "CNY", kOver,
     "money.zh.amount"},
    // A scale word as the number.
    {"市场规模超万亿元", "超万亿元", "1000000000000", nullptr, "CNY", kOver,
     "money.zh.round_scale"},
    {"营收逾百亿元", "逾百亿元", "10000000000", nullptr, "CNY", kOver,
     "money.zh.round_scale"},
    {"单笔融资过亿元", "过亿元", "100000000", nullptr, "CNY", kOver,
     "money.zh.round_scale"},
    {"投入上千万元", "上千万元", "10000000", nullptr, "CNY", kOver,
     "money.zh.round_scale"},
    {"交易额近千亿元", "近千亿元", "100000000000", nullptr, "CNY", kUnder,
     "money.zh.round_scale"},
    // 数/几 for an unknown digit: a range.
    {"累计亏损数十亿元", "数十亿元", "1000000000", "10000000000", "CNY", kRange,
     "money.zh.amount"},
    {"年收入三十几万元", "三十几万元", "310000", "400000", "CNY", kRange,
     "money.zh.amount"},
    {"投入几百万元", "几百万元", "1000000", "10000000", "CNY", kRange,
     "money.zh.amount"},
    {"耗资十几亿元", "十几亿元", "1100000000", "2000000000", "CNY", kRange,
     "money.zh.amount"},
    {"融资数千万美元", "数千万美元", "10000000", "100000000", "USD", kRange,
     "money.zh.amount"},
    // Ranges; the scale of the upper bound carries back.
    {"预计投资3亿至5亿元", "3亿至5亿元", "300000000", "500000000", "CNY",
     kRange, "money.zh.range_to"},
    {"预计投资3亿-5亿元", "3亿-5亿元", "300000000", "500000000", "CNY", kRange,
     "money.zh.range"},
    {"预计投资3至5亿元", "3至5亿元", "300000000", "500000000", "CNY", kRange,
     "money.zh.range_to"},
    {"单价1万-5万元不等", "1万-5万元", "10000", "50000", "CNY", kRange,
     "money.zh.range"},
    {"月薪两到三万港元", "两到三万港元", "20000", "30000", "HKD", kRange,
     "money.zh.range_to"},
    {"股价在5.6到5.78元之间", "5.6到5.78元", "5.6", "5.78", "CNY", kRange,
     "money.zh.range_to"},
    {"每套三千至五千万元", "三千至五千万元", "30000000", "50000000", "CNY",
     kRange, "money.zh.range_to"},
    {"单笔300万元至500万元", "300万元至500万元", "3000000", "5000000", "CNY",
     kRange, "money.zh.range_to"},
    {"票价80~120元", "80~120元", "80", "120", "CNY", kRange, "money.zh.range"},
    // Minor units fold into the main unit.
    {"一个橘子两元八毛", "两元八毛", "2.8", nullptr, "CNY", kExact,
     "money.zh.minor_units"},
    {"找零20元4角五分", "20元4角五分", "20.45", nullptr, "CNY", kExact,
     "money.zh.minor_units"},
    {"一张邮票三美元又五美分", "三美元又五美分", "3.05", nullptr, "USD", kExact,
     "money.zh.minor_units"},
    {"车票120日元50日本銭", "120日元50日本銭", "120.5", nullptr, "JPY", kExact,
     "money.zh.minor_units"},
    {"一斤两块五毛五", "两块五毛五", "2.55", nullptr, "CNY", kExact,
     "money.zh.minor_units"},
    {"每股派息50美分", "50美分", "0.5", nullptr, "USD", kExact,
     "money.zh.minor_alone"},
    {"一支笔三毛钱", "三毛钱", "0.3", nullptr, "CNY", kExact,
     "money.zh.minor_alone"},
    // Speech: 块.
    {"车费只要七块", "七块", "7", nullptr, "CNY", kExact, "money.zh.kuai"},
    {"一斤三块五", "三块五", "3.5", nullptr, "CNY", kExact, "money.zh.kuai"},
    {"一共3块钱", "3块钱", "3", nullptr, "CNY", kExact, "money.zh.amount"},
    {"花了三十块钱", "三十块钱", "30", nullptr, "CNY", kExact,
     "money.zh.amount"},
    // Speech: the digit after 块 counts tenths, after 零 hundredths; after
    // 毛 or 角 it counts 分.
    {"每斤4块5", "4块5", "4.5", nullptr, "CNY", kExact, "money.zh.kuai"},
    {"每斤４块５", "４块５", "4.5", nullptr, "CNY", kExact, "money.zh.kuai"},
    {"一斤四块零五", "四块零五", "4.05", nullptr, "CNY", kExact,
     "money.zh.kuai"},
    {"一斤四塊零五", "四塊零五", "4.05", nullptr, "CNY", kExact,
     "money.zh.kuai"},
    {"起码四块零五", "起码四块零五", "4.05", nullptr, "CNY", kOver,
     "money.zh.kuai"},
    {"至少四块零五", "至少四块零五", "4.05", nullptr, "CNY", kOver,
     "money.zh.kuai"},
    {"均价2.06块以上", "2.06块以上", "2.06", nullptr, "CNY", kOver,
     "money.zh.kuai"},
    {"土豆一块二一斤", "一块二", "1.2", nullptr, "CNY", kExact,
     "money.zh.kuai_per_unit"},
    {"小葱三毛五", "三毛五", "0.35", nullptr, "CNY", kExact,
     "money.zh.minor_spoken"},
    {"买个塑料袋五毛钱", "五毛钱", "0.5", nullptr, "CNY", kExact,
     "money.zh.minor_alone"},
    {"六块二到六块八毛五", "六块二到六块八毛五", "6.2", "6.85", "CNY", kRange,
     "money.zh.range_minor_units"},
    {"六元二角至六元八毛五分", "六元二角至六元八毛五分", "6.2", "6.85", "CNY",
     kRange, "money.zh.range_minor_units"},
    {"六塊二到六塊八", "六塊二到六塊八", "6.2", "6.8", "CNY", kRange,
     "money.zh.range_spoken"},
    {"收购价八毛到一块二", "八毛到一块二", "0.8", "1.2", "CNY", kRange,
     "money.zh.range_spoken"},
    // Hong Kong: 蚊 is the dollar, 毫 ten cents, 仙 a cent; 个 after a
    // currency name counts dollars.
    {"凍檸茶賣八蚊", "八蚊", "8", nullptr, "HKD", kExact, "money.zh.hk_spoken"},
    {"車費四蚊零五", "四蚊零五", "4.05", nullptr, "HKD", kExact,
     "money.zh.hk_spoken"},
    {"跳錶一蚊九毫", "一蚊九毫", "1.9", nullptr, "HKD", kExact,
     "money.zh.minor_units"},
    {"雲吞麵只賣三仙", "三仙", "0.03", nullptr, "HKD", kExact,
     "money.zh.minor_alone_hk"},
    {"報紙都係五毫子", "五毫子", "0.5", nullptr, "HKD", kExact,
     "money.zh.minor_alone_hk"},
    {"菜心賣十二蚊一斤", "十二蚊", "12", nullptr, "HKD", kExact,
     "money.zh.hk_spoken_per_unit"},
    {"港幣五個二毫", "港幣五個二毫", "5.2", nullptr, "HKD", kExact,
     "money.zh.named_ge"},
    {"港币五个二", "港币五个二", "5.2", nullptr, "HKD", kExact,
     "money.zh.named_ge"},
    // A currency with no ISO code.
    {"钱包里存有3个比特币", "3个比特币", "3", nullptr, "", kExact,
     "money.zh.counted"},
    // A qualifier that is part of another word is no qualifier.
    {"签约5亿元的项目", "5亿元", "500000000", nullptr, "CNY", kExact,
     "money.zh.amount"},
    {"节约5亿元", "5亿元", "500000000", nullptr, "CNY", kExact,
     "money.zh.amount"},
};

// English phrases; each goes into the English contexts below.
const MoneyCase kEnglishCases[] = {
    {"raised $3.5 billion in bonds", "$3.5 billion", "3500000000", nullptr,
     "USD", kExact, "money.en.symbol"},
    {"bought it for $ 64 million", "$ 64 million", "64000000", nullptr, "USD",
     kExact, "money.en.symbol"},
    {"paid $86,500 to settle the claims", "$86,500", "86500", nullptr, "USD",
     kExact, "money.en.symbol"},
    {"shares slipped $ 1.85", "$ 1.85", "1.85", nullptr, "USD", kExact,
     "money.en.symbol"},
    {"a fine of €5m", "€5m", "5000000", nullptr, "EUR", kExact,
     "money.en.symbol"},
    {"signed for £3m", "£3m", "3000000", nullptr, "GBP", kExact,
     "money.en.symbol"},
    {"a stake worth US$1.2bn", "US$1.2bn", "1200000000", nullptr, "USD", kExact,
     "money.en.symbol"},
    {"a A$5 million grant", "A$5 million", "5000000", nullptr, "AUD", kExact,
     "money.en.symbol"},
    {"revenue of NT$300 million", "NT$300 million", "300000000", nullptr, "TWD",
     kExact, "money.en.symbol"},
    {"a S$2 billion fund", "S$2 billion", "2000000000", nullptr, "SGD", kExact,
     "money.en.symbol"},
    {"the ticket costs ¥2,000", "¥2,000", "2000", nullptr, "JPY", kExact,
     "money.en.symbol"},
    {"valued at c $ 22.7 million", "c $ 22.7 million", "22700000", nullptr,
     "CAD", kExact, "money.en.symbol"},
    {"exports of hk $ 8.6 billion", "hk $ 8.6 billion", "8600000000", nullptr,
     "HKD", kExact, "money.en.symbol"},
    {"a us $ 240 million loan", "us $ 240 million", "240000000", nullptr, "USD",
     kExact, "money.en.symbol"},
    {"a USD 1.2 million order", "USD 1.2 million", "1200000", nullptr, "USD",
     kExact, "money.en.code_first"},
    {"it raised RMB20bn", "RMB20bn", "20000000000", nullptr, "CNY", kExact,
     "money.en.code_first"},
    {"it cost 1,000 dollars", "1,000 dollars", "1000", nullptr, "USD", kExact,
     "money.en.number_currency"},
    {"output of 36 billion yuan", "36 billion yuan", "36000000000", nullptr,
     "CNY", kExact, "money.en.number_currency"},
    {"a bid of 410 million euros", "410 million euros", "410000000", nullptr,
     "EUR", kExact, "money.en.number_currency"},
    {"received three million yen", "three million yen", "3000000", nullptr,
     "JPY", kExact, "money.en.number_currency"},
    {"fined 25,000 swiss francs", "25,000 swiss francs", "25000", nullptr,
     "CHF", kExact, "money.en.number_currency"},
    {"bonds worth 80 million australian dollars",
     "80 million australian dollars", "80000000", nullptr, "AUD", kExact,
     "money.en.number_currency"},
    {"a loss of 45 MUSD", "45 MUSD", "45000000", nullptr, "USD", kExact,
     "money.en.million_code"},
    {"they spent 60 USD million", "60 USD million", "60000000", nullptr, "USD",
     kExact, "money.en.code_then_scale"},
    // Minor units.
    {"costs 7 cents extra", "7 cents", "0.07", nullptr, "USD", kExact,
     "money.en.minor_alone"},
    {"an offer of 385 pence a share", "385 pence", "3.85", nullptr, "GBP",
     kExact, "money.en.minor_alone"},
    // Cents of a named dollar.
    {"a dividend of six U.S. cents", "six U.S. cents", "0.06", nullptr, "USD",
     kExact, "money.en.minor_alone"},
    {"a payout of 42.5 Canadian cents", "42.5 Canadian cents", "0.425", nullptr,
     "CAD", kExact, "money.en.minor_alone"},
    // Deutsche marks, as wire copy quotes the dollar.
    {"the dollar rose to 1.6500 marks", "1.6500 marks", "1.65", nullptr, "DEM",
     kExact, "money.en.number_currency"},
    {"the toll is 4 dollars 25 cents", "4 dollars 25 cents", "4.25", nullptr,
     "USD", kExact, "money.en.minor_units"},
    {"it cost eleven dollars and thirty-five cents",
     "eleven dollars and thirty-five cents", "11.35", nullptr, "USD", kExact,
     "money.en.minor_units"},
    // Qualifiers.
    {"revenue of about $12 million", "about $12 million", "12000000", nullptr,
     "USD", kApprox, "money.en.symbol"},
    {"more than $310 million in receipts", "more than $310 million",
     "310000000", nullptr, "USD", kOver, "money.en.symbol"},
    {"nearly $2 billion of debt", "nearly $2 billion", "2000000000", nullptr,
     "USD", kUnder, "money.en.symbol"},
    {"a deal of $5 million or more", "$5 million or more", "5000000", nullptr,
     "USD", kOver, "money.en.symbol"},
    {"around 275 million pounds", "around 275 million pounds", "275000000",
     nullptr, "GBP", kApprox, "money.en.number_currency"},
    // Ranges.
    {"a budget of $3-5 million", "$3-5 million", "3000000", "5000000", "USD",
     kRange, "money.en.symbol_range"},
    {"worth $3 million to $5 million", "$3 million to $5 million", "3000000",
     "5000000", "USD", kRange, "money.en.symbol_range"},
    // After a word of range, from ... to is one range (after a verb of change
    // it is two amounts, as the change cases below show).
    {"estimates ranged from $2 billion to $2.3 billion",
     "$2 billion to $2.3 billion", "2000000000", "2300000000", "USD", kRange,
     "money.en.symbol_range_from"},
    {"bids range from $400 million to $500 million",
     "$400 million to $500 million", "400000000", "500000000", "USD", kRange,
     "money.en.symbol_range_from"},
    {"priced between $20 and $30 a share", "between $20 and $30", "20", "30",
     "USD", kRange, "money.en.symbol_range"},
    {"a plan of 3 to 5 billion yuan", "3 to 5 billion yuan", "3000000000",
     "5000000000", "CNY", kRange, "money.en.range_currency"},
    {"a fund of RMB 3-5 billion", "RMB 3-5 billion", "3000000000", "5000000000",
     "CNY", kRange, "money.en.code_range"},
};

struct Context {
  const char* before;
  const char* after;
};

const Context kChineseContexts[] = {
    {"", ""},
    {"据公司公告，", "。"},
    {"（记者 王明）2020年", "，较上年有所变化；"},
};
const Context kEnglishContexts[] = {
    {"", ""},
    {"The report said ", "."},
    {"(Reuters) - In 2020, ", ", the filing showed."},
};

void ExpectCaseInContexts(const MoneyCase& c, const Context* contexts,
                          std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const std::string text =
        std::string(contexts[i].before) + c.text + contexts[i].after;
    const std::size_t at =
        text.find(c.span, std::string(contexts[i].before).size());
    ASSERT_NE(at, std::string::npos) << c.span << " is not in " << c.text;
    const std::vector<Money> found = MoneyIn(text);
    ASSERT_EQ(found.size(), 1u) << text << Show(text, found);
    const Money& m = found[0];
    EXPECT_EQ(m.span, (Span{at, at + std::string_view(c.span).size()}))
        << text << Show(text, found);
    EXPECT_EQ(m.amount.ToString(), c.amount) << text << Show(text, found);
    if (c.upper == nullptr) {
      EXPECT_FALSE(m.upper.has_value()) << text << Show(text, found);
    } else {
      ASSERT_TRUE(m.upper.has_value()) << text << Show(text, found);
      EXPECT_EQ(m.upper->ToString(), c.upper) << text;
    }
    EXPECT_EQ(m.currency_code(), c.currency) << text << Show(text, found);
    EXPECT_EQ(m.qualifier, c.qualifier) << text << Show(text, found);
    EXPECT_EQ(BuiltInExtractor().rule_name(m.rule), c.rule)
        << text << Show(text, found);
  }
}

TEST(MoneyTest, ChineseFormsInContext) {
  for (const MoneyCase& c : kChineseCases) {
    ExpectCaseInContexts(c, kChineseContexts, std::size(kChineseContexts));
  }
}

TEST(MoneyTest, EnglishFormsInContext) {
  for (const MoneyCase& c : kEnglishCases) {
    ExpectCaseInContexts(c, kEnglishContexts, std::size(kEnglishContexts));
  }
}

TEST(MoneyTest, FindsEveryAmountOfASentenceInOrder) {
  const std::string text =
      "公司总投资超800亿元，其中6人民币8美元的样品费、人民币  80元手续费不计；"
      "price list: $45，180美圆, ￥260, and 15 rmb 30 usd.";
  const std::vector<Money> found = MoneyIn(text);
  const char* const spans[] = {"超800亿元",    "6人民币", "8美元",
                               "人民币  80元", "$45",     "180美圆",
                               "￥260",        "15 rmb",  "30 usd"};
  const char* const amounts[] = {"80000000000", "6",   "8",  "80", "45",
                                 "180",         "260", "15", "30"};
  const char* const currencies[] = {"CNY", "CNY", "USD", "CNY", "USD",
                                    "USD", "CNY", "CNY", "USD"};
  ASSERT_EQ(found.size(), std::size(spans)) << Show(text, found);
  for (std::size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].span.Slice(text), spans[i]);
    EXPECT_EQ(found[i].amount.ToString(), amounts[i]);
    EXPECT_EQ(found[i].currency_code(), currencies[i]);
  }
}

TEST(MoneyTest, YenSignFollowsTheLanguageOfItsClause) {
  struct {
    const char* text;
    const char* currency;
  } const cases[] = {
      {"售价¥20", "CNY"},                   // Chinese clause
      {"The ticket costs ¥2,000.", "JPY"},  // English
      {"チケットは¥2,000です", "JPY"},      // Japanese: kana
      {"书价¥20。The ticket costs ¥20.", "CNY"},
      {"￥300", "CNY"},  // the full-width sign is always the renminbi
  };
  for (const auto& c : cases) {
    const std::vector<Money> found = MoneyIn(c.text);
    ASSERT_FALSE(found.empty()) << c.text;
    EXPECT_EQ(found[0].currency_code(), c.currency)
        << c.text << Show(c.text, found);
  }
  // The clause decides, not the document: the second sign is in an English
  // clause.
  const std::string text = "书价¥20。The ticket costs ¥20.";
  const std::vector<Money> found = MoneyIn(text);
  ASSERT_EQ(found.size(), 2u) << Show(text, found);
  EXPECT_EQ(found[1].currency_code(), "JPY");
}

TEST(MoneyTest, ChangeAndLevelIsNoRange) {
  // "from X to Y" and "fell X to Y" state a change and a level: two amounts.
  struct {
    const char* text;
    const char* first;
    const char* second;
  } const cases[] = {
      {"营收从3亿元到5亿元", "3亿元", "5亿元"},
      {"油价每桶下跌2美元至38美元", "2美元", "38美元"},
      {"The price rose from $3 to $5 a share.", "$3", "$5"},
      {"Oil dropped $2 to $38 a barrel.", "$2", "$38"},
      {"costs rose from 3 to 5 dollars", "3", "5 dollars"},
  };
  for (const auto& c : cases) {
    const std::vector<Money> found = MoneyIn(c.text);
    for (const Money& m : found) {
      EXPECT_NE(m.qualifier, kRange) << c.text << Show(c.text, found);
    }
    if (std::string_view(c.first) == "3") continue;  // a bare 3 is no amount
    ASSERT_EQ(found.size(), 2u) << c.text << Show(c.text, found);
    EXPECT_EQ(found[0].span.Slice(c.text), c.first);
    EXPECT_EQ(found[1].span.Slice(c.text), c.second);
  }
  // A dash always makes a range: a fall of 2 to 3 yuan.
  const std::string text = "每股下跌2-3元";
  const std::vector<Money> found = MoneyIn(text);
  ASSERT_EQ(found.size(), 1u) << Show(text, found);
  EXPECT_EQ(found[0].qualifier, kRange);
}

TEST(MoneyTest, AdjacentAmountsAreNotMinorUnits) {
  // The count after a unit belongs to the next amount when a currency follows
  // it.
  struct {
    const char* text;
    const char* first;
    const char* second;
  } const cases[] = {
      {"60 dollar 25 rmb", "60 dollar", "25 rmb"},
      {"rmb 15 usd 40", "rmb 15", "usd 40"},
      {"20 $ 45 €", "20 $", "45 €"},
  };
  for (const auto& c : cases) {
    const std::vector<Money> found = MoneyIn(c.text);
    ASSERT_EQ(found.size(), 2u) << c.text << Show(c.text, found);
    EXPECT_EQ(found[0].span.Slice(c.text), c.first);
    EXPECT_EQ(found[1].span.Slice(c.text), c.second);
  }
}

// A bare 元 (圆, 块) takes the currency its sentence named last before it with
// a name of currency_zh_bare_follows (新台币, 港元, HK$, 澳门元, 人民币 ...);
// else it is the renminbi, whatever the script (docs/money.md, "Currencies").
TEST(MoneyTest, BareYuanTakesTheCurrencyItsSentenceNamed) {
  struct {
    const char* text;
    const char* span;  // the amount checked
    const char* currency;
  } const cases[] = {
      // Named once, then 元 alone, in the same sentence.
      {"台北捷運單程票價最低新台幣20元，最高不超過65元。", "不超過65元", "TWD"},
      {"票价最低新台币20元，最高不超过65元", "不超过65元", "TWD"},
      {"每股作價1.2港元，較收市價0.9元溢價33%", "0.9元", "HKD"},
      {"發放港幣5000元消費券，首期2000元", "2000元", "HKD"},
      {"以HK$3億收購，另付5000萬元", "5000萬元", "HKD"},
      {"全票NT$300，學生票150元", "150元", "TWD"},
      {"發放10000澳門元，非永久性居民6000元", "6000元", "MOP"},
      {"車資台幣100元，另加三塊", "三塊", "TWD"},
      {"門票新台幣500元；學生票250元。", "250元",
       "TWD"},  // ； ends no sentence
      // A figure in another currency leaves the sentence's 元 alone.
      {"全票新台幣6800元（約220美元），學生票1800元", "1800元", "TWD"},
      {"全票新台幣6800元，另付20美元", "20美元", "USD"},  // its own name wins
      // Near misses: the renminbi.
      {"騰訊收報380港元。第三季營收1546億元", "1546億元", "CNY"},  // next
      {"港币5000元\n首期2000元", "2000元", "CNY"},  // next paragraph
      {"香港月薪2萬港元，內地同類職位約8000元", "約8000元", "CNY"},
      {"台灣時薪183元新台幣，大陸約20元", "20元", "CNY"},
      {"南向資金淨買入50億港元，北向資金淨買入30億元", "30億元", "CNY"},
      {"H股收報5港元，A股收報6.2元", "6.2元", "CNY"},
      {"每股派息0.5港元，另以人民幣支付每股0.2元", "0.2元", "CNY"},
      {"營收3億美元，淨利5000萬元", "5000萬元", "CNY"},  // 元 is not USD
      {"售价2日元，另付50元", "50元", "CNY"},
      {"门票300欧元，导览费20元", "20元", "CNY"},
      {"首期2000元，合共港幣5000元", "2000元", "CNY"},  // named after it
      {"票價最高65元", "65元", "CNY"},  // traditional script, no name
      {"國內油價每公升30元", "30元", "CNY"},
  };
  for (const auto& c : cases) {
    const std::string text = c.text;
    const std::vector<Money> found = MoneyIn(text);
    const Money* amount = nullptr;
    for (const Money& m : found) {
      if (m.span.Slice(text) == c.span) amount = &m;
    }
    ASSERT_NE(amount, nullptr) << text << Show(text, found);
    EXPECT_EQ(amount->currency_code(), c.currency) << text << Show(text, found);
  }
}

// Texts that hold no money.
const char* const kNotMoney[] = {
    // Counts and measures.
    "流转土地3.6万亩",
    "建筑面积8亿平方米",
    "全市共有200余家企业",
    "80多位专家出席",
    "输入电压220V",
    "共签约12个项目",
    "十几家银行参与",
    "产量是去年的1.5倍",
    "受益人口达8亿人",
    // A bare scale amount with a counter after it, or no financial frame.
    "融资100万股",
    "投资者达1亿人",
    "以1亿像素拍摄",
    "用户达3亿",
    "营收三五万",
    // Company names that hold a numeral and 元.
    "五元控股发布公告",
    "三元集团召开股东大会",
    // Exam scores in marks.
    "she scored 95 marks in maths",
    "got 90 marks out of 100",
    // A spaced scale word is money only with a currency after it.
    "受益人口达8 亿人",
    "增持1,200 万股",
    "3万户家庭",
    // Dates, percentages, codes, phone numbers.
    "2020年",
    "营收同比增长15%",
    "贵州茅台(600519)",
    "联系电话13912345678",
    "客服热线400-820-8820",
    "流水号 B98765432109876543210 已作废",
    // Currency characters inside other words.
    "五角大楼发言人称",
    "标准普尔公司调低评级",
    "人民币 欧元 日元",
    "人民币兑美元汇率",
    "1月1日元旦放假",
    "两国元首会晤",
    "实现一元化管理",
    "解一元二次方程",
    "二元期权交易平台被查",
    "在三元桥附近",
    "19个欧元区国家",
    "万元户越来越多",
    "他搬了三块石头",
    "获得两块金牌",
    // Speech's units as other words: 块 a classifier or "together", 毛 a pen
    // name or a saying, 仙 an immortal, 毫 milli-, 蚊 the mosquito, 个 a count.
    "他们一块儿去",
    "买下一块地",
    "买了三块蛋糕",
    "两块石头",
    "他为人一毛不拔",
    "读三毛的书",
    "三仙女下凡",
    "八仙过海",
    "供奉八仙。",
    "长五毫米",
    "房間裡有三隻蚊子",
    "存了美元三个月",
    "五个二等奖",
    "等了3分钟",
    "美元兑人民币",
    // English.
    "All 40 of them came.",
    "ALL 9 answers were right.",
    "She has lost her pen 4 times this week.",
    "We called the office 6 times.",
    "He counted the dollars hundreds of times.",
    "He weighs 200 pounds now.",
    "He carried a 5-pound bag of rice.",
    "Add 10 pounds of sugar.",
    "The S&P 500 fell 2%.",
    "a sheet 5 centimeters thick",
    "The team won 5 games.",
    "visit pqdweb?SQ=issn%20CAD%29 now",
    // The end of a number a blank split: never an amount of 0.
    "投资3 00亿元",
    "总额5 000万元",
};

TEST(MoneyTest, NearMissesGiveNoMoney) {
  for (const char* text : kNotMoney) {
    const std::vector<Money> found = MoneyIn(text);
    EXPECT_TRUE(found.empty()) << text << Show(text, found);
  }
}

// An amount is read whole or not at all (docs/numbers.md): an invisible format
// character inside it is dropped, so 3<U+200D>00亿元 is 300亿元 over the
// original bytes; a text break inside it (a control character, U+FFFD, a
// replaced ill-formed byte) leaves no amount: no 00亿元 = 0, no $3.
TEST(MoneyTest, AmountsAreReadWholeAcrossInvisibleCharactersOrNotAtAll) {
  const struct {
    const char* before;  // the text before the character
    const char* after;   // and after it
    const char* amount;
    const char* currency;
  } cases[] = {
      {"投资3", "00亿元", "30000000000", "CNY"},
      {"营收1,2", "00万元", "12000000", "CNY"},
      {"投资三", "百亿元", "30000000000", "CNY"},
      {"净利润3", ".5亿美元", "350000000", "USD"},
      {"revenue of $3", ".5 billion", "3500000000", "USD"},
  };
  ExtractOptions options;
  options.kinds = kMoney;
  options.replace_invalid_utf8 = true;
  Extraction facts;
  for (const auto& c : cases) {
    const std::string before = c.before;
    const std::size_t begin = before.find_first_of("$0123456789三");
    for (const std::string& dropped :
         test_support::InvisibleFormatCharacters()) {
      const std::string text = before + dropped + c.after;
      SCOPED_TRACE(internal::EscapeForMessage(text));
      ASSERT_TRUE(BuiltInExtractor().Extract(text, options, &facts).ok());
      ASSERT_EQ(facts.money.size(), 1u) << Show(text, facts.money);
      EXPECT_EQ(facts.money[0].span, (Span{begin, text.size()}));
      EXPECT_EQ(facts.money[0].amount.ToString(), c.amount);
      EXPECT_EQ(facts.money[0].currency_code(), c.currency);
    }
    for (const std::string& text_break : test_support::TextBreaks()) {
      const std::string text = before + text_break + c.after;
      SCOPED_TRACE(internal::EscapeForMessage(text));
      ASSERT_TRUE(BuiltInExtractor().Extract(text, options, &facts).ok());
      EXPECT_TRUE(facts.money.empty()) << Show(text, facts.money);
      // Before the number, a break is only a break.
      const std::string in_front =
          before.substr(0, begin) + text_break + before.substr(begin) + c.after;
      ASSERT_TRUE(BuiltInExtractor().Extract(in_front, options, &facts).ok());
      ASSERT_EQ(facts.money.size(), 1u) << Show(in_front, facts.money);
      EXPECT_EQ(facts.money[0].span,
                (Span{begin + text_break.size(), in_front.size()}));
      EXPECT_EQ(facts.money[0].amount.ToString(), c.amount);
    }
  }
}

// Every prefix and suffix cut of every case (also inside a UTF-8 sequence) ends
// cleanly: OK or kInvalidUtf8, with spans inside the text.
TEST(MoneyTest, EveryCutOfEveryCaseEndsCleanly) {
  std::vector<std::string> texts;
  for (const MoneyCase& c : kChineseCases) texts.emplace_back(c.text);
  for (const MoneyCase& c : kEnglishCases) texts.emplace_back(c.text);
  for (const char* text : kNotMoney) texts.emplace_back(text);
  test_support::ExpectEveryCutEndsCleanly(texts);
}

}  // namespace
}  // namespace factx
