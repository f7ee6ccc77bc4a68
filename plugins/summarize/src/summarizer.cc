#include "summarizer.h"

#include <cmath>

#include "docpipe/text/segmenter.h"
#include "keyphrases.h"

namespace docpipe::summarize {
namespace {

double rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

// Collapses white-space runs (line breaks of wrapped text) to single spaces.
std::string single_spaced(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::vector<float> Summarizer::score(const Analysis& a, const Hints& hints) const {
  std::vector<float> scores(a.sentences.size());
  if (options_.method == Method::kLead) {
    for (std::size_t i = 0; i < scores.size(); ++i) scores[i] = 1.0f / static_cast<float>(i + 1);
    return scores;
  }
  const std::vector<FeatureRow> rows = compute_features(a, hints);
  for (std::size_t i = 0; i < rows.size(); ++i) scores[i] = model_.score(rows[i]);
  return scores;
}

Status Summarizer::summarize(Document& doc) const {
  const Analysis a = analyze(doc, stopwords_);
  const TextView& view = doc.view();
  const Hints hints = options_.method == Method::kModel ? read_hints(doc, a) : Hints{};
  const std::vector<float> scores = score(a, hints);
  if (doc.stop_requested()) return Status::Timeout("summarize: stopped");

  Budget budget = options_.budget;
  if (options_.headline) budget.sentences = 1;
  const bool block = options_.block_trigrams && options_.method == Method::kModel;
  const std::vector<std::uint32_t> chosen = select_sentences(a, scores, budget, block);

  Value::Array sentences;
  std::string text;
  for (std::uint32_t i : chosen) {
    const SentenceInfo& s = a.sentences[i];
    std::uint32_t begin = s.begin;
    if (options_.strip_dateline && a.dateline_end > s.begin && a.dateline_end < s.end) {
      begin = a.dateline_end;
    }
    const Span original = view.to_original(Span{begin, s.end});
    std::string sentence_text =
        single_spaced(doc.text().substr(original.begin, original.end - original.begin));
    if (!text.empty()) text += ' ';
    text += sentence_text;
    Value::Object entry;
    entry.append_unchecked("begin", static_cast<std::int64_t>(original.begin));
    entry.append_unchecked("end", static_cast<std::int64_t>(original.end));
    entry.append_unchecked("text", std::move(sentence_text));
    entry.append_unchecked("score", rounded(scores[i]));
    sentences.push_back(Value(std::move(entry)));
  }
  Value::Object& summary = doc.summary();
  summary.set("sentences", Value(std::move(sentences)));
  summary.set("text", Value(std::move(text)));

  doc.layer("keyphrase");  // present (possibly empty) once the stage ran
  Value::Array listed;
  if (options_.keyphrases > 0) {
    const Segmentation& seg = segment(doc);
    const std::vector<Keyphrase> phrases = extract_keyphrases(a, seg, options_.keyphrases);
    for (std::size_t r = 0; r < phrases.size(); ++r) {
      const Keyphrase& k = phrases[r];
      for (const auto& [b, e] : k.occurrences) {
        Value::Object attrs;
        attrs.append_unchecked("phrase", k.phrase);
        attrs.append_unchecked("rank", static_cast<std::int64_t>(r + 1));
        attrs.append_unchecked("score", rounded(k.score));
        doc.annotate("keyphrase", view, Span{b, e}, std::move(attrs));
      }
      Value::Object entry;
      entry.append_unchecked("phrase", k.phrase);
      entry.append_unchecked("score", rounded(k.score));
      entry.append_unchecked("count", static_cast<std::int64_t>(k.occurrences.size()));
      listed.push_back(Value(std::move(entry)));
    }
  }
  doc.meta().set("keyphrases", Value(std::move(listed)));
  return Status::OK();
}

}  // namespace docpipe::summarize
