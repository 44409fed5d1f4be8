// The generator behind news_corpus.h. Every sentence is a template of ours
// with slots for entities (cities, companies, banks, sectors) and figures;
// a figure slot writes the figure in one of the ways news writes it
// (412.6亿元, 1,280亿元, 五亿元, 3.2亿美元, 12.5%, 三成, 2个百分点, 2021年6月
// 18日, $3.5 billion, 50 basis points, March 2020) and records what factx must
// find there. The randomness is a fixed SplitMix64 sequence, never
// std::random's distributions, whose output differs between standard
// libraries.
#include "news_corpus.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <unordered_set>
#include <utility>

#include "factx/decimal.h"

namespace factx::bench {
namespace {

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [low, high].
  std::int64_t Between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(
                     Next() % static_cast<std::uint64_t>(high - low + 1));
  }
  bool Percent(int chance) { return Between(1, 100) <= chance; }
  template <typename T, std::size_t N>
  const T& Pick(const std::array<T, N>& items) {
    return items[Next() % N];
  }

 private:
  std::uint64_t state_;
};

// --- Entities (all invented or generic; none is taken from a real report).

constexpr std::array<std::string_view, 30> kZhCities = {
    "杭州市", "成都市", "苏州市", "合肥市", "武汉市", "西安市",
    "宁波市", "青岛市", "长沙市", "郑州市", "无锡市", "东莞市",
    "佛山市", "南京市", "厦门市", "昆明市", "南昌市", "贵阳市",
    "济南市", "福州市", "常州市", "温州市", "烟台市", "珠海市",
    "绍兴市", "嘉兴市", "徐州市", "泉州市", "南通市", "洛阳市"};
constexpr std::array<std::string_view, 10> kZhZones = {
    "经济技术开发区", "高新技术产业开发区", "临港产业园",     "综合保税区",
    "滨江新区",       "生物医药产业园",     "智能制造产业园", "航空港区",
    "软件园",         "新材料产业基地"};
constexpr std::array<std::string_view, 28> kZhCompanyHeads = {
    "澜桥", "云屿", "泓川", "启明", "远拓", "华芯", "鼎晟",
    "瑞达", "星耀", "博越", "青松", "海纳", "天衡", "金石",
    "同创", "锐思", "宏景", "北辰", "众联", "华岭", "景川",
    "新澄", "长风", "嘉禾", "润丰", "明德", "致远", "恒川"};
constexpr std::array<std::string_view, 20> kZhCompanyTrades = {
    "智能装备",   "新材料", "生物医药", "半导体",   "新能源",
    "汽车零部件", "物流",   "电子",     "精密制造", "信息技术",
    "环保科技",   "储能",   "光伏",     "医疗器械", "数据科技",
    "食品",       "化工",   "航空科技", "软件",     "纺织"};
constexpr std::array<std::string_view, 4> kZhCompanyForms = {
    "有限公司", "股份有限公司", "集团股份有限公司", "集团"};
constexpr std::array<std::string_view, 15> kZhSectors = {
    "新能源汽车", "集成电路", "生物医药",     "高端装备制造", "新一代信息技术",
    "新材料",     "绿色低碳", "数字经济",     "人工智能",     "现代物流",
    "节能环保",   "航空航天", "智能网联汽车", "光伏",         "新型储能"};
constexpr std::array<std::string_view, 12> kZhProducts = {
    "动力电池",   "工业机器人", "碳化硅芯片", "光伏组件",
    "氢燃料电池", "医用耗材",   "智能终端",   "锂电池隔膜",
    "显示面板",   "高端轴承",   "创新药",     "服务器"};
constexpr std::array<std::string_view, 10> kZhBanks = {
    "国家开发银行", "中国工商银行", "中国建设银行", "中国农业银行", "中国银行",
    "交通银行",     "招商银行",     "兴业银行",     "浦发银行",     "江苏银行"};
constexpr std::array<std::string_view, 8> kZhFunds = {
    "启元资本", "远山创投", "蓝湖资本", "青云基金",
    "松禾创投", "峰谷资本", "鸿鹄投资", "翠微创投"};
constexpr std::array<std::string_view, 7> kZhAgencies = {
    "市统计局", "国家统计局", "市发改委", "中国人民银行",
    "市商务局", "市财政局",   "省工信厅"};
constexpr std::array<std::string_view, 9> kZhRounds = {
    "天使", "Pre-A", "A", "A+", "B", "B+", "C", "D", "战略"};

constexpr std::array<std::string_view, 20> kEnCities = {
    "Shanghai", "Shenzhen",   "Hangzhou",  "Chengdu", "Singapore",
    "Jakarta",  "Manchester", "Rotterdam", "Austin",  "Bangalore",
    "Warsaw",   "Monterrey",  "Lyon",      "Osaka",   "Melbourne",
    "Toronto",  "Dubai",      "Nairobi",   "Hamburg", "Lisbon"};
constexpr std::array<std::string_view, 16> kEnCompanyHeads = {
    "Northwind", "Bluepeak", "Harbor Lane", "Silverline",
    "Redwood",   "Crescent", "Ironbridge",  "Summit",
    "Oakridge",  "Meridian", "Brightwater", "Kestrel",
    "Larkspur",  "Granite",  "Halcyon",     "Tidewater"};
constexpr std::array<std::string_view, 13> kEnCompanyTrades = {
    "Robotics",  "Energy",  "Semiconductor", "Biotech",  "Logistics",
    "Materials", "Motors",  "Health",        "Software", "Foods",
    "Solar",     "Systems", "Networks"};
constexpr std::array<std::string_view, 5> kEnCompanyForms = {
    " Inc", " Ltd", " Group", " Corp", ""};
constexpr std::array<std::string_view, 10> kEnSectors = {
    "electric vehicles",
    "semiconductors",
    "renewable energy",
    "biotechnology",
    "logistics",
    "battery storage",
    "artificial intelligence",
    "advanced manufacturing",
    "green hydrogen",
    "cloud computing"};
constexpr std::array<std::string_view, 8> kEnProducts = {
    "battery", "chip",         "solar panel", "robot",
    "vaccine", "wind turbine", "data centre", "steel"};
constexpr std::array<std::string_view, 6> kEnBanks = {
    "Eastgate Bank",    "First Meridian Bank", "Pacific Crown Bank",
    "Harbourside Bank", "Union Ridge Bank",    "Northern Star Bank"};
constexpr std::array<std::string_view, 6> kEnFunds = {
    "Kestrel Ventures", "Bluefield Capital",   "Granite Peak Partners",
    "Lumen Growth",     "Cedar Point Capital", "Foxglove Ventures"};
constexpr std::array<std::string_view, 5> kEnWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
constexpr std::array<std::string_view, 12> kEnMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 4> kEnQuarters = {"first", "second",
                                                         "third", "fourth"};
constexpr std::array<std::string_view, 4> kEnRounds = {"A", "B", "C", "D"};

// --- Sentence templates. A slot is {name}; Writer::Slot lists them all.

constexpr std::array<std::string_view, 8> kZhHeadlines = {
    "{city}{rel}工业投资同比增长{pct}",
    "{company}完成{round}轮融资{imoney}",
    "{city}重大项目加速落地 总投资{imoney}",
    "{sector}产业基金规模达{money}",
    "{bank}向{sector}企业授信{imoney}",
    "{city}{year}地区生产总值突破{money}",
    "{company}{year}净利润同比增长{pct}",
    "{city}外贸进出口总额{rel}增长{pct}"};

constexpr std::array<std::string_view, 40> kZhSentences = {
    "{rel}，{city}完成固定资产投资{money}，同比增长{pct}，增速比一季度加快{pp}"
    "。",
    "其中，工业投资同比增长{pct}，占全部投资的比重达到{pct}。",
    "位于{zone}的{project}项目总投资{imoney}，计划于{date}开工建设。",
    "{company}宣布完成{round}轮融资{imoney}，由{fund}领投，资金将用于{product}"
    "研发和产能扩张。",
    "{company}发布公告称，{year}实现营业收入{money}，同比增长{pct}"
    "；归属于上市公司股东的净利润{money}，同比下降{pct}。",
    "{bank}与{city}人民政府签署战略合作协议，将提供{imoney}意向授信，重点支持{"
    "sector}等领域。",
    "{city}出资设立规模{imoney}的{sector}产业基金，首期到位资金{money}。",
    "{date}，{company}{product}项目在{zone}正式投产，达产后预计年产值约{money}"
    "。",
    "海关数据显示，{rel}{city}进出口总额{money}，同比增长{pct}，其中出口{money}"
    "，增长{pct}。",
    "{year}，全市规模以上工业企业研发投入达{imoney}，占营业收入的比重为{pct}"
    "，较上年提高{pp}。",
    "{agency}预计，{year}全市地区生产总值增速将保持在{pct}"
    "左右，居民人均可支配收入有望突破{money_small}。",
    "截至{date}，已有{count}家中小微企业获得贷款，平均利率较去年下降{pp}"
    "，户均贷款约{money_small}。",
    "{company}拟以自有资金{money}收购{company2}{pct}"
    "股权，交易完成后将成为其控股股东。",
    "受原材料价格上涨影响，{company}毛利率同比下滑{pp}，至{pct}。",
    "{city}{rel}社会消费品零售总额{money}，同比增长{pct}，比上年同期加快{pp}。",
    "据测算，{project}项目建成后每年可新增税收约{money_small}，带动就业超过{"
    "count}人。",
    "{company}计划在{year_future}前累计投资{imoney}，在{city}建设{product}"
    "生产基地。",
    "{zone}{rel}新签约项目{count}个，协议投资额{imoney}"
    "，其中外资项目实际使用外资{usd}。",
    "{city}财政局数据显示，{year}一般公共预算收入{money}，增长{pct}"
    "，其中税收收入占比{pct}。",
    "{bank}发布的报告显示，{sector}行业贷款余额{money}，较年初增加{money}"
    "，增速高于各项贷款平均水平{pp}。",
    "{company}股价{date}收涨{pct_small}，报{price}，总市值约{money}。",
    "{city}将发行{money}地方政府专项债券，用于{sector}和城市更新项目。",
    "{year_past}以来，{city}累计引进{sector}项目{count}个，总投资{imoney}。",
    "{company}与{company2}签订采购合同，合同总金额{money}"
    "，约占公司上年经审计营业收入的{pct}。",
    "{agency}公布的数据显示，{date}全国居民消费价格同比上涨{pct_small}"
    "，环比下降{pct_small}"
    "。",
    "{company}董事会审议通过议案，同意向全资子公司增资{imoney}，用于{product}"
    "项目建设。",
    "{rel}，{city}房地产开发投资{money}，同比下降{pct}，降幅比一季度收窄{pp}。",
    "{fund}管理规模已超过{money}，{year_past}以来在{sector}领域累计投资{count}"
    "家企业。",
    "业内人士分析，{product}价格{year}以来上涨了{cn_pct}"
    "，带动相关企业利润明显改善。",
    "{city}{year}全年实现地区生产总值{money}，按可比价格计算，比上年增长{pct}"
    "。",
    "{company}公告称，募集资金总额{imoney}，扣除发行费用后将投向{product}"
    "扩产项目。",
    "{bank}{rel}新增人民币贷款{money}，同比多增{money}，贷款余额同比增长{pct}"
    "。",
    "在{sector}板块中，龙头企业{company}的海外订单金额达{usd}，同比增长{pct}。",
    "{city}计划到{year_future}，{sector}产业规模突破{money}，年均增长{pct}"
    "以上。",
    "{agency}表示，{date}起将下调存款准备金率{pp}，释放长期资金约{money}。",
    "{company}{date}在香港挂牌上市，发行价每股{hkd_price}，募资约{hkd}。",
    "统计显示，{rel}{city}{product}产量同比增长{pct}，占全国的比重提高到{pct}"
    "。",
    "{company}表示，{year_future}前将投入{imoney}用于{product}"
    "技术研发，研发人员占比将提升至{pct}。",
    "{project}项目一期工程于{date}竣工，完成投资{imoney}，较计划提前完工。",
    "{city}对年营业收入首次突破{money}的企业给予一次性奖励{money_small}。"};

constexpr std::array<std::string_view, 6> kEnHeadlines = {
    "{Company} raises {imoney} in Series {Round} round",
    "{City} exports rise {pct} in {month_year}",
    "{Company} to invest {imoney} in new {product} plant",
    "{Company} profit jumps {pct} to {money}",
    "{Bank} sets up {imoney} fund for {sector} start-ups",
    "{City} retail sales up {pct} in {quarter}"};

constexpr std::array<std::string_view, 28> kEnSentences = {
    "{Company} said on {weekday} that it had raised {imoney} in a Series "
    "{Round} funding round led by {Fund}.",
    "Revenue rose {pct} to {money} in {quarter}, while net profit fell {pct} "
    "to {money}.",
    "{City} plans to invest {imoney} in {sector} by {year_future}, the city "
    "government said.",
    "Fixed-asset investment grew {pct} in {month_year}, {pp} faster than in "
    "the previous month.",
    "The central bank cut the reserve requirement ratio by {bp}, releasing "
    "about {money} of long-term liquidity.",
    "Shares of {Company} closed up {pct_small} at {price} on {date}, giving "
    "the "
    "group a market value of {money}.",
    "{Company} agreed to buy {Company2} for {money} in cash, a premium of "
    "{pct_small} to its last closing price.",
    "Exports climbed {pct} from a year earlier in {month_year} to {money}, "
    "beating the {pct} rise that economists had forecast.",
    "The project, with a total investment of {imoney}, is expected to start "
    "production in {year_future}.",
    "{Bank} extended a {imoney} credit line to {Company} to fund its expansion "
    "in {sector}.",
    "Consumer prices rose {pct_small} in {month_year} from a year earlier, "
    "down from "
    "{pct_small} in the previous month.",
    "{Company} will spend {imoney} on research and development in {year}, up "
    "{pct} from the year before.",
    "{Fund} closed its latest fund at {money}, above its initial target of "
    "{money}.",
    "Analysts at {Bank} expect operating margins to widen by {pp} to {pct} by "
    "{year_future}.",
    "Industrial output grew {pct} in {quarter}, while retail sales rose {pct} "
    "to {money}.",
    "{Company} reported a net loss of {money} for {quarter}, compared with a "
    "profit of {money} a year earlier.",
    "The government will issue {money} of special bonds to finance {sector} "
    "projects, the finance ministry said on {date}.",
    "{Company} priced its initial public offering at {price} a share, raising "
    "{imoney}.",
    "Foreign direct investment into {City} reached {money} in {year}, an "
    "increase of {pct}.",
    "Unemployment fell to {pct_small} in {month_year}, its lowest level since "
    "{year_past}.",
    "The order backlog of {Company} stood at {money} at the end of "
    "{month_year}, up {pct} from a year earlier.",
    "{Bank} raised its growth forecast for {year} by {pp} to {pct}, citing "
    "stronger exports.",
    "{Company} plans to build a {money} {product} plant in {City} that will "
    "employ {count} people when it opens in {year_future}.",
    "Property investment dropped {pct} in {quarter}, the statistics bureau "
    "said on {date}.",
    "Bond yields rose {bp} after the data, and the yuan weakened {pct_small} "
    "against "
    "the dollar.",
    "Venture funding for {sector} start-ups totaled {money} in {quarter}, up "
    "{pct} on the year.",
    "The deal values {Company2} at about {money}, or {pct} more than its "
    "valuation in {year_past}.",
    "{Company} said capital spending would rise to {money} in {year_future} "
    "from {money} in {year}."};

// Figure-free prose: no digits, numerals, dates or amounts.
constexpr std::array<std::string_view, 16> kZhPlainSentences = {
    "{city}"
    "有关负责人表示，将持续优化营商环境，推动重点项目早开工、早投产、早见效。",
    "业内人士认为，{sector}产业链上下游协同发展的格局正在加快形成。",
    "{company}负责人介绍，企业正加快推进{product}生产线的智能化改造。",
    "随着市场需求逐步回暖，不少企业的订单和产能利用率明显回升。",
    "专家建议，应进一步完善融资担保体系，为中小微企业提供更加便利的金融服务。",
    "{city}将围绕{sector}等重点领域，着力引进多家带动性强的龙头企业。",
    "在政策支持下，{zone}的基础设施和配套服务日益完善，吸引了众多企业入驻。",
    "受海外需求波动影响，部分外贸企业面临较大的经营压力。",
    "{bank}"
    "相关负责人称，将加大对实体经济的信贷支持力度，降低企业综合融资成本。",
    "分析人士指出，消费市场的恢复仍需要稳定就业和提高居民收入的政策配合。",
    "{company}表示，公司将坚持创新驱动，持续加大核心技术攻关力度。",
    "记者在{zone}看到，多个项目的施工现场机器轰鸣，工人们正在加紧作业。",
    "{city}正在推进营商环境改革，企业开办和项目审批的流程进一步简化。",
    "行业协会认为，{product}市场的竞争格局将在未来逐步趋于稳定。",
    "当地政府鼓励企业开拓国际市场，并为参加海外展会的企业提供支持。",
    "金融监管部门强调，要守住不发生系统性金融风险的底线。"};
constexpr std::array<std::string_view, 12> kEnPlainSentences = {
    "Officials in {City} said they would keep improving the business "
    "environment and speed up approvals.",
    "Analysts said demand for {product}s was recovering as supply chains "
    "returned to normal.",
    "{Company} said it was investing heavily in automation at its main "
    "factory.",
    "Economists warned that weak consumer confidence could weigh on the "
    "recovery.",
    "The central bank said it would keep monetary policy supportive while "
    "watching inflation closely.",
    "Executives at {Company} expect competition in {sector} to intensify as "
    "new players enter the market.",
    "Lenders have become more cautious, tightening credit standards for "
    "smaller firms.",
    "{Bank} said it planned to expand lending to companies working on "
    "{sector}.",
    "Retailers reported stronger footfall as shoppers returned to city "
    "centres.",
    "The government said it would simplify rules for foreign investors and "
    "protect intellectual property.",
    "Industry groups called for clearer regulation to support long-term "
    "investment in {sector}.",
    "Traders said markets were waiting for clearer signals on the direction of "
    "interest rates."};

// --- Formatting helpers.

std::string Digits(std::int64_t n) { return std::to_string(n); }

std::string WithCommas(std::int64_t n) {
  const std::string digits = Digits(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// mantissa / 10^decimals in plain notation: Fixed(3657, 2) == "36.57".
std::string Fixed(std::int64_t mantissa, int decimals) {
  std::string digits = Digits(mantissa);
  if (decimals == 0) return digits;
  while (static_cast<int>(digits.size()) <= decimals) digits.insert(0, "0");
  digits.insert(digits.size() - decimals, ".");
  return digits;
}

std::string Value(std::int64_t mantissa, int exponent) {
  return Decimal{mantissa, exponent}.ToString();
}

// 1..99 in Chinese numerals: 十五, 二十, 三十五.
std::string ZhNumeral(int n) {
  static constexpr std::array<std::string_view, 10> kDigit = {
      "", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string out;
  if (n >= 10) {
    if (n >= 20) out.append(kDigit[n / 10]);
    out.append("十");
  }
  out.append(kDigit[n % 10]);
  return out;
}

// A mantissa with `decimals` digits after the point whose last one is not 0,
// so the text never has trailing zeros ("3.50").
std::int64_t TidyMantissa(Random& random, std::int64_t low, std::int64_t high,
                          int decimals) {
  std::int64_t m = random.Between(low, high);
  if (decimals > 0 && m % 10 == 0) m += random.Between(1, 9);
  return m;
}

std::int64_t Power10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// --- The writer of one article.

class Writer {
 public:
  Writer(Random& random, NewsDocument* doc, bool chinese)
      : random_(random), doc_(doc), chinese_(chinese) {
    const int year = static_cast<int>(random_.Between(2018, 2024));
    const int month = static_cast<int>(random_.Between(3, 12));
    const int day = static_cast<int>(random_.Between(1, 28));
    doc_->reference_date = CivilDate{year, month, day};
    PickEntities();
  }

  // Appends `pattern` with its slots filled.
  void Expand(std::string_view pattern, std::string* out) {
    std::size_t i = 0;
    while (i < pattern.size()) {
      if (pattern[i] == '{') {
        const std::size_t close = pattern.find('}', i);
        Slot(pattern.substr(i + 1, close - i - 1), out);
        i = close + 1;
      } else {
        out->push_back(pattern[i++]);
      }
    }
  }

  // Draws a new set of entities, so one article speaks of a few names.
  void PickEntities() {
    if (chinese_) {
      city_ = std::string(random_.Pick(kZhCities));
      company_ = ZhCompany();
      company2_ = ZhCompany();
    } else {
      city_ = std::string(random_.Pick(kEnCities));
      company_ = EnCompany();
      company2_ = EnCompany();
    }
  }

  void Dateline(std::string* out) {
    const CivilDate& d = doc_->reference_date;
    if (chinese_) {
      const std::string date =
          Digits(d.year) + "年" + Digits(d.month) + "月" + Digits(d.day) + "日";
      out->append("（").append(date).append("）");
      Expect(ExpectedType::kDate, date, IsoDay(d.year, d.month, d.day));
    } else {
      const std::string date = std::string(kEnMonths[d.month - 1]) + " " +
                               Digits(d.day) + ", " + Digits(d.year);
      out->append(city_).append(", ").append(date).append(" -- ");
      Expect(ExpectedType::kDate, date, IsoDay(d.year, d.month, d.day));
    }
  }

 private:
  void Expect(ExpectedType type, std::string core, std::string value) {
    doc_->expected.push_back({type, std::move(core), std::move(value)});
  }

  static std::string IsoDay(int year, int month, int day) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
  }
  static std::string IsoMonth(int year, int month) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return buffer;
  }

  std::string ZhCompany() {
    return std::string(random_.Pick(kZhCompanyHeads)) +
           std::string(random_.Pick(kZhCompanyTrades)) +
           std::string(random_.Pick(kZhCompanyForms));
  }
  std::string EnCompany() {
    return std::string(random_.Pick(kEnCompanyHeads)) + " " +
           std::string(random_.Pick(kEnCompanyTrades)) +
           std::string(random_.Pick(kEnCompanyForms));
  }

  int year() const { return doc_->reference_date.year; }

  static bool EndsWithQualifierOrArticle(std::string_view text) {
    for (std::string_view end : {"约", "超过", "突破", "a ", "about "}) {
      if (text.size() >= end.size() &&
          text.substr(text.size() - end.size()) == end)
        return true;
    }
    return false;
  }

  // A Chinese amount in 元 or a foreign currency; returns core and value.
  std::pair<std::string, std::string> ZhAmount(bool large) {
    struct Unit {
      std::string_view name;
      int weight;
    };
    static constexpr std::array<Unit, 6> kUnits = {{{"元", 70},
                                                    {"美元", 12},
                                                    {"欧元", 5},
                                                    {"港元", 5},
                                                    {"日元", 3},
                                                    {"英镑", 5}}};
    int roll = static_cast<int>(random_.Between(1, 100));
    std::string_view unit = kUnits[0].name;
    for (const Unit& u : kUnits) {
      if (roll <= u.weight) {
        unit = u.name;
        break;
      }
      roll -= u.weight;
    }
    std::string text;
    std::string value;
    const int form = static_cast<int>(random_.Between(1, 100));
    if (!large || form <= 25) {  // 4500万元, 386.5万元
      const int decimals = random_.Percent(30) ? 1 : 0;
      const std::int64_t m = TidyMantissa(random_, 100 * Power10(decimals),
                                          9999 * Power10(decimals), decimals);
      text = Fixed(m, decimals) + "万";
      value = Value(m, 4 - decimals);
    } else if (form <= 75) {  // 36.57亿元, 412.6亿元, 12亿元
      const int decimals = static_cast<int>(random_.Between(0, 2));
      const std::int64_t m = TidyMantissa(random_, Power10(decimals),
                                          999 * Power10(decimals), decimals);
      text = Fixed(m, decimals) + "亿";
      value = Value(m, 8 - decimals);
    } else if (form <= 90) {  // 1,280亿元
      const std::int64_t m = random_.Between(1000, 29999);
      text = WithCommas(m) + "亿";
      value = Value(m, 8);
    } else {  // 五亿元, 三十五亿元, 两亿元
      const int n = static_cast<int>(random_.Between(2, 99));
      text = (n == 2 && random_.Percent(50) ? "两" : ZhNumeral(n)) + "亿";
      value = Value(n, 8);
    }
    text.append(unit);
    return {text, value};
  }

  std::pair<std::string, std::string> EnAmount() {
    static constexpr std::array<std::string_view, 6> kSigns = {"$", "$", "US$",
                                                               "€", "£", "HK$"};
    const int form = static_cast<int>(random_.Between(1, 100));
    const int decimals = random_.Percent(40) ? 1 : 0;
    const std::int64_t m = TidyMantissa(random_, Power10(decimals),
                                        950 * Power10(decimals), decimals);
    const bool billion = random_.Percent(45);
    const std::string number = Fixed(m, decimals);
    const std::string scale = billion ? " billion" : " million";
    const std::string value = Value(m, (billion ? 9 : 6) - decimals);
    if (form <= 80) {
      return {std::string(random_.Pick(kSigns)) + number + scale, value};
    }
    if (form <= 92) return {number + scale + " yuan", value};
    return {"USD " + number + scale, value};
  }

  std::pair<std::string, std::string> Percent(int max_whole) {
    const int decimals = random_.Percent(55) ? 1 : 0;
    const std::int64_t m = TidyMantissa(
        random_, Power10(decimals), max_whole * Power10(decimals), decimals);
    return {Fixed(m, decimals), Value(m, -decimals)};
  }

  void ZhRelative(std::string* out) {
    const int month = doc_->reference_date.month;
    switch (random_.Between(0, 4)) {
      case 0: {
        const std::string core =
            "今年1月至" + Digits(std::max(2, month - 1)) + "月";
        out->append(core);
        Expect(ExpectedType::kDate, core, "");
        break;
      }
      case 1:
        out->append("一季度");
        Expect(ExpectedType::kDate, "一季度", "");
        break;
      case 2:
        out->append("上半年");
        Expect(ExpectedType::kDate, "上半年", "");
        break;
      case 3: {
        const std::string core = Digits(year() - 1) + "年前三季度";
        out->append(core);
        Expect(ExpectedType::kDate, Digits(year() - 1) + "年", "");
        break;
      }
      default: {
        const std::string core = Digits(std::max(2, month - 1)) + "月份";
        out->append(core);
        Expect(ExpectedType::kDate, core, "");
        break;
      }
    }
  }

  void Slot(std::string_view name, std::string* out) {
    // Entities.
    if (name == "city" || name == "City") {
      out->append(city_);
    } else if (name == "company" || name == "Company") {
      out->append(company_);
    } else if (name == "company2" || name == "Company2") {
      out->append(company2_);
    } else if (name == "zone") {
      out->append(random_.Pick(kZhZones));
    } else if (name == "sector") {
      out->append(chinese_ ? random_.Pick(kZhSectors)
                           : random_.Pick(kEnSectors));
    } else if (name == "product") {
      out->append(chinese_ ? random_.Pick(kZhProducts)
                           : random_.Pick(kEnProducts));
    } else if (name == "bank" || name == "Bank") {
      out->append(chinese_ ? random_.Pick(kZhBanks) : random_.Pick(kEnBanks));
    } else if (name == "fund" || name == "Fund") {
      out->append(chinese_ ? random_.Pick(kZhFunds) : random_.Pick(kEnFunds));
    } else if (name == "agency") {
      out->append(random_.Pick(kZhAgencies));
    } else if (name == "round") {
      out->append(random_.Pick(kZhRounds));
    } else if (name == "Round") {
      out->append(random_.Pick(kEnRounds));
    } else if (name == "weekday") {
      out->append(random_.Pick(kEnWeekdays));
    } else if (name == "project") {
      if (random_.Percent(50)) {
        out->append(random_.Pick(kZhSectors)).append("产业园");
      } else {
        out->append("年产")
            .append(Digits(random_.Between(2, 60)))
            .append("万套")
            .append(random_.Pick(kZhProducts));
      }
    } else if (name == "count") {
      const std::int64_t n = random_.Between(12, 4800);
      out->append(chinese_ ? Digits(n) : WithCommas(n));
      // Figures.
    } else if (name == "money" || name == "imoney" || name == "money_small") {
      const auto [core, value] =
          chinese_ ? ZhAmount(name != "money_small") : EnAmount();
      if (EndsWithQualifierOrArticle(*out)) {
        // 约{money}, "a {money} plant": no second qualifier.
      } else if (chinese_ && random_.Percent(20)) {
        static constexpr std::array<std::string_view, 4> kQualifiers = {
            "约", "近", "超", "逾"};
        out->append(random_.Pick(kQualifiers));
      } else if (!chinese_ && random_.Percent(15)) {
        static constexpr std::array<std::string_view, 3> kQualifiers = {
            "about ", "nearly ", "more than "};
        out->append(random_.Pick(kQualifiers));
      }
      out->append(core);
      Expect(ExpectedType::kMoney, core, value);
      if (name == "imoney") Expect(ExpectedType::kInvestment, core, value);
    } else if (name == "usd") {
      const int decimals = random_.Percent(50) ? 1 : 0;
      const std::int64_t m = TidyMantissa(random_, Power10(decimals),
                                          99 * Power10(decimals), decimals);
      const std::string core = Fixed(m, decimals) + "亿美元";
      out->append(core);
      Expect(ExpectedType::kMoney, core, Value(m, 8 - decimals));
    } else if (name == "hkd") {
      const std::int64_t m = random_.Between(5, 300);
      const std::string core = Digits(m) + "亿港元";
      out->append(core);
      Expect(ExpectedType::kMoney, core, Value(m, 8));
    } else if (name == "hkd_price" || name == "price") {
      const std::int64_t m = TidyMantissa(random_, 150, 9999, 2);
      std::string core;
      if (chinese_ && name == "hkd_price") {
        core = Fixed(m, 2) + "港元";
      } else if (chinese_) {
        core = Fixed(m, 2) + "元";
      } else {
        core = "$" + Fixed(m, 2);
      }
      out->append(core);
      Expect(ExpectedType::kMoney, core, Value(m, -2));
    } else if (name == "pct" || name == "pct_small") {
      const auto [number, value] = Percent(name == "pct" ? 60 : 9);
      std::string core = number + "%";
      if (!chinese_ && random_.Percent(40)) core = number + " percent";
      out->append(core);
      Expect(ExpectedType::kPercent, core, value);
    } else if (name == "pp") {
      const std::int64_t m = TidyMantissa(random_, 1, 39, 1);
      const std::string number = Fixed(m, m % 10 == 0 ? 0 : 1);
      const std::string core =
          chinese_ ? number + "个百分点" : number + " percentage points";
      out->append(core);
      Expect(ExpectedType::kPercent, core, Value(m, -1));
    } else if (name == "bp") {
      const std::int64_t n = random_.Between(1, 12) * 5;
      const std::string core = Digits(n) + " basis points";
      out->append(core);
      Expect(ExpectedType::kPercent, core, Value(n, -2));
    } else if (name == "cn_pct") {
      if (random_.Percent(50)) {
        const int n = static_cast<int>(random_.Between(1, 9));
        const std::string core = ZhNumeral(n) + "成";
        out->append(core);
        Expect(ExpectedType::kPercent, core, Value(n * 10, 0));
      } else {
        const int n = static_cast<int>(random_.Between(5, 95));
        const std::string core = "百分之" + ZhNumeral(n);
        out->append(core);
        Expect(ExpectedType::kPercent, core, Value(n, 0));
      }
    } else if (name == "rel") {
      ZhRelative(out);
    } else if (name == "year" || name == "year_future" || name == "year_past") {
      int y = year() - static_cast<int>(random_.Between(0, 1));
      if (name == "year_future")
        y = year() + static_cast<int>(random_.Between(2, 12));
      if (name == "year_past")
        y = year() - static_cast<int>(random_.Between(2, 8));
      const std::string core = Digits(y) + (chinese_ ? "年" : "");
      out->append(core);
      Expect(ExpectedType::kDate, core, Digits(y));
    } else if (name == "date") {
      const int y = year() - static_cast<int>(random_.Between(0, 1));
      const int m = static_cast<int>(random_.Between(1, 12));
      const int d = static_cast<int>(random_.Between(1, 28));
      std::string core;
      std::string value;
      if (chinese_) {
        if (random_.Percent(50)) {
          core = Digits(y) + "年" + Digits(m) + "月" + Digits(d) + "日";
          value = IsoDay(y, m, d);
        } else {
          core = Digits(y) + "年" + Digits(m) + "月";
          value = IsoMonth(y, m);
        }
      } else {
        core =
            std::string(kEnMonths[m - 1]) + " " + Digits(d) + ", " + Digits(y);
        value = IsoDay(y, m, d);
      }
      out->append(core);
      Expect(ExpectedType::kDate, core, value);
    } else if (name == "month_year") {
      const int m = static_cast<int>(random_.Between(1, 12));
      const int y = year() - static_cast<int>(random_.Between(0, 1));
      const std::string core = std::string(kEnMonths[m - 1]) + " " + Digits(y);
      out->append(core);
      Expect(ExpectedType::kDate, core, IsoMonth(y, m));
    } else if (name == "quarter") {
      const int q = static_cast<int>(random_.Between(1, 4));
      const int y = year() - static_cast<int>(random_.Between(0, 1));
      const std::string core =
          std::string(kEnQuarters[q - 1]) + " quarter of " + Digits(y);
      out->append("the ").append(core);
      Expect(ExpectedType::kDate, core, Digits(y) + "-Q" + Digits(q));
    } else {
      out->append("{").append(name).append("}");  // a typo in a template
    }
  }

  Random& random_;
  NewsDocument* doc_;
  bool chinese_;
  std::string city_, company_, company2_;
};

// Draws the article's sentences in an order of their own (no template twice
// in one article), `seen` rejecting sentences already in the corpus.
template <std::size_t N>
void WriteParagraphs(Random& random, Writer& writer,
                     const std::array<std::string_view, N>& sentences,
                     std::string_view separator,
                     std::unordered_set<std::string>* seen, NewsDocument* doc) {
  std::string* text = &doc->text;
  std::array<std::size_t, N> order;
  for (std::size_t i = 0; i < N; ++i) order[i] = i;
  for (std::size_t i = N - 1; i > 0; --i) {
    std::swap(order[i], order[random.Next() % (i + 1)]);
  }
  const int paragraphs = static_cast<int>(random.Between(3, 6));
  std::size_t next = 0;
  for (int p = 0; p < paragraphs && next < N; ++p) {
    text->append("\n");
    const int count = static_cast<int>(random.Between(2, 4));
    for (int s = 0; s < count && next < N; ++s, ++next) {
      if (s > 0) text->append(separator);
      for (int attempt = 0;; ++attempt) {
        std::string sentence;
        const std::size_t expected_before = doc->expected.size();
        writer.Expand(sentences[order[next]], &sentence);
        if (seen == nullptr || seen->insert(sentence).second || attempt > 8) {
          text->append(sentence);
          break;
        }
        // A repeat: draw the sentence again, forgetting its figures.
        doc->expected.resize(expected_before);
      }
    }
  }
}

NewsDocument WriteArticle(std::uint64_t seed, std::size_t index,
                          std::unordered_set<std::string>* seen) {
  Random random(seed * 0x100000001B3ULL + index);
  NewsDocument doc;
  const bool chinese = index % 3 != 2;
  char id[32];
  std::snprintf(id, sizeof id, "%s-%05zu", chinese ? "zh" : "en", index + 1);
  doc.id = id;
  Writer writer(random, &doc, chinese);
  std::string& text = doc.text;
  if (chinese) {
    writer.Expand(random.Pick(kZhHeadlines), &text);
    text.append("\n");
    writer.Dateline(&text);
    WriteParagraphs(random, writer, kZhSentences, "", seen, &doc);
  } else {
    writer.Expand(random.Pick(kEnHeadlines), &text);
    text.append("\n");
    writer.Dateline(&text);
    WriteParagraphs(random, writer, kEnSentences, " ", seen, &doc);
  }
  text.append("\n");
  return doc;
}

}  // namespace

std::string_view ExpectedTypeName(ExpectedType type) {
  switch (type) {
    case ExpectedType::kMoney:
      return "money";
    case ExpectedType::kPercent:
      return "percent";
    case ExpectedType::kDate:
      return "date";
    case ExpectedType::kInvestment:
      return "investment";
  }
  return "?";
}

std::vector<NewsDocument> GenerateNewsCorpus(std::size_t min_bytes,
                                             std::uint64_t seed) {
  std::vector<NewsDocument> corpus;
  std::unordered_set<std::string> seen;
  std::size_t bytes = 0;
  for (std::size_t index = 0; bytes < min_bytes; ++index) {
    corpus.push_back(WriteArticle(seed, index, &seen));
    bytes += corpus.back().text.size();
  }
  return corpus;
}

NewsDocument GenerateNewsDocument(std::uint64_t seed, std::size_t index) {
  return WriteArticle(seed, index, nullptr);
}

std::string GenerateFigureFreeText(std::size_t min_bytes, std::uint64_t seed) {
  Random random(seed);
  std::string text;
  NewsDocument scratch;
  while (text.size() < min_bytes) {
    const bool chinese = random.Percent(50);
    Writer writer(random, &scratch, chinese);
    const int count = static_cast<int>(random.Between(3, 6));
    for (int s = 0; s < count; ++s) {
      if (chinese) {
        writer.Expand(random.Pick(kZhPlainSentences), &text);
      } else {
        if (s > 0) text.push_back(' ');
        writer.Expand(random.Pick(kEnPlainSentences), &text);
      }
    }
    text.push_back('\n');
  }
  return text;
}

std::vector<std::string> CutIntoDocuments(const std::string& text,
                                          std::size_t bytes) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', std::min(text.size(), begin + bytes));
    end = end == std::string::npos ? text.size() : end + 1;
    out.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return out;
}

std::vector<std::string> ShortSentences(
    const std::vector<NewsDocument>& corpus) {
  std::vector<std::string> out;
  for (const NewsDocument& doc : corpus) {
    const std::string& text = doc.text;
    std::size_t begin = 0;
    while (begin < text.size()) {
      std::size_t end = text.size();
      for (std::string_view stop : {"。", ". ", "\n"}) {
        const std::size_t at = text.find(stop, begin);
        if (at != std::string::npos) end = std::min(end, at + stop.size());
      }
      const std::size_t size = end - begin;
      if (size >= 90 && size <= 110) out.push_back(text.substr(begin, size));
      begin = end;
    }
  }
  return out;
}

namespace {

bool Contains(std::string_view text, const Span& span, std::string_view core) {
  return span.Slice(text).find(core) != std::string_view::npos;
}

bool Found(std::string_view text, const Extraction& facts,
           const ExpectedFact& expected) {
  switch (expected.type) {
    case ExpectedType::kMoney:
      for (const Money& m : facts.money) {
        if (Contains(text, m.span, expected.core) &&
            (expected.value.empty() || m.amount.ToString() == expected.value))
          return true;
      }
      return false;
    case ExpectedType::kPercent:
      for (const Percentage& p : facts.percentages) {
        if (Contains(text, p.span, expected.core) &&
            (expected.value.empty() || p.value.ToString() == expected.value))
          return true;
      }
      return false;
    case ExpectedType::kDate:
      for (const DateExpr& d : facts.dates) {
        if (Contains(text, d.span, expected.core) &&
            (expected.value.empty() || d.begin.ToIso8601() == expected.value))
          return true;
      }
      return false;
    case ExpectedType::kInvestment:
      for (const Investment& i : facts.investments) {
        if (Contains(text, i.money.span, expected.core) &&
            (expected.value.empty() ||
             i.money.amount.ToString() == expected.value))
          return true;
      }
      return false;
  }
  return false;
}

}  // namespace

void CheckCorpus(const Extractor& extractor,
                 const std::vector<NewsDocument>& corpus, CorpusCheck* check) {
  Extraction facts;
  for (const NewsDocument& doc : corpus) {
    ExtractOptions options;
    options.reference_date = doc.reference_date;
    const Status status = extractor.Extract(doc.text, options, &facts);
    check->expected += doc.expected.size();
    if (!status.ok()) {
      check->misses.push_back(doc.id + " " + status.ToString());
      continue;
    }
    for (const ExpectedFact& expected : doc.expected) {
      if (Found(doc.text, facts, expected)) {
        ++check->found;
      } else {
        check->misses.push_back(doc.id + " " +
                                std::string(ExpectedTypeName(expected.type)) +
                                " " + expected.core + " = " + expected.value);
      }
    }
  }
}

}  // namespace factx::bench
