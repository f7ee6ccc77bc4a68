#include "pii_scanner.h"

namespace redact {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_local_char(char c) {
  return is_alpha(c) || is_digit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_char(char c) { return is_alpha(c) || is_digit(c) || c == '.' || c == '-'; }

// An e-mail address around the '@' at `at`, or false.
bool email_at(std::string_view t, std::size_t at, Match* m) {
  std::size_t b = at;
  while (b > 0 && is_local_char(t[b - 1])) --b;
  while (b < at && (t[b] == '.' || t[b] == '-')) ++b;  // no leading dot
  if (b == at) return false;
  std::size_t e = at + 1;
  while (e < t.size() && is_domain_char(t[e])) ++e;
  while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-')) --e;  // sentence punctuation
  const std::string_view domain = t.substr(at + 1, e - at - 1);
  const std::size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) return false;
  for (std::size_t i = dot + 1; i < domain.size(); ++i) {
    if (!is_alpha(domain[i])) return false;
  }
  *m = {b, e, Match::Kind::kEmail};
  return true;
}

// A phone number starting at `b` (a digit, '+' or '('), or false.
bool phone_at(std::string_view t, std::size_t b, Match* m) {
  if (b > 0 && (is_digit(t[b - 1]) || is_alpha(t[b - 1]))) return false;
  std::size_t e = b, digits = 0, last_digit_end = b;
  if (t[e] == '+') ++e;
  while (e < t.size()) {
    const char c = t[e];
    if (is_digit(c)) {
      ++digits;
      last_digit_end = ++e;
    } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') && e + 1 < t.size() &&
               (is_digit(t[e + 1]) || t[e + 1] == '(' || (c == ')' && t[e + 1] == ' '))) {
      ++e;
    } else {
      break;
    }
  }
  if (last_digit_end < t.size() && is_alpha(t[last_digit_end])) return false;
  if (digits < 9 || digits > 15) return false;
  const std::string_view s = t.substr(b, last_digit_end - b);
  // 2024-03-11 and 2024-03-11 10:30 are dates, not phones.
  if (s.size() >= 10 && is_digit(s[0]) && s[4] == '-' && s[7] == '-') return false;
  *m = {b, last_digit_end, Match::Kind::kPhone};
  return true;
}

}  // namespace

std::vector<Match> find_pii(std::string_view text, bool emails, bool phones) {
  std::vector<Match> out;
  std::size_t i = 0;
  while (i < text.size()) {
    Match m;
    const char c = text[i];
    if (emails && c == '@' && email_at(text, i, &m)) {
      while (!out.empty() && out.back().end > m.begin) out.pop_back();  // the local part was a "phone"
      out.push_back(m);
      i = m.end;
      continue;
    }
    if (phones && (is_digit(c) || c == '+' || c == '(') && phone_at(text, i, &m)) {
      out.push_back(m);
      i = m.end;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace redact
