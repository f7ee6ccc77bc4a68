// The tense of the clause that governs a temporal expression, from cue words near it: modal
// and future words ("will", "scheduled", "expected"), past forms ("said", "was", "-ed" verbs),
// present forms ("is", "celebrates"). The nearest cue wins, the left one on a tie; tokens of the
// expression itself are skipped.
#ifndef DOCPIPE_DATING_TENSE_H_
#define DOCPIPE_DATING_TENSE_H_

#include <cstddef>
#include <span>

#include "scan_token.h"
#include "timex.h"

namespace docpipe::dating {

// The tense for the expression covering tokens [begin, end) of a sentence.
Tense clause_tense(std::span<const ScanToken> tokens, std::size_t begin, std::size_t end);

// The tense one token signals on its own (kUnknown when none). `prev` and `pprev` (the two
// tokens before it) may be null.
Tense cue_tense(const ScanToken& token, const ScanToken* prev, const ScanToken* pprev = nullptr);

}  // namespace docpipe::dating

#endif  // DOCPIPE_DATING_TENSE_H_
