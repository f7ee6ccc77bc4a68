#include "clean_options.h"

#include <algorithm>
#include <cctype>

namespace docpipe::clean {

const std::vector<std::string>& default_header_keys() {
  static const std::vector<std::string> keys = {
      // Dates (a value that parses as a date also sets meta.dct).
      "date", "dct", "published", "pubdate", "publication_date", "date_published", "published_at",
      "posted", "filed", "created", "datetime", "updated", "last_updated", "modified",
      // Text fields.
      "title", "headline", "subtitle", "author", "authors", "by", "byline", "source", "publisher",
      "url", "link", "id", "docid", "doc_id", "section", "category", "categories", "tags",
      "keywords", "language", "lang", "location", "place", "description", "copyright"};
  return keys;
}

std::vector<ParamSpec> clean_param_specs() {
  return {
      // Encoding.
      param::boolean("repair_encoding", true,
                     "Replace each invalid UTF-8 sequence with U+FFFD (counted in "
                     "meta.clean.invalid_utf8). Always on for HTML input."),
      param::boolean("remove_bom", true, "Drop a byte order mark at the start of the text."),
      param::boolean("remove_controls", true,
                     "Remove NUL and other control characters (C0 except tab and line breaks, "
                     "DEL, C1) and invisible format characters (zero-width space, word joiner, "
                     "U+FEFF inside the text, soft hyphen)."),
      param::boolean("mojibake", true,
                     "Repair UTF-8 text that was decoded as Windows-1252 or Latin-1 (\"cafÃ©\", "
                     "\"â€™\"), and stray C1 characters that stand for Windows-1252 punctuation. "
                     "Conservative: correct text is never changed."),
      // Unicode.
      param::choice("normalization", "nfc", {"nfc", "nfkc", "none"},
                    "Unicode normalization form (ICU). nfkc also folds compatibility characters "
                    "(ligatures, full-width forms, superscripts)."),
      param::boolean("fold_quotes", false,
                     "Fold curly quotes to ASCII: ‘ ’ ‚ ‛ to ' and “ ” „ ‟ to \"."),
      param::boolean("fold_dashes", false,
                     "Fold dashes to ASCII: hyphen, non-breaking hyphen, figure and en dash, "
                     "minus sign to -; em dash and horizontal bar to --."),
      param::boolean("fold_ellipsis", false, "Fold the ellipsis character … to three periods."),
      param::boolean("fold_spaces", true,
                     "Treat non-breaking and other Unicode spaces as ordinary spaces."),
      // Layout.
      param::boolean("normalize_newlines", true,
                     "Turn CRLF, CR, vertical tab, line and paragraph separators into LF; a form "
                     "feed or paragraph separator becomes a paragraph break."),
      param::boolean("collapse_spaces", true,
                     "Collapse runs of spaces and tabs to one space; drop spaces at the start "
                     "and end of lines and of the text."),
      param::boolean("collapse_blank_lines", true,
                     "Turn any run of blank lines into exactly one blank line (a paragraph "
                     "break)."),
      param::boolean("join_hyphenated", true,
                     "Join words hyphenated across a line break (\"inter-\\nnational\" -> "
                     "\"international\"), also at a soft hyphen."),
      param::boolean("paragraphs", true,
                     "Mark paragraphs (text between blank lines) as layer `paragraph`; the lead "
                     "paragraph gets lead: true."),
      // HTML.
      param::choice("html", "auto", {"auto", "always", "never"},
                    "Treat the text as HTML: detected (auto) from meta.content_type, a "
                    ".html/.htm file name in meta.source, or the text itself; or forced."),
      param::boolean("html_boilerplate", true,
                     "Drop navigation, page headers and footers, asides and link-dense blocks "
                     "from HTML."),
      param::number("html_link_density", 0.5,
                    "With html_boilerplate: drop a block when at least this share of its text "
                    "is link text.")
          .range(0.0, 1.0),
      // Document structure.
      param::boolean("header_fields", true,
                     "Parse key-value header fields at the start of a plain-text document "
                     "(\"Date: 2023-09-04\", \"date 2023-09-04 ...\", a --- front matter block) "
                     "into meta.header (meta.dct, meta.title) and keep them out of the clean "
                     "text."),
      param::string_list("header_keys", default_header_keys(),
                         "Header field names recognised (case-insensitive; spaces and hyphens "
                         "count as '_'). Front matter accepts any key."),
      param::boolean("datelines", true,
                     "Recognise a wire dateline (\"WASHINGTON —\", \"LONDON (Reuters) -\", "
                     "\"(CNN) --\") at the start of one of the first paragraphs: meta.dateline, "
                     "layer `dateline`, and the lead paragraph. The dateline text stays in the "
                     "clean view."),
      param::boolean("store_text", false,
                     "Also store the clean text in meta.clean_text (the output records hold the "
                     "original text only); for inspection and evaluation."),
      param::string("view_name", "clean",
                    "Name of the view this stage adds (a suffix -2, -3... is added when the "
                    "name is taken, e.g. when the stage runs twice)."),
  };
}

namespace {

std::string normalize_key(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == ' ' || c == '-') {
      out.push_back('_');
    } else {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

}  // namespace

Result<CleanOptions> options_from_params(const Params& p) {
  CleanOptions o;
  o.repair_encoding = p.get_bool("repair_encoding");
  o.remove_bom = p.get_bool("remove_bom");
  o.remove_controls = p.get_bool("remove_controls");
  o.mojibake = p.get_bool("mojibake");
  const std::string& form = p.get_string("normalization");
  o.normalization = form == "nfkc"   ? Normalization::kNfkc
                    : form == "none" ? Normalization::kNone
                                     : Normalization::kNfc;
  o.fold_quotes = p.get_bool("fold_quotes");
  o.fold_dashes = p.get_bool("fold_dashes");
  o.fold_ellipsis = p.get_bool("fold_ellipsis");
  o.fold_spaces = p.get_bool("fold_spaces");
  o.normalize_newlines = p.get_bool("normalize_newlines");
  o.collapse_spaces = p.get_bool("collapse_spaces");
  o.collapse_blank_lines = p.get_bool("collapse_blank_lines");
  o.join_hyphenated = p.get_bool("join_hyphenated");
  o.mark_paragraphs = p.get_bool("paragraphs");
  const std::string& html = p.get_string("html");
  o.html = html == "always"  ? HtmlMode::kAlways
           : html == "never" ? HtmlMode::kNever
                             : HtmlMode::kAuto;
  o.html_boilerplate = p.get_bool("html_boilerplate");
  o.html_link_density = p.get_number("html_link_density");
  o.header_fields = p.get_bool("header_fields");
  for (const std::string& k : p.get_string_list("header_keys")) {
    if (k.empty()) return Status::InvalidArgument("header_keys: empty key");
    o.header_keys.push_back(normalize_key(k));
  }
  o.datelines = p.get_bool("datelines");
  o.view_name = p.get_string("view_name");
  o.store_text = p.get_bool("store_text");
  if (o.view_name.empty()) return Status::InvalidArgument("view_name: must not be empty");
  return o;
}

}  // namespace docpipe::clean
