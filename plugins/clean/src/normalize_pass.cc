#include "normalize_pass.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <string>

#include "ascii_scan.h"
#include "docpipe/text/utf8.h"
#include "edit_recorder.h"

namespace docpipe::clean {
namespace {

const icu::Normalizer2* as_icu(const void* p) { return static_cast<const icu::Normalizer2*>(p); }

}  // namespace

Result<UnicodeNormalizer> UnicodeNormalizer::create(Normalization form) {
  if (form == Normalization::kNone) return UnicodeNormalizer(nullptr);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = form == Normalization::kNfkc ? icu::Normalizer2::getNFKCInstance(err)
                                                           : icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || n == nullptr) {
    return Status::Unavailable(std::string("ICU normalizer unavailable: ") + u_errorName(err));
  }
  return UnicodeNormalizer(n);
}

bool UnicodeNormalizer::is_normalized(std::string_view text) const {
  if (normalizer_ == nullptr) return true;
  UErrorCode err = U_ZERO_ERROR;
  const bool yes =
      as_icu(normalizer_)
          ->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), err);
  return U_SUCCESS(err) && yes;
}

// ICU's answer, remembered per thread for the last few characters asked about: news text
// repeats the same handful of non-ASCII characters (quotes, dashes, accented letters).
bool UnicodeNormalizer::is_inert(char32_t cp) const {
  struct Entry {
    const void* normalizer = nullptr;
    char32_t cp = 0;
    bool inert = false;
  };
  thread_local Entry cache[64];
  Entry& e = cache[(cp ^ (cp >> 6)) & 63];
  if (e.normalizer != normalizer_ || e.cp != cp) {
    e.normalizer = normalizer_;
    e.cp = cp;
    e.inert = as_icu(normalizer_)->isInert(static_cast<UChar32>(cp));
  }
  return e.inert;
}

bool UnicodeNormalizer::run_needs_work(std::string_view text, std::size_t begin,
                                       std::size_t end) const {
  if (normalizer_ == nullptr) return false;
  const icu::Normalizer2& norm = *as_icu(normalizer_);
  bool all_inert = true;
  for (std::size_t i = begin; i < end;) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (!d.valid) return false;  // left alone (repair is off)
    if (!is_inert(d.cp)) {
      all_inert = false;
      break;
    }
    i += d.size;
  }
  if (all_inert) return false;
  const std::size_t from = begin > 0 ? begin - 1 : begin;
  const std::string_view segment = text.substr(from, end - from);
  if (segment.size() > static_cast<std::size_t>(INT32_MAX / 4) || !utf8::is_valid(segment)) {
    return false;
  }
  UErrorCode err = U_ZERO_ERROR;
  const bool yes = norm.isNormalizedUTF8(
      icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())), err);
  return U_SUCCESS(err) && !yes;
}

std::optional<AlignedTextBuilder::Built> UnicodeNormalizer::run(std::string_view text,
                                                                CleanCounts& counts) const {
  if (normalizer_ == nullptr) return std::nullopt;
  const icu::Normalizer2& norm = *as_icu(normalizer_);
  EditRecorder rec(text);
  std::string out;
  icu::Edits edits;
  const std::size_t n = text.size();
  std::size_t i = 0;
  while ((i = swar::find_non_ascii(text, i)) < n) {
    std::size_t end = swar::find_ascii(text, i);
    if (!run_needs_work(text, i, end)) {
      i = end;
      continue;
    }
    // Include the ASCII character before the run (a possible base for combining marks) unless
    // an earlier edit already settled it.
    std::size_t begin = i > 0 && i - 1 >= rec.settled() ? i - 1 : i;
    const std::string_view segment = text.substr(begin, end - begin);
    const icu::StringPiece piece(segment.data(), static_cast<int32_t>(segment.size()));
    UErrorCode err = U_ZERO_ERROR;
    out.clear();
    edits.reset();
    err = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out);
    norm.normalizeUTF8(0, piece, sink, &edits, err);
    if (U_FAILURE(err)) {
      i = end;
      continue;
    }
    icu::Edits::Iterator it = edits.getFineChangesIterator();
    while (it.next(err) && U_SUCCESS(err)) {
      rec.replace(begin + static_cast<std::size_t>(it.sourceIndex()),
                  static_cast<std::size_t>(it.oldLength()),
                  std::string_view(out).substr(static_cast<std::size_t>(it.destinationIndex()),
                                               static_cast<std::size_t>(it.newLength())));
      ++counts.normalized;
    }
    i = end;
  }
  return std::move(rec).finish();
}

}  // namespace docpipe::clean
