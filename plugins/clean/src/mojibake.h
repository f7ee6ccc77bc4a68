// Mojibake: UTF-8 text that was decoded as Windows-1252 (or Latin-1) and encoded again, so that
// "é" reads "Ã©" and "’" reads "â€™". Repair maps such characters back to the bytes they came
// from and decodes those bytes as UTF-8.
//
// The repair is conservative, because correct text must never change. A candidate is a lead
// character (Â..ô, i.e. bytes C2..F4) followed by the right number of continuation characters
// (bytes 80..BF) that decode to one valid character. It is accepted
//   * always when it decodes to punctuation, currency or other symbols from U+2000..U+2BFF,
//     to an emoji, or is "Â" + a Latin-1 symbol / no-break space or "Ã" + no-break space
//     (à): such pairs do not occur in real text;
//   * when it decodes to a letter (2-byte sequences: Latin, Greek, Cyrillic, Hebrew, Arabic)
//     or × ÷ only next to a lowercase letter, a digit or another candidate ("cafÃ©",
//     "4Ã—200", "Ð¿Ñ€Ð¸"), so that an all-caps word ending in an accented capital followed by
//     a quote ("IRMÃ”") stays;
//   * for other 3- and 4-byte results (CJK...) only next to another candidate;
// and, when the document holds sure evidence (has_sure_mojibake), letters are accepted without
// a lowercase neighbour (all-caps mojibake). Text mis-decoded twice is repaired in up to three
// rounds. A repair that yields an invisible character (BOM, zero-width space) yields nothing.
#ifndef DOCPIPE_CLEAN_MOJIBAKE_H_
#define DOCPIPE_CLEAN_MOJIBAKE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::clean {

// The character Windows-1252 assigns to byte b in 0x80..0x9F; 0 for the five undefined bytes.
char32_t cp1252_char(unsigned char b) noexcept;

// The byte a character came from when bytes were read as Windows-1252 (or Latin-1 for the C1
// range); -1 when no byte >= 0x80 reads as cp.
int mojibake_byte(char32_t cp) noexcept;

// True when `text` contains mojibake that no correct text contains ("â€" + a character, or "Â"
// + a Latin-1 symbol): then every valid candidate in the document is repaired.
bool has_sure_mojibake(std::string_view text) noexcept;

struct MojibakeFix {
  std::size_t begin;  // byte range in the text that was searched
  std::size_t end;
  std::string repaired;
};

class MojibakeRepairer {
 public:
  // `document` is searched for sure evidence (has_sure_mojibake) the first time a candidate
  // needs it, so clean documents never pay for the search.
  explicit MojibakeRepairer(std::string_view document) : document_(document) {}

  // Appends the repairs for text[begin, end), which must start and end on character
  // boundaries, in order. Context (the characters before `begin` and at `end`) is read from
  // `text`. Returns the number of repairs appended.
  std::size_t find(std::string_view text, std::size_t begin, std::size_t end,
                   std::vector<MojibakeFix>& out);

 private:
  struct Char {
    char32_t cp;
    std::size_t offset;
    std::uint8_t size;
    bool valid;
  };
  enum class Kind { kSure, kNeedsLowercaseOrNeighbour, kNeedsNeighbour };
  struct Candidate {
    std::size_t first_char;  // index into chars_
    std::size_t char_count;
    char32_t decoded;
    Kind kind;
  };
  void find_candidates(std::string_view text, std::size_t begin, std::size_t end);
  bool accept(std::string_view text, std::size_t index);
  bool sure_evidence();

  std::string_view document_;
  int sure_evidence_ = -1;  // unknown until needed
  std::vector<Char> chars_;
  std::vector<Candidate> candidates_;
};

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_MOJIBAKE_H_
