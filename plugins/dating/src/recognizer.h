// The rule pass: finds temporal expressions in segmented text and emits them in symbolic form
// (timex.h), with TimeBank span conventions (determiners and modifiers inside the span,
// prepositions outside) and the tense of the governing clause.
//
// The rules are hand-written scanners over tokens (no regular expressions); all word knowledge
// comes from lexicon.h. Thread safe: a Recognizer holds no mutable state.
#ifndef DOCPIPE_DATING_RECOGNIZER_H_
#define DOCPIPE_DATING_RECOGNIZER_H_

#include <span>
#include <vector>

#include "docpipe/text/segmenter.h"
#include "timex.h"

namespace docpipe::dating {

// Finds the expressions of one sentence (`tokens` of `text`) and appends them, in text order and
// without overlaps, to `out`. `all_caps` says the document is written in capitals, so that
// capitalization cannot tell "May" the month from "may".
void recognize_sentence(std::string_view text, std::span<const Token> tokens, bool all_caps,
                        std::vector<Mention>* out);

// Finds the expressions of a whole text (segmenting it first). For tests and the DCT search.
std::vector<Mention> recognize_text(std::string_view text);

}  // namespace docpipe::dating

#endif  // DOCPIPE_DATING_RECOGNIZER_H_
