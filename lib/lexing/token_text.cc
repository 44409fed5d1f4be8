#include "lexing/token_text.h"

#include <algorithm>

namespace factx::internal {

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

void AppendGap(std::string_view gap, std::string* out) {
  const std::size_t start = out->size();
  out->append(gap);
  char* bytes = out->data() + start;
  for (std::size_t i = 0; i < gap.size(); ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead == 0xEE ||
        (lead == 0xEF && static_cast<unsigned char>(bytes[i + 1]) < 0xA4)) {
      // U+E000..U+F8FF (EF A3 BF is U+F8FF).
      bytes[i] = '\xEF';
      bytes[i + 1] = '\xBF';
      bytes[i + 2] = '\xBD';
      i += 2;
    } else if (lead == 0xF3 || lead == 0xF4) {
      // U+C0000..U+10FFFF, planes 12 to 16, which hold the word symbols
      // (plane 15); U+10FFFD, of plane 16's private use area, is none.
      bytes[i] = '\xF4';
      bytes[i + 1] = '\x8F';
      bytes[i + 2] = '\xBF';
      bytes[i + 3] = '\xBD';
      i += 3;
    }
  }
}

void TokenText::Build(const Lexer& lexer, std::string_view text,
                      std::size_t begin, std::size_t end) {
  text_ = text.data();
  begin_ = begin;
  end_ = end;
  built_ = true;
  tokens_.clear();
  symbols_.clear();
  symbol_begin_.clear();
  symbol_end_.clear();
  lexer.Lex(text, begin, end, &lex_, &tokens_);
  std::size_t at = begin;
  for (const Token& token : tokens_) {
    AppendGap(text.substr(at, token.begin - at), &symbols_);
    symbol_begin_.push_back(static_cast<std::uint32_t>(symbols_.size()));
    AppendUtf8(
        token.kind == TokenKind::kWord
            ? kWordSymbolBase + lexer.WordSymbol(token)
            : kNumberSymbolBase +
                  NumberSymbolOffset(token.form, token.end - token.begin),
        &symbols_);
    symbol_end_.push_back(static_cast<std::uint32_t>(symbols_.size()));
    at = token.end;
  }
  AppendGap(text.substr(at, end - at), &symbols_);
}

std::uint16_t TokenText::NumberSymbolAt(std::size_t at) const {
  // U+E000 + offset, offset < 4096: EE, 80 + (offset >> 6), 80 + (offset & 3F).
  return static_cast<std::uint16_t>(
      (static_cast<unsigned char>(symbols_[at + 1]) & 0x3F) << 6 |
      (static_cast<unsigned char>(symbols_[at + 2]) & 0x3F));
}

void TokenText::SetNumberSymbolAt(std::size_t at, std::uint16_t offset) {
  symbols_[at + 1] = static_cast<char>(0x80 | (offset >> 6));
  symbols_[at + 2] = static_cast<char>(0x80 | (offset & 0x3F));
}

std::size_t TokenText::TextOffset(std::size_t at) const {
  // The last token whose symbol starts at or before `at`.
  const auto after =
      std::upper_bound(symbol_begin_.begin(), symbol_begin_.end(), at);
  if (after == symbol_begin_.begin()) return begin_ + at;
  const std::size_t t =
      static_cast<std::size_t>(after - symbol_begin_.begin()) - 1;
  if (at < symbol_end_[t]) return tokens_[t].begin;  // at == its start
  return tokens_[t].end + (at - symbol_end_[t]);
}

std::size_t TokenText::SymbolOffset(std::size_t pos) const {
  // The last token that starts at or before `pos`.
  const auto after = std::upper_bound(
      tokens_.begin(), tokens_.end(), pos,
      [](std::size_t p, const Token& token) { return p < token.begin; });
  if (after == tokens_.begin()) return pos - begin_;
  const std::size_t t = static_cast<std::size_t>(after - tokens_.begin()) - 1;
  if (pos == tokens_[t].begin) return symbol_begin_[t];
  if (pos < tokens_[t].end) return symbol_end_[t];
  return symbol_end_[t] + (pos - tokens_[t].end);
}

}  // namespace factx::internal
