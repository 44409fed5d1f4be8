#include "engine/token_dfa.h"

#include <algorithm>
#include <utility>

#include "engine/token_matcher.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {

TokenDfa::Table::Table(std::size_t size)
    : mask(size - 1), slots(new std::atomic<std::uint64_t>[size]) {
  for (std::size_t i = 0; i < size; ++i) {
    slots[i].store(0, std::memory_order_relaxed);
  }
}

namespace {

std::size_t SlotOf(std::uint64_t key, std::size_t mask) {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15u) >> 40) & mask;
}

}  // namespace

TokenDfa::TokenDfa(const TokenMatcher* matcher) : matcher_(matcher) {
  for (const TokenMatcher::Instruction& instruction : matcher_->program_) {
    if (instruction.op != TokenMatcher::Op::kAssert) continue;
    if (instruction.arg == TokenMatcher::kBeginText) {
      context_mask_ |= kAtTextStart;
    } else if (instruction.arg != TokenMatcher::kEndText) {
      context_mask_ |= kAfterWordChar;
    }
  }
}

TokenDfa::~TokenDfa() = default;

TokenDfa::Result TokenDfa::LongestFrom(std::string_view text, std::size_t start,
                                       std::size_t* end,
                                       std::size_t* steps) const {
  if (gave_up_.load(std::memory_order_relaxed)) return Result::kGaveUp;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::uint8_t context =
      ((start > 0 && IsAsciiWordChar(bytes[start - 1])) ? kAfterWordChar : 0) |
      (start == 0 ? kAtTextStart : 0);
  std::atomic<std::uint32_t>& start_state =
      start_states_[context & context_mask_];
  std::uint32_t state = start_state.load(std::memory_order_acquire);
  if (state == 0) {
    const std::lock_guard<std::mutex> lock(mutex_);
    state = StateOf(
        StateKey{{0}, static_cast<std::uint8_t>(context & context_mask_)});
    if (state == kNoState) return Result::kGaveUp;
    start_state.store(state, std::memory_order_release);
  }
  bool matched = false;
  std::size_t pos = start;
  for (;;) {
    std::size_t length = 0;
    std::uint64_t code = kEndOfText;
    if (pos < text.size()) {
      length = 1;
      code = DecodeWellFormedUtf8(bytes, pos, &length) + std::uint64_t{1};
    }
    const std::uint64_t value = Transition(state, code);
    if (value == kGaveUpValue) return Result::kGaveUp;
    if ((value & 1) != 0) {  // a match ends before the code point
      matched = true;
      *end = pos;
    }
    state = static_cast<std::uint32_t>(value >> 1);
    if (state == 0 || length == 0) break;
    pos += length;
    ++*steps;
  }
  return matched ? Result::kMatch : Result::kNoMatch;
}

std::uint64_t TokenDfa::Transition(std::uint32_t state,
                                   std::uint64_t code) const {
  const std::uint64_t key = KeyOf(state, code);
  const Table* table = table_.load(std::memory_order_acquire);
  if (table != nullptr) {
    for (std::size_t i = SlotOf(key, table->mask);; i = (i + 1) & table->mask) {
      const std::uint64_t slot =
          table->slots[i].load(std::memory_order_acquire);
      if (slot == 0) break;
      if ((slot & kKeyMask) == key) return slot & ~kKeyMask;
    }
  }
  return MakeTransition(state, code);
}

std::uint64_t TokenDfa::MakeTransition(std::uint32_t state,
                                       std::uint64_t code) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (gave_up_.load(std::memory_order_relaxed)) return kGaveUpValue;
  // The closure of the kernel with `code` next: the instructions that read
  // it, and whether the match is among them.
  const StateKey& from = *states_[state - 1];
  const bool at_end = code == kEndOfText;
  const char32_t c = at_end ? 0 : static_cast<char32_t>(code - 1);
  const bool word_before = (from.context & kAfterWordChar) != 0;
  const bool word_after = !at_end && IsAsciiWordChar(c);
  const std::vector<TokenMatcher::Instruction>& program = matcher_->program_;
  if (seen_.size() < program.size()) seen_.assign(program.size(), 0);
  if (++mark_ == 0) {  // the marks wrapped: start them again
    std::fill(seen_.begin(), seen_.end(), 0);
    mark_ = 1;
  }
  StateKey next;
  next.context = static_cast<std::uint8_t>((word_after ? kAfterWordChar : 0) &
                                           context_mask_);
  bool match = false;
  stack_.assign(from.kernel.rbegin(), from.kernel.rend());
  while (!stack_.empty()) {
    const std::uint32_t pc = stack_.back();
    stack_.pop_back();
    if (seen_[pc] == mark_) continue;
    seen_[pc] = mark_;
    const TokenMatcher::Instruction& instruction = program[pc];
    switch (instruction.op) {
      case TokenMatcher::Op::kClass:
        if (!at_end && matcher_->InClass(instruction, c)) {
          next.kernel.push_back(pc + 1);
        }
        break;
      case TokenMatcher::Op::kSplit:
        stack_.push_back(instruction.arg2);
        stack_.push_back(instruction.arg);
        break;
      case TokenMatcher::Op::kJump:
        stack_.push_back(instruction.arg);
        break;
      case TokenMatcher::Op::kSave:
        stack_.push_back(pc + 1);
        break;
      case TokenMatcher::Op::kAssert: {
        bool holds = false;
        switch (instruction.arg) {
          case TokenMatcher::kBeginText:
            holds = (from.context & kAtTextStart) != 0;
            break;
          case TokenMatcher::kEndText:
            holds = at_end;
            break;
          case TokenMatcher::kWordBoundary:
            holds = word_before != word_after;
            break;
          default:
            holds = word_before == word_after;
            break;
        }
        if (holds) stack_.push_back(pc + 1);
        break;
      }
      case TokenMatcher::Op::kMatch:
        match = true;
        break;
    }
  }
  std::sort(next.kernel.begin(), next.kernel.end());
  next.kernel.erase(std::unique(next.kernel.begin(), next.kernel.end()),
                    next.kernel.end());
  const std::uint32_t to = next.kernel.empty() ? 0 : StateOf(std::move(next));
  const std::uint64_t value = std::uint64_t{to} << 1 | (match ? 1 : 0);
  if (to == kNoState || !Keep(KeyOf(state, code) | value)) {
    gave_up_.store(true, std::memory_order_relaxed);
    return kGaveUpValue;
  }
  return value;
}

std::uint32_t TokenDfa::StateOf(StateKey key) const {
  const auto found = state_ids_.find(key);
  if (found != state_ids_.end()) return found->second;
  // A map node, the kernel, and the state's place in states_.
  const std::size_t bytes =
      64 + sizeof(std::uint32_t) * key.kernel.size() + sizeof(const StateKey*);
  if (state_bytes_ + bytes > kMaxStateBytes) return kNoState;
  state_bytes_ += bytes;
  const auto id = static_cast<std::uint32_t>(states_.size() + 1);
  const auto inserted = state_ids_.emplace(std::move(key), id).first;
  states_.push_back(&inserted->first);
  return id;
}

bool TokenDfa::Keep(std::uint64_t slot) const {
  if (kept_ >= kMaxTransitions) return false;
  Table* table = table_.load(std::memory_order_relaxed);
  if (table == nullptr || 2 * (kept_ + 1) > table->mask + 1) {
    // A table twice as large, with what the last one kept; readers still in
    // the last one find what it held, and miss only what is new.
    auto larger = std::make_unique<Table>(
        table == nullptr ? std::size_t{64} : 2 * (table->mask + 1));
    if (table != nullptr) {
      for (std::size_t i = 0; i <= table->mask; ++i) {
        const std::uint64_t old =
            table->slots[i].load(std::memory_order_relaxed);
        if (old == 0) continue;
        std::size_t j = SlotOf(old & kKeyMask, larger->mask);
        while (larger->slots[j].load(std::memory_order_relaxed) != 0) {
          j = (j + 1) & larger->mask;
        }
        larger->slots[j].store(old, std::memory_order_relaxed);
      }
    }
    table = larger.get();
    tables_.push_back(std::move(larger));
    table_.store(table, std::memory_order_release);
  }
  std::size_t i = SlotOf(slot & kKeyMask, table->mask);
  for (;; i = (i + 1) & table->mask) {
    const std::uint64_t old = table->slots[i].load(std::memory_order_relaxed);
    if (old == 0) break;
    if ((old & kKeyMask) == (slot & kKeyMask)) return true;  // kept already
  }
  table->slots[i].store(slot, std::memory_order_release);
  ++kept_;
  return true;
}

}  // namespace factx::internal
