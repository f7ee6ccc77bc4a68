#include "text_cleaner.h"

#include <optional>

#include "char_map_pass.h"
#include "html_pass.h"
#include "layout_pass.h"
#include "repair_pass.h"
#include "sanitize_pass.h"
#include "unicode_survey.h"

namespace docpipe::clean {
namespace {

// The text between passes and its alignment to the input (none while nothing changed).
class PassChain {
 public:
  explicit PassChain(std::string_view input) : input_(input), current_(input) {}

  std::string_view current() const noexcept { return current_; }

  void apply(std::optional<AlignedTextBuilder::Built> step) {
    if (!step) return;
    to_input_ = to_input_ ? step->alignment.compose(*to_input_) : std::move(step->alignment);
    text_ = std::move(step->text);
    current_ = text_;
  }

  // A span of the current text in input offsets.
  Span to_input(Span s) const { return to_input_ ? to_input_->to_source(s) : s; }

  AlignedTextBuilder::Built finish() && {
    if (!to_input_) {
      return {std::string(input_), Alignment::identity(input_.size())};
    }
    return {std::move(text_), std::move(*to_input_)};
  }

 private:
  std::string_view input_;
  std::string_view current_;
  std::string text_;
  std::optional<Alignment> to_input_;
};

}  // namespace

Result<TextCleaner> TextCleaner::create(const CleanOptions& options) {
  Result<UnicodeNormalizer> normalizer = UnicodeNormalizer::create(options.normalization);
  if (!normalizer.ok()) return normalizer.status();
  init_html_parser();
  return TextCleaner(options, *normalizer);
}

CleanOutput TextCleaner::clean(std::string_view text, bool as_html) const {
  const CleanOptions& o = options_;
  CleanOutput out;
  out.html = as_html;
  PassChain chain(text);

  // libxml2 needs valid UTF-8 without NUL: for HTML, repairs are not optional.
  chain.apply(sanitize_pass(text,
                            {.repair_invalid = o.repair_encoding || as_html,
                             .remove_bom = o.remove_bom || as_html,
                             .remove_controls = o.remove_controls || as_html},
                            out.counts));
  if (as_html) {
    HtmlResult html = html_pass(
        chain.current(), {.boilerplate = o.html_boilerplate, .link_density = o.html_link_density},
        out.counts);
    out.html_title = std::move(html.title);
    out.html_meta = std::move(html.meta_tags);
    chain.apply(std::move(html.built));
  }
  // The character passes run only when the survey finds them work; after a repair (which
  // makes new characters) the others run anyway.
  const CharMapOptions fold{.quotes = o.fold_quotes,
                            .dashes = o.fold_dashes,
                            .ellipsis = o.fold_ellipsis,
                            .spaces = o.fold_spaces,
                            .newlines = o.normalize_newlines};
  UnicodeWork work =
      survey_unicode(chain.current(), o.mojibake || o.remove_controls, normalizer_, fold);
  if (work.repair) {
    auto repaired =
        repair_pass(chain.current(), {.mojibake = o.mojibake, .remove_controls = o.remove_controls},
                    out.counts);
    if (repaired) work.normalize = work.fold = true;
    chain.apply(std::move(repaired));
  }
  if (work.normalize) chain.apply(normalizer_.run(chain.current(), out.counts));
  if (work.fold) chain.apply(char_map_pass(chain.current(), fold, out.counts));
  std::size_t body_start = 0;
  if (o.header_fields && !as_html) {
    HeaderBlock header = parse_header_fields(chain.current(), o.header_keys);
    body_start = header.end;
    for (HeaderField& f : header.fields) {
      const Span in_input = chain.to_input({f.begin, f.end});
      f.begin = in_input.begin;
      f.end = in_input.end;
      out.header.push_back(std::move(f));
    }
  }
  chain.apply(layout_pass(chain.current(), body_start,
                          {.collapse_spaces = o.collapse_spaces,
                           .normalize_newlines = o.normalize_newlines,
                           .collapse_blank_lines = o.collapse_blank_lines,
                           .join_hyphenated = o.join_hyphenated,
                           .remove_soft_hyphens = o.remove_controls},
                          out.counts));
  out.built = std::move(chain).finish();
  return out;
}

}  // namespace docpipe::clean
