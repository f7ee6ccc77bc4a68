// One look at a text's non-ASCII characters that tells which of the character passes (repair,
// normalization, folding) have anything to do, so that a clean text is scanned once instead of
// once per pass. Each answer errs on the side of "yes": a pass told yes may still find nothing.
#ifndef DOCPIPE_CLEAN_UNICODE_SURVEY_H_
#define DOCPIPE_CLEAN_UNICODE_SURVEY_H_

#include <string_view>

#include "char_map_pass.h"
#include "normalize_pass.h"

namespace docpipe::clean {

struct UnicodeWork {
  bool repair = false;
  bool normalize = false;
  bool fold = false;
};

// `repair` is whether the repair pass is enabled at all; `normalizer` and `fold` describe the
// other two passes.
UnicodeWork survey_unicode(std::string_view text, bool repair, const UnicodeNormalizer& normalizer,
                           const CharMapOptions& fold);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_UNICODE_SURVEY_H_
