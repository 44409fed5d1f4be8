// The pipeline: validate and normalize (with an offset map), find rule
// candidates, build each candidate's value, keep the best of overlapping
// candidates, resolve dates in text order, type investments, and map every span
// back to the caller's bytes. docs/pipeline.md explains each step.
#include "factx/extractor.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "dates/date_parse.h"
#include "dates/date_resolver.h"
#include "engine/builtin_rules.h"
#include "engine/rule_engine.h"
#include "engine/rule_file.h"
#include "facts/investment_typer.h"
#include "facts/money_builder.h"
#include "facts/percent_builder.h"
#include "rule_schema.h"
#include "text/document.h"
#include "text/text_normalizer.h"

namespace factx {
namespace internal {

// A candidate whose value was built: what it is, and where its value is kept.
struct BuiltCandidate {
  std::uint32_t candidate = 0;  // index in RuleScratch::candidates
  RuleKind kind = RuleKind::kBlock;
  std::uint32_t value = 0;  // index in the Scratch list of its kind
};

struct Scratch {
  NormalizedText normalized;
  // The clauses, sentences and paragraphs of `normalized`, built once per
  // call; every later step reads them.
  Document document;
  RuleScratch rules;
  std::vector<Money> money;
  std::vector<Percentage> percentages;
  std::vector<DateParse> dates;
  std::vector<BuiltCandidate> built;
  std::vector<std::uint32_t> order;    // indices into `built`, best first
  std::vector<unsigned char> claimed;  // one flag per byte of the segment
  std::vector<Money>
      accepted_money;  // normalized spans, for the investment typer

  // What one segment of the text (RuleEngine::SegmentEnd) uses.
  void ClearSegment() {
    rules.candidates.clear();
    rules.groups.clear();
    money.clear();
    percentages.clear();
    dates.clear();
    built.clear();
    order.clear();
  }
};

void ScratchDeleter::operator()(Scratch* scratch) const { delete scratch; }

}  // namespace internal

class Extractor::Impl {
 public:
  internal::TextNormalizer normalizer;
  std::unique_ptr<internal::RuleEngine> engine;
  // Indexes the investment tables of `engine`'s rules once, for every call.
  internal::InvestmentTyper investment_typer;
  // The tables of `engine`'s rules that BuildMoney reads, indexed once.
  internal::MoneyTables money_tables;
  // Which date capture names each of `engine`'s rules has, for ParseDate.
  internal::DateCaptureIndex date_captures;
  // Indexes the tense tables of `engine`'s rules once, for ParseDate.
  internal::TenseCues tense_cues;

  Impl(internal::TextNormalizer n, std::unique_ptr<internal::RuleEngine> e)
      : normalizer(std::move(n)),
        engine(std::move(e)),
        investment_typer(engine->tables()),
        money_tables(engine->tables()),
        date_captures(*engine),
        tense_cues(engine->tables()) {}
};

namespace {

using internal::BuiltCandidate;
using internal::RuleKind;
using internal::Scratch;

constexpr unsigned KindBit(RuleKind kind) {
  return 1u << static_cast<unsigned>(kind);
}

// Which rule kinds a call needs: block rules always, since they keep non-facts
// out.
unsigned RuleKindMask(unsigned kinds) {
  unsigned mask = KindBit(RuleKind::kBlock);
  if (kinds & (kMoney | kInvestment)) mask |= KindBit(RuleKind::kMoney);
  if (kinds & kPercentage) mask |= KindBit(RuleKind::kPercent);
  if (kinds & kDate) mask |= KindBit(RuleKind::kDate);
  return mask;
}

// Builds the value of every candidate; drops those whose text does not make a
// valid fact.
void BuildCandidates(const internal::RuleEngine& engine,
                     const internal::MoneyTables& money_tables,
                     const internal::DateCaptureIndex& date_captures,
                     const internal::TenseCues& tense_cues, Scratch* s) {
  const internal::RuleTables tables = engine.tables();
  const auto& candidates = s->rules.candidates;
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const internal::Candidate& candidate = candidates[i];
    const RuleKind kind = engine.rule(candidate.rule).spec().kind;
    const internal::RuleMatch match =
        engine.MatchOf(s->document, candidate, s->rules);
    BuiltCandidate built{i, kind, 0};
    switch (kind) {
      case RuleKind::kMoney: {
        Money money;
        if (!internal::BuildMoney(match, money_tables, &money)) continue;
        money.span = Span{candidate.begin, candidate.end};
        money.rule = candidate.rule;
        built.value = static_cast<std::uint32_t>(s->money.size());
        s->money.push_back(money);
        break;
      }
      case RuleKind::kPercent: {
        Percentage percentage;
        if (!internal::BuildPercentage(match, tables, &percentage)) continue;
        percentage.span = Span{candidate.begin, candidate.end};
        percentage.rule = candidate.rule;
        built.value = static_cast<std::uint32_t>(s->percentages.size());
        s->percentages.push_back(percentage);
        break;
      }
      case RuleKind::kDate: {
        internal::DateParse date;
        if (!internal::ParseDate(match, tables,
                                 date_captures.ForRule(candidate.rule),
                                 tense_cues, &date)) {
          continue;
        }
        built.value = static_cast<std::uint32_t>(s->dates.size());
        s->dates.push_back(std::move(date));
        break;
      }
      case RuleKind::kBlock:
        break;
    }
    s->built.push_back(built);
  }
}

// Keeps the best of overlapping candidates of the segment text[begin, end):
// longer first, then higher priority, then leftmost. Block candidates take part
// and win their spans like any other.
void DropOverlaps(const internal::RuleEngine& engine, std::size_t begin,
                  std::size_t end, Scratch* s) {
  const auto& candidates = s->rules.candidates;
  s->order.resize(s->built.size());
  for (std::uint32_t i = 0; i < s->order.size(); ++i) s->order[i] = i;
  std::sort(
      s->order.begin(), s->order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const internal::Candidate& x = candidates[s->built[a].candidate];
        const internal::Candidate& y = candidates[s->built[b].candidate];
        const std::size_t x_size = x.end - x.begin, y_size = y.end - y.begin;
        if (x_size != y_size) return x_size > y_size;
        const int x_priority = engine.rule(x.rule).spec().priority;
        const int y_priority = engine.rule(y.rule).spec().priority;
        if (x_priority != y_priority) return x_priority > y_priority;
        if (x.begin != y.begin) return x.begin < y.begin;
        return x.rule < y.rule;
      });
  s->claimed.assign(end - begin, 0);
  std::size_t kept = 0;
  for (std::uint32_t index : s->order) {
    const internal::Candidate& c = candidates[s->built[index].candidate];
    bool free = true;
    for (std::size_t i = c.begin; i < c.end; ++i) {
      if (s->claimed[i - begin]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    std::fill(s->claimed.begin() + (c.begin - begin),
              s->claimed.begin() + (c.end - begin), 1);
    s->order[kept++] = index;
  }
  s->order.resize(kept);
  std::sort(s->order.begin(), s->order.end(),
            [&](std::uint32_t a, std::uint32_t b) {
              return candidates[s->built[a].candidate].begin <
                     candidates[s->built[b].candidate].begin;
            });
}

// Counts one more reported fact; false when max_facts were already reported,
// so this fact is one too many.
bool CountFact(const ExtractOptions& options, std::size_t* fact_count) {
  if (*fact_count >= options.max_facts) return false;
  ++*fact_count;
  return true;
}

// Appends the kept facts of a segment to *out in text order, resolving dates;
// false when a fact was found past max_facts. Only reported facts count: a
// money amount kept only for the investment typer, a block candidate or a date
// that does not resolve is not one.
bool EmitFacts(Scratch& s, const ExtractOptions& options,
               internal::DateResolver* resolver, std::size_t* fact_count,
               Extraction* out) {
  for (std::uint32_t index : s.order) {
    const BuiltCandidate& built = s.built[index];
    const internal::Candidate& candidate = s.rules.candidates[built.candidate];
    switch (built.kind) {
      case RuleKind::kMoney:
        if (options.kinds & kMoney) {
          if (!CountFact(options, fact_count)) return false;
          out->money.push_back(s.money[built.value]);
        }
        s.accepted_money.push_back(s.money[built.value]);
        break;
      case RuleKind::kPercent:
        if (!CountFact(options, fact_count)) return false;
        out->percentages.push_back(s.percentages[built.value]);
        break;
      case RuleKind::kDate: {
        DateExpr date;
        if (!resolver->Resolve(s.dates[built.value], &date)) break;
        if (!CountFact(options, fact_count)) return false;
        date.span = Span{candidate.begin, candidate.end};
        date.rule = candidate.rule;
        out->dates.push_back(date);
        break;
      }
      case RuleKind::kBlock:
        break;
    }
  }
  return true;
}

void MapSpan(const internal::NormalizedText& normalized, Span* span) {
  *span = normalized.ToOriginal(span->begin, span->end);
}

}  // namespace

void Extraction::Clear() {
  money.clear();
  percentages.clear();
  dates.clear();
  investments.clear();
}

Result<Extractor> Extractor::Create(const ExtractorOptions& options) {
  internal::RuleSet rules;
  // The built-in rules' shapes, derived when the library was built, so that
  // building the engine compiles none of their patterns.
  std::vector<std::string> shaped_names;
  std::vector<internal::RuleShape> shapes;
  if (options.builtin_rules) {
    if (Status status = internal::LoadBuiltinRules(&rules); !status.ok())
      return status;
    if (!internal::BuiltinRuleShapes(&shaped_names, &shapes) ||
        shaped_names.size() != rules.rules.size() ||
        !std::equal(
            shaped_names.begin(), shaped_names.end(), rules.rules.begin(),
            [](const std::string& name, const internal::RuleSpec& rule) {
              return name == rule.name;
            })) {
      return Status(StatusCode::kInternal,
                    "the built-in rule shapes are not those of the built-in "
                    "rules (rebuild the library)");
    }
  }
  // The built-in rules were verified when the library was built.
  const std::size_t builtin_rule_count = rules.rules.size();
  std::vector<std::pair<std::string, std::size_t>> builtin_table_sizes;
  for (const auto& [name, table] : rules.tables)
    builtin_table_sizes.emplace_back(name, table.entries.size());
  for (std::size_t i = 0; i < options.extra_rules.size(); ++i) {
    Status status = internal::ParseRuleText(
        options.extra_rules[i], "custom-rules-" + std::to_string(i + 1),
        &rules);
    if (!status.ok()) return status;
  }
  // Custom rules that add words to a built-in table change the patterns of the
  // built-in rules that use it, and so their shapes: then derive them all.
  const bool builtin_tables_grew = std::any_of(
      builtin_table_sizes.begin(), builtin_table_sizes.end(),
      [&](const auto& table) {
        return rules.tables.find(table.first)->second.entries.size() !=
               table.second;
      });
  Result<std::unique_ptr<internal::RuleEngine>> engine =
      internal::RuleEngine::Build(std::move(rules), builtin_rule_count,
                                  builtin_tables_grew ? nullptr : &shapes);
  if (!engine.ok()) return engine.status();
  if (Status status = internal::CheckRuleSchema(**engine); !status.ok())
    return status;
  Result<internal::TextNormalizer> normalizer =
      internal::TextNormalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  return Extractor(std::make_shared<const Impl>(std::move(normalizer).value(),
                                                std::move(engine).value()));
}

Result<Extractor> Extractor::FromRules(std::string_view rule_text) {
  ExtractorOptions options;
  options.builtin_rules = false;
  options.extra_rules.emplace_back(rule_text);
  return Create(options);
}

std::string_view Extractor::rule_name(RuleId id) const {
  if (id >= impl_->engine->size()) return {};
  return impl_->engine->rule(id).spec().name;
}

std::size_t Extractor::rule_count() const { return impl_->engine->size(); }

Status Extractor::Extract(std::string_view text, const ExtractOptions& options,
                          Extraction* out) const {
  out->Clear();
  if (text.size() > options.max_input_bytes) {
    return Status(StatusCode::kResourceExhausted,
                  "input of " + std::to_string(text.size()) +
                      " bytes exceeds max_input_bytes (" +
                      std::to_string(options.max_input_bytes) + ")");
  }
  if (options.reference_date && !options.reference_date->IsValid()) {
    const CivilDate& d = *options.reference_date;
    return Status(StatusCode::kInvalidArgument,
                  "reference date " + std::to_string(d.year) + "-" +
                      std::to_string(d.month) + "-" + std::to_string(d.day) +
                      " is not a calendar day");
  }
  if ((options.languages & ~static_cast<unsigned>(kAllLanguages)) != 0) {
    return Status(
        StatusCode::kInvalidArgument,
        "unknown bits in languages: " + std::to_string(options.languages));
  }
  if (!out->scratch_) out->scratch_.reset(new Scratch());
  Scratch& s = *out->scratch_;
  s.accepted_money.clear();

  Status status = impl_->normalizer.Normalize(
      text, options.replace_invalid_utf8, &s.normalized);
  if (!status.ok()) return status;
  const std::string_view normalized = s.normalized.text();
  const internal::RuleEngine& engine = *impl_->engine;

  // Segment by segment, so that the candidates kept at once are bounded
  // whatever the text's size; emitted in text order, where dates resolve,
  // since 同年 and 次年 read the dates before them.
  internal::DateResolver resolver(options.reference_date, options.date_policy);
  std::size_t fact_count = 0;
  bool exhausted = false;
  const unsigned kind_mask = RuleKindMask(options.kinds);
  // No RuleEngine::MayMatch first: its pass over the whole text stopped few
  // calls (date words let some rule through in most prose, figures or not) and
  // otherwise repeated the segments' own (docs/pipeline.md, "Matching").
  s.document.Build(normalized);
  for (std::size_t begin = 0; !exhausted && begin < normalized.size();) {
    const std::size_t end = internal::RuleEngine::SegmentEnd(s.document, begin);
    s.ClearSegment();
    engine.FindCandidates(s.document, begin, end, kind_mask, options.languages,
                          &s.rules);
    BuildCandidates(engine, impl_->money_tables, impl_->date_captures,
                    impl_->tense_cues, &s);
    DropOverlaps(engine, begin, end, &s);
    exhausted = !EmitFacts(s, options, &resolver, &fact_count, out);
    begin = end;
  }
  if ((options.kinds & kInvestment) && !s.accepted_money.empty()) {
    impl_->investment_typer.Find(s.document, s.accepted_money,
                                 &out->investments);
    const std::size_t room =
        options.max_facts - std::min(options.max_facts, fact_count);
    if (out->investments.size() > room) {
      out->investments.resize(room);
      exhausted = true;
    }
  }

  const internal::NormalizedText& map = s.normalized;
  for (Money& money : out->money) MapSpan(map, &money.span);
  for (Percentage& percentage : out->percentages)
    MapSpan(map, &percentage.span);
  for (DateExpr& date : out->dates) MapSpan(map, &date.span);
  for (Investment& investment : out->investments) {
    MapSpan(map, &investment.span);
    MapSpan(map, &investment.trigger);
    MapSpan(map, &investment.money.span);
    if (investment.investor) MapSpan(map, &*investment.investor);
    if (investment.target) MapSpan(map, &*investment.target);
  }
  if (exhausted) {
    return Status(StatusCode::kResourceExhausted,
                  "more than max_facts (" + std::to_string(options.max_facts) +
                      ") facts; the first ones are kept");
  }
  return Status();
}

}  // namespace factx
