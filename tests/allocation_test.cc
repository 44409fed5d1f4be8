// A reused Extraction performs no allocation in steady state: a counting
// allocator (operator new for C++, u_setMemoryFunctions for ICU) counts every
// allocation made during Extract calls after a warm-up on the same texts.
//
// RE2 is the one exception, and the test names it rather than hiding it: its
// capture engine (NFA) and RE2::Set::Match build their scratch space on the
// heap for each search and free it before returning. Those allocations are
// told apart by the stack: any frame in libre2's shared object. A self-check
// proves the attribution works before it is relied on.
#include <dlfcn.h>
#include <execinfo.h>
#include <gtest/gtest.h>
#include <unicode/uclean.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "factx/extractor.h"
#include "re2/re2.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define FACTX_SANITIZER_OWNS_OPERATOR_NEW 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define FACTX_SANITIZER_OWNS_OPERATOR_NEW 1
#endif

namespace {

// Who asked for memory while counting.
struct AllocationCounts {
  std::atomic<std::size_t> factx{0};  // factx, the C++ library on its behalf
  std::atomic<std::size_t> re2{0};    // a frame in libre2 (transient scratch)
  std::atomic<std::size_t> icu{0};    // ICU's own allocator

  void Reset() {
    factx = 0;
    re2 = 0;
    icu = 0;
  }
};

std::atomic<bool> counting{false};
AllocationCounts counts;
thread_local bool inside_counter = false;

bool CalledFromRe2() {
  void* frames[64];
  const int depth = backtrace(frames, 64);
  for (int i = 0; i < depth; ++i) {
    Dl_info info;
    if (dladdr(frames[i], &info) != 0 && info.dli_fname != nullptr &&
        std::strstr(info.dli_fname, "libre2") != nullptr) {
      return true;
    }
  }
  return false;
}

void Count() {
  if (!counting.load(std::memory_order_relaxed) || inside_counter) return;
  inside_counter = true;
  if (CalledFromRe2()) {
    ++counts.re2;
  } else {
    ++counts.factx;
  }
  inside_counter = false;
}

const void* IcuAlloc(const void*, std::size_t size) {
  if (counting.load(std::memory_order_relaxed)) ++counts.icu;
  return std::malloc(size == 0 ? 1 : size);
}
void* IcuRealloc(const void*, void* block, std::size_t size) {
  if (counting.load(std::memory_order_relaxed)) ++counts.icu;
  return std::realloc(block, size == 0 ? 1 : size);
}
void IcuFree(const void*, void* block) { std::free(block); }

// ICU accepts its allocator only before it first allocates: set it while
// static objects are built, before main().
const bool icu_allocator_set = [] {
  UErrorCode code = U_ZERO_ERROR;
  u_setMemoryFunctions(nullptr, reinterpret_cast<UMemAllocFn*>(&IcuAlloc),
                       reinterpret_cast<UMemReallocFn*>(&IcuRealloc),
                       reinterpret_cast<UMemFreeFn*>(&IcuFree), &code);
  // backtrace() loads its unwinder on first use, which allocates: not while
  // counting.
  void* frame[1];
  backtrace(frame, 1);
  return U_SUCCESS(code);
}();

void* Allocate(std::size_t size) {
  Count();
  void* block = std::malloc(size == 0 ? 1 : size);
  if (block == nullptr) throw std::bad_alloc();
  return block;
}

void* AllocateAligned(std::size_t size, std::align_val_t alignment) {
  Count();
  const std::size_t align = static_cast<std::size_t>(alignment);
  void* block = std::aligned_alloc(align, (size + align - 1) / align * align);
  if (block == nullptr) throw std::bad_alloc();
  return block;
}

}  // namespace

#ifndef FACTX_SANITIZER_OWNS_OPERATOR_NEW
void* operator new(std::size_t size) { return Allocate(size); }
void* operator new[](std::size_t size) { return Allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  Count();
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  Count();
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new(std::size_t size, std::align_val_t alignment) {
  return AllocateAligned(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return AllocateAligned(size, alignment);
}
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, std::size_t) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t) noexcept { std::free(block); }
void operator delete(void* block, std::align_val_t) noexcept {
  std::free(block);
}
void operator delete[](void* block, std::align_val_t) noexcept {
  std::free(block);
}
void operator delete(void* block, std::size_t, std::align_val_t) noexcept {
  std::free(block);
}
void operator delete[](void* block, std::size_t, std::align_val_t) noexcept {
  std::free(block);
}
#endif

namespace factx {
namespace {

const Extractor& BuiltIn() {
  static const Extractor* extractor = [] {
    Result<Extractor> built = Extractor::Create();
    EXPECT_TRUE(built.ok()) << built.status().ToString();
    return new Extractor(std::move(built).value());
  }();
  return *extractor;
}

// Our own news-like texts: every fact type, full-width digits and a
// traditional numeral (so normalization edits the text), English, a text
// without figures, ill-formed UTF-8 read in replace mode, and an empty one.
const std::vector<std::string>& Texts() {
  static const auto* texts = new std::vector<std::string>{
      "（2021年3月8日）今年1月至2月，全市工业投资同比增长１２.５％，"
      "新签约项目总投资超过４５０億元，其中外资3.2亿美元。",
      "该公司完成B轮融资近8000万元，上半年营收增长三成，毛利率提高2个百分点。",
      "Revenue rose 12 percent to $4.5 billion in the second quarter of 2021, "
      "and the group plans to invest US$800 million by 2025.",
      "会议强调，要持续优化营商环境，推动产业链上下游协同发展。",
      "去年同期投资3亿至5亿元\xFF，同年11月增长5%左右。",
      "",
  };
  return *texts;
}

struct Tally {
  std::size_t factx = 0, re2 = 0, icu = 0;
};

// Extracts every text `rounds` times into `facts`, counting allocations.
Tally CountWhileExtracting(Extraction* facts, int rounds) {
  ExtractOptions options;
  options.reference_date = CivilDate{2021, 3, 8};
  options.replace_invalid_utf8 = true;
  const Extractor& extractor = BuiltIn();  // built before counting starts
  counts.Reset();
  counting = true;
  for (int round = 0; round < rounds; ++round) {
    for (const std::string& text : Texts()) {
      const Status status = extractor.Extract(text, options, facts);
      if (!status.ok()) ADD_FAILURE() << status.ToString();
    }
  }
  counting = false;
  return Tally{counts.factx.load(), counts.re2.load(), counts.icu.load()};
}

bool CanCount() {
#ifdef FACTX_SANITIZER_OWNS_OPERATOR_NEW
  return false;
#else
  return icu_allocator_set;
#endif
}

TEST(AllocationTest, CounterSeesAllocationsAndTellsRe2Apart) {
  if (!CanCount()) GTEST_SKIP() << "a sanitizer owns operator new here";
  counts.Reset();
  counting = true;
  std::string* here = new std::string(100, 'x');  // ours
  RE2 regex("(?P<a>[0-9]+)(?:亿|万)?(?P<b>元|美元)");
  re2::StringPiece groups[3];
  const bool matched =
      regex.Match("投资300亿元", 0, 15, RE2::UNANCHORED, groups, 3);
  counting = false;
  delete here;
  EXPECT_TRUE(matched);
  EXPECT_GE(counts.factx.load(), 1u);
  if (counts.re2.load() == 0) {
    GTEST_SKIP() << "RE2 is linked statically: its allocations cannot be told "
                    "apart by their stack";
  }
}

TEST(AllocationTest, ReusedExtractionAllocatesNothingInSteadyState) {
  if (!CanCount()) GTEST_SKIP() << "a sanitizer owns operator new here";
  Extraction facts;
  // Warm-up: the Extraction grows its buffers to the largest text, RE2 builds
  // the DFA states these texts reach.
  CountWhileExtracting(&facts, 2);
  const Tally steady = CountWhileExtracting(&facts, 5);
  EXPECT_EQ(steady.factx, 0u) << "factx allocated in steady state";
  EXPECT_EQ(steady.icu, 0u) << "ICU allocated in steady state";
  // RE2's transient search scratch, for the record (it frees all of it).
  RecordProperty("re2_transient_allocations", static_cast<int>(steady.re2));
}

TEST(AllocationTest, TextWithoutFiguresAllocatesNothingAtAll) {
  if (!CanCount()) GTEST_SKIP() << "a sanitizer owns operator new here";
  Extraction facts;
  const std::string text =
      "业内人士认为，产业链上下游协同发展的格局正在加快形成。"
      "Officials said they would keep improving the business environment.";
  ASSERT_TRUE(BuiltIn().Extract(text, ExtractOptions(), &facts).ok());
  counts.Reset();
  counting = true;
  for (int i = 0; i < 10; ++i) {
    const Status status = BuiltIn().Extract(text, ExtractOptions(), &facts);
    EXPECT_TRUE(status.ok()) << status.ToString();
  }
  counting = false;
  EXPECT_EQ(facts.size(), 0u);
  EXPECT_EQ(counts.factx.load(), 0u);
  EXPECT_EQ(counts.icu.load(), 0u);
  // Nor does RE2: the prefilter, whose atoms such text lacks, runs no RE2
  // code (rule_engine.h).
  EXPECT_EQ(counts.re2.load(), 0u);
}

TEST(AllocationTest, FirstCallAllocatesSoTheCounterIsNotBlind) {
  if (!CanCount()) GTEST_SKIP() << "a sanitizer owns operator new here";
  Extraction fresh;
  const Tally first = CountWhileExtracting(&fresh, 1);
  EXPECT_GT(first.factx, 0u) << "a new Extraction must allocate its buffers";
}

}  // namespace
}  // namespace factx
