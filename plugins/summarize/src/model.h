// The sentence scoring model: a logistic model over the features of sentence_features.h.
//
// File format (text): the first line is "docpipe-summarize-model 1"; then one "name weight" a
// line, where name is a feature name (sentence_features.h); '#' starts a comment line. Features the
// file does not name weigh 0; unknown names are an error (the file was made for another version).
#ifndef DOCPIPE_SUMMARIZE_MODEL_H_
#define DOCPIPE_SUMMARIZE_MODEL_H_

#include <string>
#include <string_view>

#include "docpipe/status.h"
#include "sentence_features.h"

namespace docpipe::summarize {

inline constexpr std::string_view kModelMagic = "docpipe-summarize-model 1";

struct Model {
  FeatureRow weights{};
  // The probability that a sentence belongs in the summary.
  float score(const FeatureRow& row) const noexcept;
};

// Parses a model file's text; `what` names it in errors.
Result<Model> parse_model(std::string_view text, std::string_view what);
// The file text for `model` with `comment` lines (each prefixed with "# ") first.
std::string format_model(const Model& model, std::string_view comment);

}  // namespace docpipe::summarize

#endif  // DOCPIPE_SUMMARIZE_MODEL_H_
