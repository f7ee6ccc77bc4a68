// Unicode normalization (NFC or NFKC) with ICU, segment by segment.
//
// Only non-ASCII runs are looked at (ASCII is already normalized in every form), each together
// with the character before it, which may be a base that a combining mark composes with. A run
// ICU's quick check finds normalized is left alone; otherwise it is normalized with ICU's edit
// tracking, so each changed segment ("e" + U+0301 -> "é") becomes its own aligned piece and the
// rest stays exact. Runs holding invalid UTF-8 (possible only when repair is off) are skipped.
// Thread-safe: ICU's normalizer instances are immutable.
#ifndef DOCPIPE_CLEAN_NORMALIZE_PASS_H_
#define DOCPIPE_CLEAN_NORMALIZE_PASS_H_

#include <optional>
#include <string_view>

#include "clean_counts.h"
#include "clean_options.h"
#include "docpipe/alignment.h"
#include "docpipe/status.h"

namespace docpipe::clean {

class UnicodeNormalizer {
 public:
  // Fails when ICU cannot provide the normalizer (missing ICU data).
  static Result<UnicodeNormalizer> create(Normalization form);

  // The normalized text and its alignment to `text`; nullopt when `text` is already normalized.
  std::optional<AlignedTextBuilder::Built> run(std::string_view text, CleanCounts& counts) const;

  // True when the whole text is normalized (for tests).
  bool is_normalized(std::string_view text) const;

  // True when the non-ASCII run text[begin, end) may change under normalization, together with
  // the character before it. Runs of normalization-inert characters (most punctuation, CJK,
  // precomposed letters) are answered without calling ICU's checker.
  bool run_needs_work(std::string_view text, std::size_t begin, std::size_t end) const;

  bool enabled() const noexcept { return normalizer_ != nullptr; }

 private:
  explicit UnicodeNormalizer(const void* normalizer) : normalizer_(normalizer) {}
  bool is_inert(char32_t cp) const;

  const void* normalizer_;  // icu::Normalizer2, owned by ICU; null for Normalization::kNone
};

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_NORMALIZE_PASS_H_
