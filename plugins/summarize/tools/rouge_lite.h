// ROUGE-1/2 F1 close to the rouge-score conventions (lowercase, [a-z0-9]+ tokens) but without
// stemming: the trainer's oracle labels and its quick in-tool estimates. Report numbers with
// ../shared/tools/score_rouge.py, not with this.
#ifndef DOCPIPE_SUMMARIZE_TOOLS_ROUGE_LITE_H_
#define DOCPIPE_SUMMARIZE_TOOLS_ROUGE_LITE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace docpipe::summarize::tools {

// Lowercased [a-z0-9]+ runs.
std::vector<std::string> rouge_tokens(std::string_view text);

// N-gram counts of a token sequence, keyed by the n-gram joined with spaces.
using Counts = std::unordered_map<std::string, int>;
Counts ngram_counts(const std::vector<std::string>& tokens, int n);

// F1 of the n-gram overlap between two count maps.
double rouge_f1(const Counts& system, const Counts& reference);

}  // namespace docpipe::summarize::tools

#endif  // DOCPIPE_SUMMARIZE_TOOLS_ROUGE_LITE_H_
