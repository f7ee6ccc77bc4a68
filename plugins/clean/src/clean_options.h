// The clean stage's options: the parameter schema (declared once, with docs and defaults) and
// the typed options the passes read.
#ifndef DOCPIPE_CLEAN_CLEAN_OPTIONS_H_
#define DOCPIPE_CLEAN_CLEAN_OPTIONS_H_

#include <string>
#include <vector>

#include "docpipe/params.h"
#include "docpipe/status.h"

namespace docpipe::clean {

enum class HtmlMode { kAuto, kAlways, kNever };
enum class Normalization { kNone, kNfc, kNfkc };

struct CleanOptions {
  // Encoding.
  bool repair_encoding = true;  // invalid UTF-8 -> U+FFFD (always on for HTML input)
  bool remove_bom = true;
  bool remove_controls = true;  // NUL, C0/C1 controls, DEL, invisible format characters
  bool mojibake = true;         // UTF-8 read as Windows-1252 / Latin-1, repaired
  // Unicode.
  Normalization normalization = Normalization::kNfc;
  bool fold_quotes = false;
  bool fold_dashes = false;
  bool fold_ellipsis = false;
  bool fold_spaces = true;  // NBSP and the other Unicode space separators -> " "
  // Layout.
  bool normalize_newlines = true;  // CRLF, CR, VT, FF, LS, PS -> LF
  bool collapse_spaces = true;
  bool collapse_blank_lines = true;
  bool join_hyphenated = true;
  bool mark_paragraphs = true;
  // HTML.
  HtmlMode html = HtmlMode::kAuto;
  bool html_boilerplate = true;
  double html_link_density = 0.5;
  // Document structure.
  bool header_fields = true;
  std::vector<std::string> header_keys;  // lowercase, '_' for spaces and hyphens
  bool datelines = true;
  std::string view_name = "clean";
  bool store_text = false;  // also put the clean text in meta.clean_text
};

// The parameter schema of the plugin (the single source for validation and documentation).
std::vector<ParamSpec> clean_param_specs();

// The header field names recognised by default.
const std::vector<std::string>& default_header_keys();

// Reads validated params. Fails on values the schema cannot express (e.g. a bad view name).
Result<CleanOptions> options_from_params(const Params& params);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_CLEAN_OPTIONS_H_
