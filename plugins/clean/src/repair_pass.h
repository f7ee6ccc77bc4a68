// Pass 3 of the cleaner (after sanitize and HTML): repair characters.
//
//   * mojibake repaired (see mojibake.h), when `mojibake`;
//   * stray C1 characters (U+0080..U+009F) read as the Windows-1252 characters they stand for
//     ("\u0092" -> "’"), when `mojibake`; the five bytes Windows-1252 leaves undefined, and all
//     C1 characters when `mojibake` is off, are removed when `remove_controls`;
//   * invisible format characters removed when `remove_controls`: zero-width space, word
//     joiner, U+FEFF (a BOM inside the text), Mongolian vowel separator, and the noncharacters
//     U+FFFE and U+FFFF. Zero-width (non-)joiners and bidi marks carry meaning and stay; the soft
//     hyphen is left to the layout pass, which joins words at it.
// Works run by run on non-ASCII text; ASCII is skipped eight bytes at a time.
#ifndef DOCPIPE_CLEAN_REPAIR_PASS_H_
#define DOCPIPE_CLEAN_REPAIR_PASS_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "clean_counts.h"
#include "docpipe/alignment.h"

namespace docpipe::clean {

struct RepairOptions {
  bool mojibake = true;
  bool remove_controls = true;
};

// A quick look at the bytes of text[begin, end): could they hold anything repair_pass changes?
// False means certainly not.
bool may_need_repair(std::string_view text, std::size_t begin, std::size_t end);

// The repaired text and its alignment to `text`; nullopt when nothing needed repair.
std::optional<AlignedTextBuilder::Built> repair_pass(std::string_view text,
                                                     const RepairOptions& options,
                                                     CleanCounts& counts);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_REPAIR_PASS_H_
