#include "unicode_survey.h"

#include "ascii_scan.h"
#include "docpipe/text/utf8.h"
#include "repair_pass.h"

namespace docpipe::clean {

UnicodeWork survey_unicode(std::string_view text, bool repair, const UnicodeNormalizer& normalizer,
                           const CharMapOptions& fold) {
  UnicodeWork work;
  const bool want_normalize = normalizer.enabled();
  const bool want_fold = fold.any();
  const std::size_t n = text.size();
  std::size_t i = 0;
  while ((i = swar::find_non_ascii(text, i)) < n) {
    const std::size_t end = swar::find_ascii(text, i);
    if (repair && !work.repair) work.repair = may_need_repair(text, i, end);
    if (want_normalize && !work.normalize) work.normalize = normalizer.run_needs_work(text, i, end);
    if (want_fold && !work.fold) {
      for (std::size_t k = i; k < end;) {
        const auto lead = static_cast<unsigned char>(text[k]);
        // Folded characters start with C2, E1, E2 or E3 (see char_map_pass.cc).
        if (lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3) {
          const utf8::Decoded d = utf8::decode(text, k);
          if (d.valid && !fold_char(d.cp, fold).empty()) {
            work.fold = true;
            break;
          }
          k += d.size;
        } else {
          ++k;
        }
      }
    }
    if ((work.repair || !repair) && (work.normalize || !want_normalize) &&
        (work.fold || !want_fold)) {
      break;  // every pass has work: no need to look further
    }
    i = end;
  }
  return work;
}

}  // namespace docpipe::clean
