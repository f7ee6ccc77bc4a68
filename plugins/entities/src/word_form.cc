#include "word_form.h"

#include <unicode/uchar.h>

#include "docpipe/text/utf8.h"

namespace docpipe::entities {
namespace {

char shape_char(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return 'X';
    if (cp >= 'a' && cp <= 'z') return 'x';
    if (cp >= '0' && cp <= '9') return 'd';
    return static_cast<char>(cp);
  }
  const auto c = static_cast<UChar32>(cp);
  if (u_isupper(c) || u_istitle(c)) return 'X';
  if (u_isalpha(c)) return 'x';
  if (u_isdigit(c)) return 'd';
  return '*';
}

}  // namespace

CaseClass case_class(std::string_view word) {
  int upper = 0, lower = 0;
  bool first_upper = false, seen_letter = false;
  bool lower_then_upper = false;
  for (std::size_t i = 0; i < word.size();) {
    utf8::Decoded d = utf8::decode(word, i);
    i += d.size;
    const char s = shape_char(d.cp);
    if (s == 'X') {
      if (!seen_letter) first_upper = true;
      if (lower > 0) lower_then_upper = true;
      ++upper;
      seen_letter = true;
    } else if (s == 'x') {
      ++lower;
      seen_letter = true;
    }
  }
  if (!seen_letter) return CaseClass::kNone;
  if (upper == 0) return CaseClass::kLower;
  if (lower == 0) return CaseClass::kUpper;
  if (first_upper) return CaseClass::kTitle;  // includes McDonald
  (void)lower_then_upper;
  return CaseClass::kMixed;
}

std::string to_lower(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
      ++i;
      continue;
    }
    utf8::Decoded d = utf8::decode(word, i);
    if (!d.valid) {
      out.append(word.substr(i, d.size));
    } else {
      utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(d.cp))));
    }
    i += d.size;
  }
  return out;
}

std::string to_title(std::string_view word) {
  std::string out = to_lower(word);
  if (out.empty()) return out;
  const unsigned char c = static_cast<unsigned char>(out[0]);
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') out[0] = static_cast<char>(c - 32);
    return out;
  }
  utf8::Decoded d = utf8::decode(out, 0);
  if (!d.valid) return out;
  std::string first;
  utf8::append(first, static_cast<char32_t>(u_toupper(static_cast<UChar32>(d.cp))));
  return first + out.substr(d.size);
}

std::string word_shape(std::string_view word, bool long_form) {
  std::string out;
  char prev = 0;
  int run = 0;
  for (std::size_t i = 0; i < word.size();) {
    utf8::Decoded d = utf8::decode(word, i);
    i += d.size;
    const char s = shape_char(d.cp);
    run = s == prev ? run + 1 : 1;
    prev = s;
    if (run > (long_form ? 2 : 1)) continue;
    out += s;
  }
  return out;
}

std::string_view model_form(std::string_view word, std::string& buffer) {
  if (word.find('\xE2') == std::string_view::npos && word.find('\xC2') == std::string_view::npos) {
    return word;
  }
  buffer.clear();
  for (std::size_t i = 0; i < word.size();) {
    utf8::Decoded d = utf8::decode(word, i);
    switch (d.cp) {
      case 0x201C:  // left and right double quotation marks, low-9, guillemets
      case 0x201D:
      case 0x201E:
      case 0x00AB:
      case 0x00BB:
        buffer += '"';
        break;
      case 0x2018:  // single quotation marks and apostrophe
      case 0x2019:
      case 0x201A:
        buffer += '\'';
        break;
      case 0x2014:  // em dash, horizontal bar
      case 0x2015:
        buffer += "--";
        break;
      case 0x2013:  // en dash, minus sign
      case 0x2212:
        buffer += '-';
        break;
      case 0x2026:
        buffer += "...";
        break;
      default:
        buffer.append(word.substr(i, d.size));
    }
    i += d.size;
  }
  return buffer;
}

}  // namespace docpipe::entities
