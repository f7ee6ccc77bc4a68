// Making input bytes valid UTF-8 before they become a document's original text, so that the
// output's "text" field holds exactly the bytes its offsets count.
//
//  * Valid UTF-8 is kept byte for byte.
//  * Text with invalid sequences but also valid multi-byte ones is UTF-8 with damage: each
//    maximal invalid sequence becomes U+FFFD.
//  * Text whose only non-ASCII bytes are invalid as UTF-8 is a legacy 8-bit file: it is decoded
//    as Windows-1252 (Latin-1 where 1252 leaves a byte undefined), which loses nothing.
#ifndef DOCPIPE_ENGINE_TEXT_DECODE_H_
#define DOCPIPE_ENGINE_TEXT_DECODE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace docpipe::engine {

struct DecodeReport {
  enum class Encoding { kUtf8, kUtf8Repaired, kWindows1252 };
  Encoding encoding = Encoding::kUtf8;
  std::size_t replaced = 0;  // invalid sequences replaced by U+FFFD (kUtf8Repaired)
};

// Returns true and leaves `text` untouched when it is valid UTF-8; otherwise rewrites it.
DecodeReport decode_to_utf8(std::string& text);

// Replaces each maximal invalid UTF-8 sequence with U+FFFD; returns how many.
std::size_t replace_invalid_utf8(std::string& text);

const char* encoding_name(DecodeReport::Encoding e) noexcept;

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_TEXT_DECODE_H_
