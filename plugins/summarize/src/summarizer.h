// The summarizer proper, apart from the plugin glue: configuration, resources and the work on
// one document. Thread-safe once built (summarize() only reads the object).
#ifndef DOCPIPE_SUMMARIZE_SUMMARIZER_H_
#define DOCPIPE_SUMMARIZE_SUMMARIZER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analysis.h"
#include "docpipe/document.h"
#include "docpipe/status.h"
#include "model.h"
#include "selection.h"
#include "sentence_features.h"
#include "word_lists.h"

namespace docpipe::summarize {

enum class Method { kModel, kLead };

struct Options {
  Method method = Method::kModel;
  Budget budget;
  bool headline = false;  // one sentence (budget.sentences is then 1)
  bool block_trigrams = true;
  bool strip_dateline = true;  // summary sentences start after the lead's dateline
  std::uint32_t keyphrases = 10;
};

class Summarizer {
 public:
  Summarizer(Options options, Model model, WordSet stopwords)
      : options_(options), model_(model), stopwords_(std::move(stopwords)) {}

  // Writes doc.summary() {sentences: [{begin, end, text, score}], text}, the layer `keyphrase`
  // (attrs phrase, rank, score) and meta.keyphrases [{phrase, score, count}].
  Status summarize(Document& doc) const;

  // Scores of every sentence of an analysis (the model's probability, or the lead order).
  std::vector<float> score(const Analysis& a, const Hints& hints) const;

  const Options& options() const noexcept { return options_; }

 private:
  Options options_;
  Model model_;
  WordSet stopwords_;
};

}  // namespace docpipe::summarize

#endif  // DOCPIPE_SUMMARIZE_SUMMARIZER_H_
