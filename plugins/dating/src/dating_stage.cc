// The `dating` stage: finds the document creation time (dct.h), tags temporal expressions as
// layer "timex" (recognizer.h) and gives them TIMEX3 values (resolver.h).
#include <string>
#include <vector>

#include "dct.h"
#include "docpipe/docpipe.h"
#include "docpipe/text/segmenter.h"
#include "recognizer.h"
#include "resolver.h"

namespace docpipe::dating {
namespace {

// True when the text has letters but hardly any lower-case ones (wire copy in capitals).
bool mostly_capitals(std::string_view text) {
  std::size_t upper = 0, lower = 0;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
  }
  return upper > 20 && lower * 10 < upper;
}

class DatingStage final : public Stage {
 public:
  Status configure(const Params& params) override {
    mode_ = params.get_string("mode") == "narrative" ? AnchorMode::kNarrative : AnchorMode::kNews;
    const std::string& fallback = params.get_string("dct_fallback");
    dct_options_.search_text = params.get_bool("dct_from_text");
    dct_options_.fallback = fallback == "file_time" ? DctFallback::kFileTime
                            : fallback == "fixed"   ? DctFallback::kFixed
                                                    : DctFallback::kNone;
    const std::string& fixed = params.get_string("dct_date");
    if (!fixed.empty()) {
      dct_options_.fixed = parse_iso_date(fixed);
      if (!dct_options_.fixed) {
        return Status::InvalidArgument("dct_date: expected a date like 2023-09-04, got '" + fixed +
                                       "'");
      }
    }
    if (dct_options_.fallback == DctFallback::kFixed && !dct_options_.fixed) {
      return Status::InvalidArgument("dct_fallback 'fixed' needs dct_date (e.g. 2023-09-04)");
    }
    return Status::OK();
  }

  Status process(Document& doc) override {
    const std::optional<Dct> dct = find_dct(doc, dct_options_);
    if (dct) {
      doc.meta().set("dct", dct->text);
      doc.meta().set("dct_source", dct->source);
    }
    const Segmentation& seg = segment(doc);
    const TextView& view = doc.view();
    const bool caps = mostly_capitals(view.text());
    std::vector<Mention> mentions;
    for (const Sentence& s : seg.sentences()) {
      recognize_sentence(seg.text(), seg.tokens_of(s), caps, &mentions);
      if (doc.stop_requested()) return Status::Timeout("dating: stopped");
    }
    Resolver resolver(dct ? std::optional<Ymd>(dct->date) : std::nullopt, mode_);
    doc.layer("timex");
    for (const Mention& m : mentions) {
      Value::Object attrs;
      attrs.append_unchecked("type", type_name(m.type));
      attrs.append_unchecked("value", resolver.resolve(m));
      if (m.mod != Mod::kNone) attrs.append_unchecked("mod", mod_name(m.mod));
      if (!m.quant.empty()) attrs.append_unchecked("quant", m.quant);
      if (!m.freq.empty()) attrs.append_unchecked("freq", m.freq);
      if (m.sym.how != Anchoring::kLiteral && !(m.sym.how == Anchoring::kDate && m.sym.year)) {
        attrs.append_unchecked("temporalFunction", "true");
      }
      doc.annotate("timex", view, Span{m.begin, m.end}, std::move(attrs));
    }
    return Status::OK();
  }

 private:
  AnchorMode mode_ = AnchorMode::kNews;
  DctOptions dct_options_;
};

}  // namespace
}  // namespace docpipe::dating

DOCPIPE_PLUGIN(docpipe::dating::DatingStage,
               (docpipe::PluginSpec{
                   .name = "dating",
                   .version = "1.0.0",
                   .description = "Document creation time and TIMEX3 temporal expressions "
                                  "(layer timex) with calendar values.",
                   .params =
                       {
                           docpipe::param::choice(
                               "mode", "news", {"news", "narrative"},
                               "What underspecified dates anchor on: the DCT (news) or the "
                               "last fully specified date mentioned (narrative)."),
                           docpipe::param::choice(
                               "dct_fallback", "none", {"none", "file_time", "fixed"},
                               "DCT when neither meta, a dateline nor a publication line gives "
                               "one: none, the file's time, or dct_date."),
                           docpipe::param::string("dct_date", "",
                                                  "The fixed DCT (YYYY-MM-DD) for "
                                                  "dct_fallback: fixed."),
                           docpipe::param::boolean(
                               "dct_from_text", true,
                               "Look for a dated dateline or a publication line in the first "
                               "lines when meta has no DCT."),
                       },
                   .produced_layers = {"timex"},
                   .optional_layers = {"dateline"},
                   .thread_safe = true,
               }))
