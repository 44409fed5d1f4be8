// The traditional -> simplified table and the in-place fold.
//
// A pair is in the table only when both hold:
//  - ICU's Hant-Hans transliterator maps the traditional character to this
//    simplified one;
//  - the traditional character is not itself a simplified character in common
//    use (it is not in GB2312). So 乾 (乾坤), 著 (著名), 覆 (覆盖) and 於 (a
//    surname) stay as they are.
// One exception, 後: GB2312 encodes it, but simplified text writes 后
// (三年後 -> 三年后). Characters written the same in both scripts (元 兆 年 度
// 季 收 股 ...) need no entry.
#include "text/traditional_chinese.h"

#include <array>
#include <cstddef>
#include <cstdint>

#include "text/utf8.h"

namespace factx::internal {
namespace {

struct TraditionalPair {
  char32_t traditional;
  char32_t simplified;
};

// Grouped by what the characters are for; sorted at compile time below.
// clang-format off
constexpr TraditionalPair kTraditionalPairs[] = {
    // Numerals, scale words and financial (大写) numerals. 叄 is a variant of
    // the capital three; 參 is decided by context (FoldTraditionalChinese).
    {U'億', U'亿'}, {U'萬', U'万'}, {U'兩', U'两'}, {U'倆', U'俩'},
    {U'貳', U'贰'}, {U'叄', U'叁'}, {U'陸', U'陆'}, {U'點', U'点'},
    {U'個', U'个'}, {U'雙', U'双'}, {U'對', U'对'}, {U'幾', U'几'},
    {U'數', U'数'},
    // Qualifiers: 約 (about), 餘/來 (over: 300餘家, 20來個), 僅 (only),
    // 達 (reaching), 過 (exceeding), 將 (will), 較 (compared with),
    // 佔 (accounting for: 佔比).
    {U'約', U'约'}, {U'餘', U'余'}, {U'來', U'来'}, {U'僅', U'仅'},
    {U'達', U'达'}, {U'過', U'过'}, {U'將', U'将'}, {U'較', U'较'},
    {U'佔', U'占'},
    // Counters and units, which tell counts and quantities from money
    // (3.6萬畝 is an area, 5萬噸 a weight, 300餘戶 a count).
    {U'隻', U'只'}, {U'筆', U'笔'}, {U'項', U'项'}, {U'條', U'条'},
    {U'間', U'间'}, {U'戶', U'户'}, {U'輛', U'辆'}, {U'臺', U'台'},
    {U'檯', U'台'}, {U'張', U'张'}, {U'顆', U'颗'}, {U'層', U'层'},
    {U'噸', U'吨'}, {U'畝', U'亩'}, {U'頃', U'顷'}, {U'釐', U'厘'},
    {U'碼', U'码'},
    // Currency names and money words: 圓 (日圓, 韓圓), 塊 (塊錢), 幣 (港幣,
    // 新臺幣, 人民幣), 歐 (歐元), 鎊 (英鎊), 韓 (韓元), 盧 (盧布, 盧比),
    // 門 (澳門元), 銖 (泰銖), 馬/亞 (馬來西亞令吉), 賓 (菲律賓披索),
    // 紐 (紐元), 蘭 (南非蘭特), 羅 (俄羅斯), 爾/納 (第納爾, 里亞爾),
    // 灣 (臺灣), 滬 (滬深), 匯/彙/兌/換 (匯率, 兌換), 帳/賬 (賬面).
    {U'圓', U'圆'}, {U'塊', U'块'}, {U'錢', U'钱'}, {U'幣', U'币'},
    {U'鈔', U'钞'}, {U'貨', U'货'}, {U'匯', U'汇'}, {U'彙', U'汇'},
    {U'兌', U'兑'}, {U'換', U'换'}, {U'價', U'价'}, {U'額', U'额'},
    {U'費', U'费'}, {U'資', U'资'}, {U'銀', U'银'}, {U'帳', U'帐'},
    {U'賬', U'账'}, {U'歐', U'欧'}, {U'鎊', U'镑'}, {U'韓', U'韩'},
    {U'盧', U'卢'}, {U'門', U'门'}, {U'銖', U'铢'}, {U'馬', U'马'},
    {U'亞', U'亚'}, {U'賓', U'宾'}, {U'紐', U'纽'}, {U'蘭', U'兰'},
    {U'羅', U'罗'}, {U'爾', U'尔'}, {U'納', U'纳'}, {U'灣', U'湾'},
    {U'國', U'国'}, {U'際', U'际'}, {U'內', U'内'}, {U'華', U'华'},
    {U'滬', U'沪'},
    // Dates and periods: 週 (週年, 上週), 號 (5號), 曆 (農曆), 時 (時間),
    // 歲, 屆, 節, 禮 (禮拜), 後 (三年後), 當 (當年), 紀 (世紀), 閏 (閏年),
    // 鐘 (點鐘).
    {U'週', U'周'}, {U'號', U'号'}, {U'曆', U'历'}, {U'時', U'时'},
    {U'歲', U'岁'}, {U'屆', U'届'}, {U'節', U'节'}, {U'農', U'农'},
    {U'禮', U'礼'}, {U'後', U'后'}, {U'當', U'当'}, {U'紀', U'纪'},
    {U'閏', U'闰'}, {U'鐘', U'钟'},
    // Results, growth and trade: 總 (總額), 營 (營收), 淨/潤 (淨利潤),
    // 虧/損 (虧損), 銷 (銷售), 業/績 (業績), 產 (產值), 實/現 (實現),
    // 漲/減/擴/縮/長 (漲幅, 增長), 環 (環比), 報/財/稅/審 (財報),
    // 貿/進 (進出口), 統/計/據/顯 (據統計顯示), 變/動/遞/續/漸 (變動),
    // 盤 (收盤), 轉/讓 (轉讓), 負 (負債).
    {U'總', U'总'}, {U'營', U'营'}, {U'淨', U'净'}, {U'潤', U'润'},
    {U'虧', U'亏'}, {U'損', U'损'}, {U'銷', U'销'}, {U'業', U'业'},
    {U'績', U'绩'}, {U'務', U'务'}, {U'產', U'产'}, {U'發', U'发'},
    {U'實', U'实'}, {U'現', U'现'}, {U'漲', U'涨'}, {U'減', U'减'},
    {U'擴', U'扩'}, {U'縮', U'缩'}, {U'長', U'长'}, {U'環', U'环'},
    {U'場', U'场'}, {U'廠', U'厂'}, {U'員', U'员'}, {U'報', U'报'},
    {U'財', U'财'}, {U'稅', U'税'}, {U'會', U'会'}, {U'審', U'审'},
    {U'貿', U'贸'}, {U'進', U'进'}, {U'製', U'制'}, {U'統', U'统'},
    {U'計', U'计'}, {U'據', U'据'}, {U'顯', U'显'}, {U'變', U'变'},
    {U'動', U'动'}, {U'遞', U'递'}, {U'續', U'续'}, {U'漸', U'渐'},
    {U'盤', U'盘'}, {U'轉', U'转'}, {U'讓', U'让'}, {U'負', U'负'},
    // Investment and financing: 債/貸 (債券, 貸款), 專 (專項), 併/購 (併購),
    // 籌 (籌資), 認 (認購), 領 (領投), 輪 (A輪), 戰 (戰略投資),
    // 權/東 (股權, 股東), 證 (證券), 創/風/險 (創投, 風險投資),
    // 擬 (擬投資), 撥/補/貼/獎/勵 (撥款, 補貼), 庫/儲/備 (國庫, 儲備),
    // 紅 (分紅), 簽/協/議/訂/單 (簽約, 協議, 訂單), 託 (信託), 團 (集團),
    // 機/構 (機構), 結/劃/預/規 (結構, 計劃, 預計, 規模).
    {U'債', U'债'}, {U'貸', U'贷'}, {U'專', U'专'}, {U'結', U'结'},
    {U'構', U'构'}, {U'劃', U'划'}, {U'預', U'预'}, {U'規', U'规'},
    {U'併', U'并'}, {U'並', U'并'}, {U'購', U'购'}, {U'買', U'买'},
    {U'賣', U'卖'}, {U'籌', U'筹'}, {U'認', U'认'}, {U'領', U'领'},
    {U'輪', U'轮'}, {U'戰', U'战'}, {U'權', U'权'}, {U'東', U'东'},
    {U'證', U'证'}, {U'創', U'创'}, {U'風', U'风'}, {U'險', U'险'},
    {U'擬', U'拟'}, {U'撥', U'拨'}, {U'補', U'补'}, {U'貼', U'贴'},
    {U'獎', U'奖'}, {U'勵', U'励'}, {U'庫', U'库'}, {U'儲', U'储'},
    {U'備', U'备'}, {U'運', U'运'}, {U'種', U'种'}, {U'佈', U'布'},
    {U'經', U'经'}, {U'濟', U'济'}, {U'紅', U'红'}, {U'簽', U'签'},
    {U'協', U'协'}, {U'議', U'议'}, {U'託', U'托'}, {U'訂', U'订'},
    {U'單', U'单'}, {U'團', U'团'}, {U'機', U'机'}, {U'關', U'关'},
    {U'開', U'开'}, {U'設', U'设'}, {U'賠', U'赔'}, {U'償', U'偿'},
    {U'貢', U'贡'}, {U'獻', U'献'}, {U'標', U'标'}, {U'準', U'准'},
    {U'聯', U'联'}, {U'積', U'积'},
    // Function words inside these phrases: 與 (與去年相比), 為/爲 (為3億元),
    // 這, 該, 們, 從 (從5億增至8億).
    {U'與', U'与'}, {U'為', U'为'}, {U'爲', U'为'}, {U'這', U'这'},
    {U'該', U'该'}, {U'們', U'们'}, {U'從', U'从'},
};

// 參 is 参 in words (參與, 參股, 參加) and the capital numeral 叁 among
// numerals (參萬元, 壹佰參拾, 貳拾參). It reads as the numeral when the
// character after it is a capital numeral, a scale word or a money unit, or
// the character before it is a capital numeral. A scale word before it does
// not count: 1萬參與者 is "10,000 participants".
constexpr char32_t kCapitalNumerals[] = {
    U'零', U'壹', U'貳', U'贰', U'參', U'叁', U'叄', U'肆', U'伍',
    U'陸', U'陆', U'柒', U'捌', U'玖', U'拾', U'佰', U'仟',
};
constexpr char32_t kScaleAndMoneyUnits[] = {
    U'萬', U'万', U'億', U'亿', U'圓', U'圆', U'元', U'角', U'分', U'整',
};
// clang-format on

constexpr std::size_t kPairCount =
    sizeof(kTraditionalPairs) / sizeof(kTraditionalPairs[0]);

constexpr std::array<TraditionalPair, kPairCount> SortedByTraditional() {
  std::array<TraditionalPair, kPairCount> sorted{};
  for (std::size_t i = 0; i < kPairCount; ++i) {
    std::size_t j = i;
    while (j > 0 &&
           sorted[j - 1].traditional > kTraditionalPairs[i].traditional) {
      sorted[j] = sorted[j - 1];
      --j;
    }
    sorted[j] = kTraditionalPairs[i];
  }
  return sorted;
}

constexpr std::array<TraditionalPair, kPairCount> kSortedPairs =
    SortedByTraditional();

// Both sides must be 3-byte UTF-8 Han characters (Extension A or the basic
// block), or the fold would move offsets.
constexpr bool IsThreeByteHan(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }

constexpr bool TableIsWellFormed() {
  for (std::size_t i = 0; i < kPairCount; ++i) {
    const TraditionalPair& pair = kSortedPairs[i];
    if (!IsThreeByteHan(pair.traditional) || !IsThreeByteHan(pair.simplified) ||
        pair.traditional == pair.simplified || pair.traditional == U'參') {
      return false;
    }
    // Each traditional character once.
    if (i > 0 && kSortedPairs[i - 1].traditional == pair.traditional) {
      return false;
    }
    // Folding twice changes nothing: no simplified character is itself folded.
    for (const TraditionalPair& other : kSortedPairs) {
      if (other.traditional == pair.simplified) return false;
    }
  }
  return true;
}
static_assert(TableIsWellFormed(),
              "kTraditionalPairs: duplicate, identity, chained, 參 or "
              "non-3-byte entry");

// One bit per code point of U+3400..U+9FFF, set for the traditional characters
// of the table: most Han characters are not in it, and a bit test turns them
// away faster than the binary search.
constexpr char32_t kBitmapFirst = 0x3400;
constexpr std::size_t kBitmapWords = (0x9FFF - kBitmapFirst) / 64 + 1;

constexpr std::array<std::uint64_t, kBitmapWords> BuildTraditionalBitmap() {
  std::array<std::uint64_t, kBitmapWords> bitmap{};
  for (const TraditionalPair& pair : kTraditionalPairs) {
    const std::size_t bit = pair.traditional - kBitmapFirst;
    bitmap[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  return bitmap;
}

constexpr std::array<std::uint64_t, kBitmapWords> kTraditionalBitmap =
    BuildTraditionalBitmap();
static_assert(kBitmapFirst == kMayFoldFirst &&
              kBitmapWords == kMayFoldBits.size());

bool InTable(char32_t c) {
  if (!IsThreeByteHan(c)) return false;
  const std::size_t bit = c - kBitmapFirst;
  return ((kTraditionalBitmap[bit / 64] >> (bit % 64)) & 1) != 0;
}

template <std::size_t N>
bool Contains(const char32_t (&set)[N], char32_t c) {
  for (const char32_t member : set) {
    if (member == c) return true;
  }
  return false;
}

// Decodes the 3-byte sequence at `p` (lead byte E0-EF, well-formed).
char32_t DecodeThreeBytes(const char* p) {
  const auto byte = [p](int i) {
    return static_cast<char32_t>(static_cast<unsigned char>(p[i]));
  };
  return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
}

void EncodeThreeBytes(char32_t c, char* p) {
  p[0] = static_cast<char>(0xE0 | (c >> 12));
  p[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  p[2] = static_cast<char>(0x80 | (c & 0x3F));
}

}  // namespace

char32_t SimplifiedForm(char32_t c) {
  if (!InTable(c)) return c;
  std::size_t low = 0;
  std::size_t high = kPairCount;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (kSortedPairs[middle].traditional < c) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return kSortedPairs[low].simplified;  // InTable: it is there
}

constexpr std::array<std::uint64_t, kBitmapWords> kMayFoldBits = [] {
  std::array<std::uint64_t, kBitmapWords> bits = kTraditionalBitmap;
  const std::size_t can = U'參' - kBitmapFirst;
  bits[can / 64] |= std::uint64_t{1} << (can % 64);
  return bits;
}();

void FoldTraditionalChinese(std::string* text) {
  char* data = text->data();
  const std::size_t size = text->size();
  char32_t previous = 0;  // the code point before `pos` if 3-byte, else 0
  std::size_t pos = 0;
  while (pos < size) {
    const auto lead = static_cast<unsigned char>(data[pos]);
    if (lead < 0x80) {
      previous = 0;
      pos += AsciiPrefixLength(std::string_view(data + pos, size - pos));
      continue;
    }
    const std::size_t length = Utf8SequenceLength(lead);
    if (length != 3 || pos + 3 > size) {
      previous = 0;
      pos += length;
      continue;
    }
    const char32_t c = DecodeThreeBytes(data + pos);
    char32_t folded = c;
    if (c == U'參') {
      char32_t next = 0;
      if (pos + 6 <= size &&
          Utf8SequenceLength(static_cast<unsigned char>(data[pos + 3])) == 3) {
        next = DecodeThreeBytes(data + pos + 3);
      }
      const bool is_numeral = Contains(kCapitalNumerals, previous) ||
                              Contains(kCapitalNumerals, next) ||
                              Contains(kScaleAndMoneyUnits, next);
      folded = is_numeral ? U'叁' : U'参';
    } else if (InTable(c)) {
      folded = SimplifiedForm(c);
    }
    if (folded != c) EncodeThreeBytes(folded, data + pos);
    previous = c;
    pos += 3;
  }
}

}  // namespace factx::internal
