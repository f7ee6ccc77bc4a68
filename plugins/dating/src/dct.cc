#include "dct.h"

#include <sys/stat.h>

#include <cstdio>

#include "recognizer.h"

namespace docpipe::dating {
namespace {

// How far into the text a dateline or a publication line may be.
constexpr std::size_t kSearchBytes = 1500;
constexpr int kSearchParagraphs = 4;
constexpr std::size_t kMaxLineBytes = 160;

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string iso(const Ymd& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// A full date (year, month and day) among the mentions whose span starts before `limit`.
std::optional<Ymd> full_date(const std::vector<Mention>& mentions, std::size_t limit,
                             std::size_t* end) {
  for (const Mention& m : mentions) {
    if (m.begin > limit) break;
    const Symbolic& s = m.sym;
    if (s.how == Anchoring::kDate && s.year && s.month && s.day && s.holiday < 0 &&
        is_valid_date(s.year, s.month, s.day)) {
      if (end) *end = m.end;
      return Ymd{s.year, s.month, s.day};
    }
    if (s.how == Anchoring::kLiteral && s.gran == Gran::kNone && m.type == TimexType::kDate) {
      continue;
    }
  }
  return std::nullopt;
}

bool starts_with_word(std::string_view line, std::string_view word) {
  if (line.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = line[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != word[i]) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "MOSCOW, Sept. 4, 2023 (AP) —": capitals and commas, a full date, then "(" or a dash.
std::optional<Ymd> dated_dateline(std::string_view paragraph) {
  const std::string_view head = paragraph.substr(0, std::min<std::size_t>(paragraph.size(), 120));
  const std::vector<Mention> mentions = recognize_text(head);
  std::size_t end = 0;
  auto d = full_date(mentions, 60, &end);
  if (!d || mentions.empty()) return std::nullopt;
  // Before the date: upper-case words, commas, spaces, periods.
  const Mention& first = mentions.front();
  for (std::size_t i = 0; i < first.begin; ++i) {
    const char c = head[i];
    if (!((c >= 'A' && c <= 'Z') || c == ',' || c == ' ' || c == '.' || c == '-' ||
          static_cast<unsigned char>(c) >= 0x80)) {
      return std::nullopt;
    }
  }
  if (first.begin == 0) return std::nullopt;
  std::string_view after = trim(head.substr(end));
  if (after.empty()) return std::nullopt;
  if (after.front() == '(' || after.front() == '-' || after.substr(0, 3) == "\xE2\x80\x94" ||
      after.substr(0, 3) == "\xE2\x80\x93") {
    return d;
  }
  return std::nullopt;
}

// "Published: 4 September 2023", "Updated Sept. 4, 2023 10:32 a.m.", or a line that is only a
// date (with a weekday or a time).
std::optional<Ymd> publication_line(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > kMaxLineBytes) return std::nullopt;
  static constexpr std::string_view kKeys[] = {"published", "posted", "updated", "first published",
                                               "last updated", "date", "dated", "issued",
                                               "released", "filed"};
  bool keyed = false;
  for (auto k : kKeys) {
    if (starts_with_word(line, k)) keyed = true;
  }
  const std::vector<Mention> mentions = recognize_text(line);
  std::size_t end = 0;
  auto d = full_date(mentions, line.size(), &end);
  if (!d) return std::nullopt;
  if (keyed) return d;
  // Only a date: the expressions cover most of the letters and digits of the line.
  std::size_t covered = 0, alnum = 0;
  for (const Mention& m : mentions) covered += m.end - m.begin;
  for (char c : line) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ++alnum;
  }
  if (alnum > 0 && covered * 10 >= alnum * 8) return d;
  return std::nullopt;
}

std::optional<Ymd> date_of_epoch_seconds(double seconds) {
  if (seconds < 0 || seconds > 1e11) return std::nullopt;
  return from_days(static_cast<std::int64_t>(seconds / 86400.0));
}

std::optional<Ymd> file_time(const Value::Object& meta) {
  for (const char* key : {"file_time", "mtime"}) {
    const Value* v = meta.find(key);
    if (v == nullptr) continue;
    if (v->is_number()) return date_of_epoch_seconds(v->as_double());
    if (v->is_string()) {
      if (auto d = parse_iso_date(v->as_string())) return d;
    }
  }
  const Value* src = meta.find("source");
  if (src == nullptr || !src->is_string() || src->as_string().empty()) return std::nullopt;
  struct stat st {};
  if (::stat(src->as_string().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return date_of_epoch_seconds(static_cast<double>(st.st_mtime));
}

}  // namespace

std::optional<Ymd> parse_iso_date(std::string_view s, bool* has_time) {
  s = trim(s);
  if (has_time) *has_time = false;
  Ymd d;
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && digits(s.substr(0, 4)) &&
      digits(s.substr(5, 2)) && digits(s.substr(8, 2))) {
    d = Ymd{to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2))};
    if (s.size() > 10) {
      if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
      if (has_time && s.size() >= 16 && digits(s.substr(11, 2))) *has_time = true;
    }
  } else if (s.size() == 8 && digits(s)) {
    d = Ymd{to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2))};
  } else {
    return std::nullopt;
  }
  if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::optional<Dct> dct_from_text(std::string_view text) {
  text = text.substr(0, std::min(text.size(), kSearchBytes));
  // Dated datelines open one of the first paragraphs.
  std::size_t pos = 0;
  for (int p = 0; p < kSearchParagraphs && pos < text.size(); ++p) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    if (auto d = dated_dateline(text.substr(pos, end - pos))) {
      return Dct{*d, iso(*d), "dateline", false};
    }
    pos = end;
    while (pos < text.size() && (text[pos] == '\n' || text[pos] == '\r')) ++pos;
  }
  // Publication lines: any of the first lines.
  pos = 0;
  for (int line = 0; line < 12 && pos < text.size(); ++line) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    if (auto d = publication_line(text.substr(pos, end - pos))) {
      return Dct{*d, iso(*d), "publication_line", false};
    }
    pos = end + 1;
  }
  return std::nullopt;
}

std::optional<Dct> find_dct(const Document& doc, const DctOptions& options) {
  const Value::Object& meta = doc.meta();
  if (const Value* v = meta.find("dct"); v != nullptr && v->is_string()) {
    bool has_time = false;
    if (auto d = parse_iso_date(v->as_string(), &has_time)) {
      std::string source = "input";
      if (const Value* s = meta.find("dct_source"); s != nullptr && s->is_string()) {
        source = s->as_string();
      }
      return Dct{*d, v->as_string(), source, has_time};
    }
  }
  if (const Layer* dl = doc.find_layer("dateline")) {
    for (const Annotation& a : *dl) {
      const Value* v = a.attrs.find("date");
      if (v == nullptr || !v->is_string()) continue;
      if (auto d = parse_iso_date(v->as_string())) return Dct{*d, iso(*d), "dateline", false};
    }
  }
  if (options.search_text) {
    if (auto d = dct_from_text(doc.view().text())) return d;
  }
  switch (options.fallback) {
    case DctFallback::kNone: break;
    case DctFallback::kFileTime:
      if (auto d = file_time(meta)) return Dct{*d, iso(*d), "file_time", false};
      break;
    case DctFallback::kFixed:
      if (options.fixed) return Dct{*options.fixed, iso(*options.fixed), "fixed", false};
      break;
  }
  return std::nullopt;
}

}  // namespace docpipe::dating
