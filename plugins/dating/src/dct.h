// The document creation time (DCT): where it comes from, in order of trust.
//
//   1. meta.dct, given with the input (JSONL) or set by the clean stage from a header, HTML
//      <meta> or a dated dateline; its source is kept from meta.dct_source ("input" if none);
//   2. a "dateline" annotation with a full date (the clean stage's layer);
//   3. a dated dateline in the first paragraphs ("MOSCOW, Sept. 4, 2023 (AP) —");
//   4. a publication line in the first lines ("Published: 4 September 2023",
//      "Updated 10:32 a.m. EDT, Monday, Sept. 4, 2023", or a line that is only a date);
//   5. the configured fallback: none, the file time (meta.file_time / meta.mtime, else the
//      modification time of the file named by meta.source), or a fixed date.
#ifndef DOCPIPE_DATING_DCT_H_
#define DOCPIPE_DATING_DCT_H_

#include <optional>
#include <string>
#include <string_view>

#include "calendar.h"
#include "docpipe/document.h"

namespace docpipe::dating {

enum class DctFallback { kNone, kFileTime, kFixed };

struct DctOptions {
  bool search_text = true;  // steps 3 and 4
  DctFallback fallback = DctFallback::kNone;
  std::optional<Ymd> fixed;  // for kFixed
};

struct Dct {
  Ymd date;
  std::string text;    // as stored in meta.dct ("2023-09-04", "1998-02-06T22:19:00")
  std::string source;  // "input", "header", "dateline", "publication_line", "file_time", "fixed"
  bool has_time = false;
};

// Parses "2023-09-04", "2023-09-04T10:30[:00][Z|+hh:mm]", "20230904". nullopt otherwise.
std::optional<Ymd> parse_iso_date(std::string_view s, bool* has_time = nullptr);

// Finds the DCT of a document (reads meta, layers and the current view; changes nothing).
std::optional<Dct> find_dct(const Document& doc, const DctOptions& options);

// Step 3 and 4 on a text alone (exposed for tests): the date of a dated dateline or a
// publication line near the start, and which of the two it was.
std::optional<Dct> dct_from_text(std::string_view text);

}  // namespace docpipe::dating

#endif  // DOCPIPE_DATING_DCT_H_
