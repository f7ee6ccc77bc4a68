// Finding e-mail addresses and phone numbers in text, without regular expressions.
#ifndef REDACT_PII_SCANNER_H_
#define REDACT_PII_SCANNER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace redact {

struct Match {
  std::size_t begin;  // byte offsets into the scanned text, half-open
  std::size_t end;
  enum class Kind { kEmail, kPhone } kind;
};

// Every e-mail address (local@domain.tld) and phone number (9 to 15 digits written with
// spaces, dots, dashes, parentheses or a leading +; ISO dates such as 2024-03-11 excluded), in
// text order, not overlapping.
std::vector<Match> find_pii(std::string_view text, bool emails, bool phones);

}  // namespace redact

#endif  // REDACT_PII_SCANNER_H_
