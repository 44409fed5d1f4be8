#include "lexing/token_text.h"

#include <algorithm>
#include <utility>

#include "text/char_class.h"
#include "text/utf8.h"

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

UnreadCharacters::UnreadCharacters() : bits_(kBmpEnd / 64) {
  for (const auto& [first, last] : kCaselessBlocks) {
    for (char32_t c = first; c <= last; ++c) {
      bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
    }
  }
}

void UnreadCharacters::MarkRead(char32_t first, char32_t last) {
  for (char32_t c = first; c <= last && c < kBmpEnd; ++c) {
    bits_[c >> 6] &= ~(std::uint64_t{1} << (c & 63));
  }
}

void UnreadCharacters::MarkAllRead() {
  std::fill(bits_.begin(), bits_.end(), 0);
}

void TokenText::AppendGap(const UnreadCharacters& unread, std::string_view text,
                          std::size_t from, std::size_t to) {
  // Where the run of unread characters being read began, `to` when none is.
  std::size_t run = to;
  auto end_run = [&](std::size_t at) {
    if (run == to) return;
    const auto symbol = static_cast<std::uint32_t>(symbols_.size());
    pieces_.push_back(Piece{run, at, symbol, symbol + 1});
    symbols_.push_back(kUnreadRun);
    run = to;
  };
  for (std::size_t i = from; i < to;) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      end_run(i);
      symbols_.push_back(text[i++]);
      continue;
    }
    std::size_t length = 1;  // well-formed UTF-8: the normalized text
    const char32_t c = DecodeWellFormedUtf8(
        reinterpret_cast<const unsigned char*>(text.data()), i, &length);
    if (unread.IsUnread(c)) {
      if (run == to) run = i;
    } else {
      end_run(i);
      if (c >= kNumberSymbolBase && c < kBmpSymbolsEnd) {
        AppendUtf8(0xFFFD, &symbols_);  // the symbols' range in the BMP
      } else if (c >= 0xC0000) {
        // Planes 12 to 16, which hold the word symbols when they do not fit
        // in the BMP (plane 15); U+10FFFD, of plane 16's private use area, is
        // none.
        AppendUtf8(0x10FFFD, &symbols_);
      } else {
        symbols_.append(text, i, length);
      }
    }
    i += length;
  }
  end_run(to);
}

void TokenText::Build(const Lexer& lexer, const UnreadCharacters& unread,
                      std::string_view text, std::size_t begin,
                      std::size_t end) {
  text_ = text.data();
  begin_ = begin;
  end_ = end;
  built_ = true;
  tokens_.clear();
  symbols_.clear();
  pieces_.clear();
  token_symbols_.clear();
  lexer.Lex(text, begin, end, &lex_, &tokens_);
  const char32_t word_base = WordSymbolBase(lexer);
  std::size_t at = begin;
  for (const Token& token : tokens_) {
    AppendGap(unread, text, at, token.begin);
    const auto symbol_begin = static_cast<std::uint32_t>(symbols_.size());
    const char32_t symbol =
        token.kind == TokenKind::kWord
            ? word_base + lexer.WordSymbol(token)
            : kNumberSymbolBase +
                  NumberSymbolOffset(token.form, token.end - token.begin);
    token_symbols_.push_back(TokenSymbol{symbol_begin, symbol});
    AppendUtf8(symbol, &symbols_);
    pieces_.push_back(Piece{token.begin, token.end, symbol_begin,
                            static_cast<std::uint32_t>(symbols_.size())});
    at = token.end;
  }
  AppendGap(unread, text, at, end);
}

std::uint16_t TokenText::NumberSymbolAt(std::size_t at) const {
  // U+E000 + offset, offset < 4096: EE, 80 + (offset >> 6), 80 + (offset & 3F).
  return static_cast<std::uint16_t>(
      (static_cast<unsigned char>(symbols_[at + 1]) & 0x3F) << 6 |
      (static_cast<unsigned char>(symbols_[at + 2]) & 0x3F));
}

void TokenText::SetNumberSymbolAt(std::size_t at, std::uint16_t offset) {
  const auto token = std::lower_bound(
      token_symbols_.begin(), token_symbols_.end(), at,
      [](const TokenSymbol& t, std::size_t a) { return t.offset < a; });
  if (token != token_symbols_.end() && token->offset == at) {
    token->code = kNumberSymbolBase + offset;
  }
  symbols_[at + 1] = static_cast<char>(0x80 | (offset >> 6));
  symbols_[at + 2] = static_cast<char>(0x80 | (offset & 0x3F));
}

std::size_t TokenText::TextOffset(std::size_t at) const {
  // The last piece whose symbol starts at or before `at`.
  const auto after = std::upper_bound(
      pieces_.begin(), pieces_.end(), at,
      [](std::size_t a, const Piece& piece) { return a < piece.symbol_begin; });
  if (after == pieces_.begin()) return begin_ + at;
  const Piece& piece = *(after - 1);
  if (at < piece.symbol_end) return piece.text_begin;  // at == its start
  return piece.text_end + (at - piece.symbol_end);
}

std::size_t TokenText::SymbolOffset(std::size_t pos) const {
  // The last piece that starts at or before `pos`.
  const auto after = std::upper_bound(
      pieces_.begin(), pieces_.end(), pos,
      [](std::size_t p, const Piece& piece) { return p < piece.text_begin; });
  if (after == pieces_.begin()) return pos - begin_;
  const Piece& piece = *(after - 1);
  if (pos == piece.text_begin) return piece.symbol_begin;
  if (pos < piece.text_end) return piece.symbol_end;
  return piece.symbol_end + (pos - piece.text_end);
}

}  // namespace factx::internal
