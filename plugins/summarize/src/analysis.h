// What the summarizer knows about one document: its sentences (on the view it reads), the lead
// (the paragraph a dateline marks, else the first prose paragraph), and per-sentence term
// vectors. Built once per document; the features, the keyphrase extractor and the selector
// read it.
#ifndef DOCPIPE_SUMMARIZE_ANALYSIS_H_
#define DOCPIPE_SUMMARIZE_ANALYSIS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/document.h"
#include "docpipe/text/segmenter.h"
#include "word_lists.h"

namespace docpipe::summarize {

// One word of the document (a word or number token), lowercased and interned.
struct WordRef {
  std::uint32_t id;     // index into Analysis::vocabulary
  std::uint32_t token;  // index into the segmentation's tokens
  std::uint32_t begin;  // view offset of the token
  bool stop;            // a stopword
  bool capitalized;     // starts with an uppercase ASCII letter
};

// Flags of a vocabulary word (Analysis::word_flags).
enum WordFlag : std::uint8_t {
  kStopword = 1u << 0,
  kCalendar = 1u << 1,         // weekday or month name
  kAttributionWord = 1u << 2,  // "said", "says", "told", "according"
};

struct SentenceInfo {
  std::uint32_t begin = 0;  // view offsets of the sentence
  std::uint32_t end = 0;
  std::uint32_t paragraph = 0;
  std::uint32_t first_word = 0;  // words [first_word, last_word) of Analysis::words
  std::uint32_t last_word = 0;
  bool paragraph_start = false;
  bool starts_with_quote = false;
  bool has_quote = false;
  bool question = false;
  bool ends_with_punct = false;  // ends with . ! ? or a closing quote after one
  std::uint32_t digits = 0;      // number tokens
  std::uint32_t lowercase = 0;   // words starting with a lowercase letter
  std::uint32_t calendar = 0;    // weekday/month words
  std::uint32_t word_count() const noexcept { return last_word - first_word; }
};

struct Analysis {
  std::string_view text;  // the view's text
  std::vector<SentenceInfo> sentences;
  std::vector<WordRef> words;
  std::vector<std::string> vocabulary;   // lowercased word forms by id
  std::vector<std::uint8_t> word_flags;  // WordFlag bits by id
  std::uint32_t paragraph_count = 0;
  // The lead: its paragraph and its first sentence (== sentences.size() when there is none).
  std::uint32_t lead_paragraph = 0;
  std::uint32_t lead_sentence = 0;
  // View offset where the dateline that opens the lead ends (after its separator and spaces);
  // 0 when there is none.
  std::uint32_t dateline_end = 0;
  // Document frequency of each vocabulary id over sentences.
  std::vector<std::uint32_t> sentence_frequency;
};

// Builds the analysis of `doc`'s current view (segmenting it through the shared segmenter).
// Uses the layers `paragraph` (attr lead) and `dateline` when an earlier stage made them,
// else scans the first paragraphs for a dateline itself.
Analysis analyze(Document& doc, const WordSet& stopwords);

// The same for free-standing text and its segmentation (no layers): tests and tools.
Analysis analyze_text(const Segmentation& seg, const WordSet& stopwords);

}  // namespace docpipe::summarize

#endif  // DOCPIPE_SUMMARIZE_ANALYSIS_H_
