// A token as the rules see it: its text, lower-cased form, lexicon entry and numeric value.
#ifndef DOCPIPE_DATING_SCAN_TOKEN_H_
#define DOCPIPE_DATING_SCAN_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "docpipe/text/segmenter.h"
#include "lexicon.h"

namespace docpipe::dating {

struct ScanToken {
  std::string_view text;  // in the scanned text
  std::string lower;      // ASCII letters lowered
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool space_before = false;
  bool cap = false;                 // starts with an upper-case ASCII letter
  const WordInfo* info = nullptr;   // never null once built
  int num = -1;                     // value of an all-digit token of at most 4 digits
  int digits = 0;                   // its digit count
};

}  // namespace docpipe::dating

#endif  // DOCPIPE_DATING_SCAN_TOKEN_H_
