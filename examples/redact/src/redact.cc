// redact: a docpipe stage that masks e-mail addresses and phone numbers.
//
// It records each one as layer "redaction" (attr kind: email | phone) and adds a view
// "redacted" in which they are replaced by a mask, so that later stages never see them while
// every annotation still points into the original text.
#include "docpipe/plugin.h"
#include "pii_scanner.h"

namespace {

class Redact final : public docpipe::Stage {
 public:
  docpipe::Status configure(const docpipe::Params& params) override {
    mask_ = params.get_string("mask");
    emails_ = params.get_bool("emails");
    phones_ = params.get_bool("phones");
    return docpipe::Status::OK();
  }

  docpipe::Status process(docpipe::Document& doc) override {
    const docpipe::TextView& view = doc.view();
    const std::string_view text = view.text();
    const auto matches = redact::find_pii(text, emails_, phones_);
    if (matches.empty()) return docpipe::Status::OK();
    docpipe::AlignedTextBuilder b(text);
    for (const auto& m : matches) {
      const char* kind = m.kind == redact::Match::Kind::kEmail ? "email" : "phone";
      doc.annotate("redaction", view, docpipe::Span{m.begin, m.end}, {{"kind", kind}});
      b.copy(b.source_position(), m.begin - b.source_position());
      b.replace(m.begin, m.end - m.begin, mask_);
    }
    b.copy_rest();
    doc.meta().set("redactions", static_cast<std::int64_t>(matches.size()));
    return doc.add_view("redacted", std::move(b).finish());
  }

 private:
  std::string mask_;
  bool emails_ = true;
  bool phones_ = true;
};

}  // namespace

DOCPIPE_PLUGIN(Redact, (docpipe::PluginSpec{
                           .name = "redact",
                           .version = "1.0.0",
                           .description = "Masks e-mail addresses and phone numbers.",
                           .params = {docpipe::param::string("mask", "[REDACTED]",
                                                             "Text that replaces each one."),
                                      docpipe::param::boolean("emails", true, "Mask e-mail addresses."),
                                      docpipe::param::boolean("phones", true, "Mask phone numbers.")},
                           .produced_layers = {"redaction"},
                           .thread_safe = true,
                       }))
