#include "text_decode.h"

#include "docpipe/text/utf8.h"

namespace docpipe::engine {
namespace {

// Windows-1252 for 0x80..0x9F; 0 marks the five undefined bytes (decoded as Latin-1 C1).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

}  // namespace

const char* encoding_name(DecodeReport::Encoding e) noexcept {
  switch (e) {
    case DecodeReport::Encoding::kUtf8: return "utf-8";
    case DecodeReport::Encoding::kUtf8Repaired: return "utf-8 (repaired)";
    case DecodeReport::Encoding::kWindows1252: return "windows-1252";
  }
  return "?";
}

std::size_t replace_invalid_utf8(std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    utf8::Decoded d = utf8::decode(text, i);
    if (d.valid) {
      out.append(text, i, d.size);
    } else {
      out += "\xEF\xBF\xBD";
      ++count;
    }
    i += d.size;
  }
  text.swap(out);
  return count;
}

DecodeReport decode_to_utf8(std::string& text) {
  if (utf8::is_valid(text)) return {};
  bool any_valid_multibyte = false;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8::Decoded d = utf8::decode(text, i);
    if (d.valid) {
      any_valid_multibyte = true;
      break;
    }
    i += d.size;
  }
  if (any_valid_multibyte) {
    return {DecodeReport::Encoding::kUtf8Repaired, replace_invalid_utf8(text)};
  }
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (unsigned char c : text) {
    char32_t cp = c;
    if (c >= 0x80 && c <= 0x9F && kCp1252High[c - 0x80] != 0) cp = kCp1252High[c - 0x80];
    utf8::append(out, cp);
  }
  text.swap(out);
  return {DecodeReport::Encoding::kWindows1252, 0};
}

}  // namespace docpipe::engine
