// Fuzz target: the summarizer on arbitrary bytes, with options picked by the first byte. Summary
// offsets must lie in the text, in document order, and respect the sentence budget; scores lie in
// [0, 1]; keyphrase annotations lie in the text; the dateline scanner stays inside its input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dateline_scan.h"
#include "docpipe/docpipe.h"
#include "summarizer.h"

namespace {

const docpipe::summarize::Summarizer& summarizer(std::uint8_t flags) {
  using namespace docpipe::summarize;
  static const Summarizer* instances[16] = {};
  const std::uint8_t k = flags & 15;
  if (instances[k] == nullptr) {
    auto model = parse_model(
        "docpipe-summarize-model 1\nbias -2\npos0 3\ncentroid 1\ndegree 1\nsalience 0.5\n"
        "short -1\nlead_similarity 1\nword_probability 1\n",
        "fuzz");
    if (!model.ok()) __builtin_trap();
    Options o;
    o.method = (k & 1) ? Method::kLead : Method::kModel;
    o.headline = (k & 2) != 0;
    o.budget.words = (k & 4) ? 30 : 0;
    o.budget.ratio = (k & 8) ? 0.2 : 0;
    o.keyphrases = 5;
    instances[k] = new Summarizer(o, *model, WordSet{"the", "a", "of", "and", "said"});
  }
  return *instances[k];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  if (docpipe::summarize::scan_dateline(input) > input.size()) __builtin_trap();

  docpipe::Document doc("fuzz", std::string(input));
  const auto& s = summarizer(data[0]);
  if (!s.summarize(doc).ok()) __builtin_trap();
  const docpipe::Value* sentences = doc.summary().find("sentences");
  if (sentences == nullptr || !sentences->is_array()) __builtin_trap();
  const std::size_t max_sentences = s.options().headline ? 1 : s.options().budget.sentences;
  if (sentences->as_array().size() > max_sentences) __builtin_trap();
  std::int64_t previous_end = 0;
  for (const docpipe::Value& v : sentences->as_array()) {
    const std::int64_t b = v.find("begin")->as_int(), e = v.find("end")->as_int();
    if (b < previous_end || b > e || e > static_cast<std::int64_t>(input.size())) __builtin_trap();
    previous_end = e;
    const double score = v.find("score")->as_double();
    if (!(score >= 0 && score <= 1)) __builtin_trap();
  }
  if (const docpipe::Layer* k = doc.find_layer("keyphrase")) {
    for (const auto& a : *k) {
      if (a.begin > a.end || a.end > input.size()) __builtin_trap();
    }
  }
  return 0;
}
