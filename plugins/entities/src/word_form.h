// Surface properties of a token used by the features and the linker: lower case, shape, case
// class. All functions take UTF-8 and never fail (invalid bytes are kept as they are).
#ifndef DOCPIPE_ENTITIES_WORD_FORM_H_
#define DOCPIPE_ENTITIES_WORD_FORM_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace docpipe::entities {

enum class CaseClass : std::uint8_t {
  kNone = 0,   // no letters
  kLower = 1,  // "house"
  kTitle = 2,  // "House", "McDonald"
  kUpper = 3,  // "NATO", "U.S."
  kMixed = 4,  // "eBay", "iPhone"
};

CaseClass case_class(std::string_view word);
// Lower-cased word (full Unicode simple case mapping).
std::string to_lower(std::string_view word);
// First letter upper, the rest lower: "JAPAN" -> "Japan".
std::string to_title(std::string_view word);
// Shape: X for upper, x for lower, d for digit, other characters as they are. The long form
// cuts runs of one class to at most two characters ("Washington" -> "Xxx"... "Xxx" is X + xx;
// "1,500" -> "d,dd"); the short form keeps one of each run ("McDonald" -> "XxXx").
std::string word_shape(std::string_view word, bool long_form);

// The form the model sees: typographic quotes, apostrophes, dashes and ellipses written the
// way news wires write them in ASCII ("“" -> "\"", "’s" -> "'s", "—" -> "--",
// "…" -> "..."), so a model trained on wire text reads them the same. Returns `word`
// itself when there is nothing to change, otherwise the form built in `buffer`.
std::string_view model_form(std::string_view word, std::string& buffer);

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_WORD_FORM_H_
