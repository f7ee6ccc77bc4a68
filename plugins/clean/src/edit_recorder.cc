#include "edit_recorder.h"

#include <stdexcept>
#include <string>

namespace docpipe::clean {

void EditRecorder::replace(std::size_t begin, std::size_t n, std::string_view text) {
  if (begin < settled_ || begin > source_.size() || n > source_.size() - begin) {
    throw std::logic_error("EditRecorder: edit at " + std::to_string(begin) + "+" +
                           std::to_string(n) + " is out of order or out of range");
  }
  if (text == source_.substr(begin, n)) return;
  if (!builder_) {
    builder_.emplace(source_);
    builder_->reserve(source_.size() + source_.size() / 64 + 16);
  }
  if (begin > settled_) builder_->copy(settled_, begin - settled_);
  if (text.empty()) {
    builder_->skip(begin, n);
  } else {
    builder_->replace(begin, n, text);
  }
  settled_ = begin + n;
}

std::optional<AlignedTextBuilder::Built> EditRecorder::finish() && {
  if (!builder_) return std::nullopt;
  builder_->copy_rest();
  return std::move(*builder_).finish();
}

}  // namespace docpipe::clean
