#include "dateline.h"

#include <unicode/uchar.h>

#include <array>

#include "docpipe/text/utf8.h"

namespace docpipe::clean {
namespace {

constexpr std::size_t kMaxPlaceWords = 5;
constexpr std::size_t kMaxRegionWords = 3;
constexpr std::size_t kMaxAgencyBytes = 40;

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c));
}
bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}
bool is_letter(char32_t c) {
  return is_upper(c) || is_lower(c) || u_isalpha(static_cast<UChar32>(c));
}

bool is_headline_word(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "BREAKING", "UPDATE",  "UPDATED",   "EXCLUSIVE",    "WATCH",      "LIVE",
      "ANALYSIS", "OPINION", "EDITORIAL", "NOTE",         "CORRECTION", "VIDEO",
      "PHOTOS",   "READ",    "MORE",      "ADVERTISEMENT"};
  for (auto k : kWords) {
    if (w == k) return true;
  }
  return false;
}

class DatelineParser {
 public:
  explicit DatelineParser(std::string_view s) : s_(s) {}

  std::optional<Dateline> parse() {
    Dateline d;
    if (peek_ascii() == '(') {
      // The agency alone: "(CNN) --", "(CNN)Share".
      if (!agency(d)) return std::nullopt;
      if (separator()) return finish(d);
      if (text_starts_after_agency()) {
        d.length = pos_;
        return d;
      }
      return std::nullopt;
    }
    bool all_caps = true;
    if (!place(d.place, all_caps)) return std::nullopt;
    // ", Region" (up to two: "Chao Hu, Anhui, China") and/or ", Date".
    for (int parts = 0; parts < 3; ++parts) {
      const std::size_t before = pos_;
      if (!eat(',') || !spaces()) {
        pos_ = before;
        break;
      }
      if (d.date_text.empty()) {
        if (auto pd = parse_date_prefix(s_.substr(pos_))) {
          d.date_text = std::string(s_.substr(pos_, pd->length));
          d.date = pd->date;
          pos_ += pd->length;
          continue;
        }
      }
      std::string region;
      if (parts < 2 && d.date_text.empty() && this->region(region)) {
        d.place += ", " + region;
        continue;
      }
      pos_ = before;
      break;
    }
    const std::size_t before_agency = pos_;
    spaces();
    if (peek_ascii() != '(' || !agency(d)) pos_ = before_agency;
    if (!all_caps && d.agency.empty()) return std::nullopt;
    if (!separator(/*allow_colon=*/all_caps)) {
      // Without a separator, only an agency followed by the text counts ("Washington
      // (CNN)President ...", "Hong Kong (CNN) A crowd ...").
      if (d.agency.empty() || !text_starts_after_agency()) return std::nullopt;
      d.length = pos_;
      return d;
    }
    return finish(d);
  }

 private:
  char peek_ascii() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  utf8::Decoded decode_here() const {
    if (pos_ >= s_.size()) return {0, 0, false};
    return utf8::decode(s_, pos_);
  }
  bool eat(char c) {
    if (peek_ascii() != c) return false;
    ++pos_;
    return true;
  }
  bool spaces() {
    const std::size_t start = pos_;
    while (peek_ascii() == ' ') ++pos_;
    return pos_ > start;
  }

  // One word of a place: letters plus . ' - inside ("ST.", "WINSTON-SALEM", "N'DJAMENA").
  // Reports whether it is all capitals and how many letters it has.
  bool word(std::string_view& out, bool& caps, std::size_t& letters) {
    const std::size_t start = pos_;
    caps = true;
    letters = 0;
    bool first = true;
    while (pos_ < s_.size()) {
      const utf8::Decoded d = utf8::decode(s_, pos_);
      if (is_letter(d.cp)) {
        if (first && !is_upper(d.cp)) break;
        if (!is_upper(d.cp)) caps = false;
        ++letters;
      } else if (!first && (d.cp == '.' || d.cp == '\'' || d.cp == '-' || d.cp == 0x2019)) {
        // Inside a word; a trailing '.' is kept ("ST."), a trailing '-' is a separator.
        if (d.cp == '-' && !(pos_ + 1 < s_.size() && is_letter(utf8::decode(s_, pos_ + 1).cp)))
          break;
      } else {
        break;
      }
      first = false;
      pos_ += d.size;
    }
    out = s_.substr(start, pos_ - start);
    return letters > 0;
  }

  bool place(std::string& out, bool& all_caps) {
    std::size_t total_letters = 0;
    std::size_t words = 0;
    std::size_t end = pos_;
    while (words < kMaxPlaceWords) {
      const std::size_t before = pos_;
      std::string_view w;
      bool caps = false;
      std::size_t letters = 0;
      if (!word(w, caps, letters)) {
        pos_ = before;
        break;
      }
      if (words == 0) all_caps = caps;
      // All words of a place agree: all capitals, or all capitalized.
      if (words > 0 && caps != all_caps) {
        pos_ = before;
        break;
      }
      if (caps && is_headline_word(w)) return false;
      total_letters += letters;
      ++words;
      end = pos_;
      const std::size_t after_word = pos_;
      if (peek_ascii() == ' ' && pos_ + 1 < s_.size() && is_upper(utf8::decode(s_, pos_ + 1).cp)) {
        ++pos_;
        continue;
      }
      pos_ = after_word;
      break;
    }
    pos_ = end;
    if (words == 0) return false;
    if (all_caps && total_letters < 3) return false;
    out = std::string(s_.substr(0, end));
    return true;
  }

  // ", Australia", ", N.J.", ", Northern Ireland": capitalized words.
  bool region(std::string& out) {
    const std::size_t start = pos_;
    std::size_t words = 0;
    std::size_t end = pos_;
    while (words < kMaxRegionWords) {
      std::string_view w;
      bool caps = false;
      std::size_t letters = 0;
      const std::size_t before = pos_;
      if (!word(w, caps, letters)) {
        pos_ = before;
        break;
      }
      if (month_from_name(w.substr(0, w.find('.'))) != 0 && words == 0) {
        pos_ = start;
        return false;
      }
      ++words;
      end = pos_;
      if (peek_ascii() == ' ' && pos_ + 1 < s_.size() && is_upper(utf8::decode(s_, pos_ + 1).cp)) {
        ++pos_;
        continue;
      }
      break;
    }
    pos_ = end;
    if (words == 0) return false;
    out = std::string(s_.substr(start, end - start));
    return true;
  }

  // "(AP)", "(Reuters)", "(Xinhua)": 1..4 words starting with a capital, at most 40 bytes.
  bool agency(Dateline& d) {
    const std::size_t start = pos_;
    if (!eat('(')) return false;
    const std::size_t close = s_.find(')', pos_);
    if (close == std::string_view::npos || close == pos_ || close - pos_ > kMaxAgencyBytes) {
      pos_ = start;
      return false;
    }
    const std::string_view inside = s_.substr(pos_, close - pos_);
    if (!is_upper(utf8::decode(inside, 0).cp)) {
      pos_ = start;
      return false;
    }
    std::size_t words = 1;
    for (char c : inside) {
      if (c == ' ') ++words;
    }
    if (words > 4 || inside.find_first_of("()") != std::string_view::npos) {
      pos_ = start;
      return false;
    }
    d.agency = std::string(inside.substr(0, inside.find_last_not_of(" ") + 1));
    pos_ = close + 1;
    return true;
  }

  // After an agency with no separator: the text goes on (after at most one space) with a
  // capital, a digit, a quote or a bracket.
  bool text_starts_after_agency() const {
    std::size_t p = pos_;
    if (p < s_.size() && s_[p] == ' ') ++p;
    if (p >= s_.size()) return false;
    const char32_t c = utf8::decode(s_, p).cp;
    return is_upper(c) || (c >= '0' && c <= '9') || c == '"' || c == '\'' || c == '[' || c == '(' ||
           c == 0x201C || c == 0x2018;
  }

  // Spaces, a dash-like separator, then a space or the end of the paragraph.
  bool separator(bool allow_colon = false) {
    const std::size_t start = pos_;
    spaces();
    static constexpr std::array<std::string_view, 7> kSeps = {
        "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x95", "--", "-", "_", ":"};
    for (std::string_view sep : kSeps) {
      if (sep == ":" && !allow_colon) continue;
      if (s_.substr(pos_, sep.size()) != sep) continue;
      const std::size_t after = pos_ + sep.size();
      const bool ends = after == s_.size() || s_[after] == ' ' || s_[after] == '\n';
      // "WASHINGTON—The", "(AP)_Taking": dashes and the AP underscore may touch the next word.
      const bool may_touch = sep.size() == 3 || sep == "_";
      if (ends || may_touch) {
        pos_ = after;
        return true;
      }
    }
    pos_ = start;
    return false;
  }

  std::optional<Dateline> finish(Dateline& d) {
    d.length = pos_;
    std::size_t rest = pos_;
    while (rest < s_.size() && (s_[rest] == ' ' || s_[rest] == '\n')) ++rest;
    d.alone = rest >= s_.size();
    return d;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<Dateline> match_dateline(std::string_view paragraph) {
  return DatelineParser(paragraph).parse();
}

}  // namespace docpipe::clean
