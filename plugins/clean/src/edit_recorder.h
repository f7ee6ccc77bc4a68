// EditRecorder: an AlignedTextBuilder for passes that mostly keep their input.
//
// Nothing is copied until the first edit, so a pass that changes nothing costs one scan and no
// allocation; after that, the unchanged stretch before each edit is copied in one piece. Edits
// must come in source order and must not overlap. An edit whose text equals the source bytes it
// replaces is not an edit (it is dropped, keeping the alignment exact there).
#ifndef DOCPIPE_CLEAN_EDIT_RECORDER_H_
#define DOCPIPE_CLEAN_EDIT_RECORDER_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "docpipe/alignment.h"

namespace docpipe::clean {

class EditRecorder {
 public:
  explicit EditRecorder(std::string_view source) : source_(source) {}

  // The source position after the last edit: source bytes before it are settled.
  std::size_t settled() const noexcept { return settled_; }
  bool changed() const noexcept { return builder_.has_value(); }

  // Writes `text` in place of source [begin, begin+n). REQUIRES: begin >= settled().
  void replace(std::size_t begin, std::size_t n, std::string_view text);
  // Drops source [begin, begin+n). REQUIRES: begin >= settled().
  void remove(std::size_t begin, std::size_t n) { replace(begin, n, {}); }
  // Writes `text` at source position `at`, standing for no source bytes.
  void insert(std::size_t at, std::string_view text) { replace(at, 0, text); }

  // The new text and its alignment to the source, or nullopt when nothing changed.
  std::optional<AlignedTextBuilder::Built> finish() &&;

 private:
  std::string_view source_;
  std::optional<AlignedTextBuilder> builder_;
  std::size_t settled_ = 0;
};

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_EDIT_RECORDER_H_
