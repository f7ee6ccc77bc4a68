// TextCleaner: the whole cleaning of one text, pass by pass, with the alignments composed.
//
//   sanitize -> [html] -> repair -> normalize -> char map -> (header fields) -> layout
//
// Each pass works on the previous pass's output and reports nothing when it changes nothing,
// so clean text costs one fast scan per pass and no copy. The result aligns the clean text to
// the input text. Thread-safe: clean() only reads the cleaner.
#ifndef DOCPIPE_CLEAN_TEXT_CLEANER_H_
#define DOCPIPE_CLEAN_TEXT_CLEANER_H_

#include <string>
#include <string_view>
#include <vector>

#include "clean_counts.h"
#include "clean_options.h"
#include "docpipe/alignment.h"
#include "docpipe/status.h"
#include "docpipe/value.h"
#include "header_fields.h"
#include "normalize_pass.h"

namespace docpipe::clean {

struct CleanOutput {
  AlignedTextBuilder::Built built;  // the clean text, aligned to the input text
  CleanCounts counts;
  bool html = false;
  std::string html_title;           // <title>, when HTML
  Value::Object html_meta;          // selected <meta> values, when HTML
  std::vector<HeaderField> header;  // header fields, begin/end in INPUT offsets
};

class TextCleaner {
 public:
  static Result<TextCleaner> create(const CleanOptions& options);

  // Cleans `text`; `as_html` runs the HTML pass (the caller decides, see html_detect.h).
  CleanOutput clean(std::string_view text, bool as_html) const;

  const CleanOptions& options() const noexcept { return options_; }

 private:
  TextCleaner(CleanOptions options, UnicodeNormalizer normalizer)
      : options_(std::move(options)), normalizer_(normalizer) {}

  CleanOptions options_;
  UnicodeNormalizer normalizer_;
};

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_TEXT_CLEANER_H_
