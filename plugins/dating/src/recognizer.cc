// Entry points of the rule pass: one lexicon lookup per token, sentences without a trigger
// word skipped, the rest handed to the scanner (sentence_scanner.h).
#include "recognizer.h"

#include <string>

#include "sentence_scanner.h"

namespace docpipe::dating {
namespace {

// Looks every token up once; returns true when some token can be part of an expression (a
// number, a hyphenated word, a word of kTriggerClasses): other sentences are skipped.
bool word_infos(std::string_view text, std::span<const Token> tokens,
                std::vector<const WordInfo*>* infos) {
  static const WordInfo kNone;
  char buf[24];
  bool trigger = false;
  infos->clear();
  for (const Token& t : tokens) {
    const WordInfo* info = &kNone;
    const std::size_t n = t.end - t.begin;
    if (t.kind == TokenKind::kNumber) trigger = true;
    if (n <= sizeof buf) {
      for (std::size_t i = 0; i < n; ++i) {
        const char c = text[t.begin + i];
        if (c == '-' && t.kind == TokenKind::kWord) trigger = true;  // "two-year", "mid-1990s"
        buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      }
      info = &lookup_word(std::string_view(buf, n));
      // The first word of a holiday ("election", "earth", "mother") counts only when it is
      // capitalised, as the holiday rule requires: common words do not wake the rules up.
      const std::uint32_t tc = info->classes & kTriggerClasses;
      if (tc != 0 && (tc != kHolidayStart || (text[t.begin] >= 'A' && text[t.begin] <= 'Z'))) {
        trigger = true;
      }
    }
    infos->push_back(info);
  }
  return trigger;
}

}  // namespace

void recognize_sentence(std::string_view text, std::span<const Token> tokens, bool all_caps,
                        std::vector<Mention>* out) {
  thread_local std::vector<const WordInfo*> infos;
  if (!word_infos(text, tokens, &infos)) return;
  scan::SentenceScanner scanner(text, tokens, infos, all_caps);
  scanner.scan_all(out);
}

std::vector<Mention> recognize_text(std::string_view text) {
  Segmentation seg(text);
  std::vector<Mention> out;
  for (const Sentence& s : seg.sentences()) {
    recognize_sentence(seg.text(), seg.tokens_of(s), false, &out);
  }
  return out;
}

}  // namespace docpipe::dating
