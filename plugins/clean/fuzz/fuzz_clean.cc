// Fuzz target: the whole cleaning of arbitrary bytes, as plain text and as HTML, with options
// picked by the first byte. The clean text must be valid UTF-8 and its alignment must cover
// both texts with exact pieces that really copy their bytes; datelines and header fields must
// stay inside the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "clean_options.h"
#include "dateline.h"
#include "docpipe/text/utf8.h"
#include "header_fields.h"
#include "text_cleaner.h"

namespace {

void check(const docpipe::clean::CleanOutput& out, std::string_view input, bool repaired) {
  const auto& a = out.built.alignment;
  const std::string& view = out.built.text;
  if (!a.valid() || a.view_size() != view.size() || a.source_size() != input.size()) {
    __builtin_trap();
  }
  for (const auto& p : a.pieces()) {
    if (p.exact && std::string_view(view).substr(p.view_begin, p.view_size) !=
                       input.substr(p.source_begin, p.source_size)) {
      __builtin_trap();
    }
  }
  if (repaired && !docpipe::utf8::is_valid(view)) __builtin_trap();
  for (const auto& f : out.header) {
    if (f.begin > f.end || f.end > input.size()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace docpipe::clean;
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  CleanOptions o;
  o.header_keys = default_header_keys();
  o.repair_encoding = (flags & 1) == 0;
  o.normalization = (flags & 2) ? Normalization::kNfkc : Normalization::kNfc;
  o.fold_quotes = o.fold_dashes = o.fold_ellipsis = (flags & 4) != 0;
  o.collapse_spaces = (flags & 8) == 0;
  o.collapse_blank_lines = (flags & 16) == 0;
  o.html_boilerplate = (flags & 32) == 0;
  auto cleaner = TextCleaner::create(o);
  if (!cleaner.ok()) __builtin_trap();
  const bool html = (flags & 64) != 0;
  CleanOutput out = cleaner->clean(input, html);
  check(out, input, o.repair_encoding || html);
  if (auto d = match_dateline(out.built.text); d && d->length > out.built.text.size()) {
    __builtin_trap();
  }
  return 0;
}
