// Pass 1 of the cleaner: make the text valid, control-free UTF-8.
//
//   * each maximal invalid UTF-8 sequence becomes U+FFFD (when repair_invalid);
//   * a byte order mark at the start is dropped (when remove_bom);
//   * NUL, the other C0 controls except tab, LF, VT, FF and CR, and DEL are dropped (when
//     remove_controls).
// C1 controls are left for the repair pass, which may read them as Windows-1252.
#ifndef DOCPIPE_CLEAN_SANITIZE_PASS_H_
#define DOCPIPE_CLEAN_SANITIZE_PASS_H_

#include <optional>
#include <string_view>

#include "clean_counts.h"
#include "docpipe/alignment.h"

namespace docpipe::clean {

struct SanitizeOptions {
  bool repair_invalid = true;
  bool remove_bom = true;
  bool remove_controls = true;
};

// The sanitized text and its alignment to `text`; nullopt when `text` needs no change.
std::optional<AlignedTextBuilder::Built> sanitize_pass(std::string_view text,
                                                       const SanitizeOptions& options,
                                                       CleanCounts& counts);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_SANITIZE_PASS_H_
