// The `clean` stage: adds the view "clean" (repaired, normalized text aligned to the original),
// marks paragraphs and the lead, and records header fields, the dateline and the document
// date in meta. See clean_options.cc for every parameter and README.md for the choices made.
#include <optional>
#include <string>

#include "clean_options.h"
#include "date_parse.h"
#include "dateline.h"
#include "docpipe/plugin.h"
#include "docpipe/stage.h"
#include "html_detect.h"
#include "paragraphs.h"
#include "text_cleaner.h"

namespace docpipe::clean {
namespace {

// How many paragraphs from the start may hold the dateline (the seed's is the third).
constexpr std::size_t kDatelineParagraphs = 6;

bool decide_html(HtmlMode mode, const Value::Object& meta, std::string_view text) {
  if (mode == HtmlMode::kAlways) return true;
  if (mode == HtmlMode::kNever) return false;
  for (const char* key : {"content_type", "mime_type", "mime", "format"}) {
    if (const Value* v = meta.find(key); v != nullptr && v->is_string()) {
      return is_html_content_type(v->as_string());
    }
  }
  // A file read by the engine carries its path in meta.source.
  if (const Value* v = meta.find("source"); v != nullptr && v->is_string()) {
    const std::string_view path = v->as_string();
    for (std::string_view ext : {".html", ".htm", ".xhtml", ".HTML", ".HTM"}) {
      if (path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext) return true;
    }
  }
  return looks_like_html(text);
}

std::string unique_view_name(const Document& doc, const std::string& base) {
  if (doc.find_view(base) == nullptr) return base;
  for (int k = 2;; ++k) {
    std::string name = base + "-" + std::to_string(k);
    if (doc.find_view(name) == nullptr) return name;
  }
}

void set_dct(Value::Object& meta, const std::string& date, const char* source) {
  meta.set("dct", date);
  meta.set("dct_source", source);
}

bool has_dct(const Value::Object& meta) {
  const Value* v = meta.find("dct");
  return v != nullptr && v->is_string() && !v->as_string().empty();
}

// Header fields: meta.header, and meta.dct / meta.title from them when absent.
void record_header(Document& doc, const TextView& input, const std::vector<HeaderField>& fields) {
  if (fields.empty()) return;
  Value::Object header;
  const HeaderField* creation = nullptr;
  const HeaderField* update = nullptr;
  for (const HeaderField& f : fields) {
    header.set(f.key, f.value);
    doc.annotate("header", input, {f.begin, f.end}, {{"key", f.key}, {"value", f.value}});
    if (f.date && f.date->year != 0) {
      if (is_creation_date_key(f.key) && creation == nullptr) creation = &f;
      if (!is_creation_date_key(f.key) && update == nullptr) update = &f;
    }
  }
  Value::Object& meta = doc.meta();
  meta.set("header", std::move(header));
  const HeaderField* date = creation != nullptr ? creation : update;
  if (date != nullptr && !has_dct(meta)) set_dct(meta, iso_date(*date->date), "header");
  if (!meta.contains("title")) {
    for (const HeaderField& f : fields) {
      if (f.key == "title" || f.key == "headline") {
        meta.set("title", f.value);
        break;
      }
    }
  }
}

// HTML: meta.title from <title> (or og:title), meta.html from <meta>, meta.dct from a
// publication date there.
void record_html(Document& doc, const CleanOutput& out) {
  Value::Object& meta = doc.meta();
  std::string title = out.html_title;
  if (title.empty()) {
    if (const Value* og = out.html_meta.find("og:title"); og != nullptr && og->is_string()) {
      title = og->as_string();
    }
  }
  if (!title.empty() && !meta.contains("title")) meta.set("title", title);
  if (!out.html_meta.empty()) meta.set("html", out.html_meta);
  if (has_dct(meta)) return;
  for (const char* key : {"article:published_time", "dcterms.created", "dc.date.issued", "dc.date",
                          "date", "pubdate", "publish-date", "publishdate", "dcterms.date"}) {
    const Value* v = out.html_meta.find(key);
    if (v == nullptr || !v->is_string()) continue;
    if (auto d = parse_date_prefix(v->as_string()); d && d->date.year != 0) {
      set_dct(meta, iso_date(d->date), "html_meta");
      return;
    }
  }
}

void record_counts(Value::Object& meta, const CleanOutput& out) {
  const CleanCounts& c = out.counts;
  const std::pair<const char*, std::size_t> counts[] = {{"invalid_utf8", c.invalid_utf8},
                                                        {"bom", c.bom},
                                                        {"controls", c.controls},
                                                        {"mojibake", c.mojibake},
                                                        {"cp1252", c.cp1252},
                                                        {"normalized", c.normalized},
                                                        {"folded", c.folded},
                                                        {"whitespace", c.whitespace},
                                                        {"hyphen_joins", c.hyphen_joins},
                                                        {"html_dropped", c.html_dropped}};
  Value* previous = meta.find("clean");
  if (previous == nullptr || !previous->is_object()) {
    Value::Object obj;
    obj.reserve(std::size(counts) + 1);
    for (const auto& [key, n] : counts) obj.append_unchecked(key, static_cast<std::int64_t>(n));
    obj.append_unchecked("html", out.html);
    meta.set("clean", std::move(obj));
    return;
  }
  // The stage ran before on this document: add up.
  Value::Object& obj = previous->as_object();
  for (const auto& [key, n] : counts) {
    const Value* before = obj.find(key);
    obj.set(key, (before != nullptr ? before->int_or(0) : 0) + static_cast<std::int64_t>(n));
  }
  const Value* html_before = obj.find("html");
  obj.set("html", out.html || (html_before != nullptr && html_before->bool_or(false)));
}

class CleanStage final : public Stage {
 public:
  Status configure(const Params& params) override {
    Result<CleanOptions> options = options_from_params(params);
    if (!options.ok()) return options.status();
    Result<TextCleaner> cleaner = TextCleaner::create(*options);
    if (!cleaner.ok()) return cleaner.status();
    cleaner_.emplace(std::move(*cleaner));
    return Status::OK();
  }

  Status process(Document& doc) override {
    if (!cleaner_) return Status::Internal("clean: process() before configure()");
    const CleanOptions& o = cleaner_->options();
    const TextView& input = doc.view();
    const bool html = decide_html(o.html, doc.meta(), input.text());
    CleanOutput out = cleaner_->clean(input.text(), html);
    if (doc.stop_requested()) return Status::Timeout("clean: stopped");

    Value::Object& meta = doc.meta();
    if (has_dct(meta) && !meta.contains("dct_source")) meta.set("dct_source", "input");
    record_header(doc, input, out.header);
    if (html) record_html(doc, out);
    record_counts(doc.meta(), out);

    if (Status s = doc.add_view(unique_view_name(doc, o.view_name), std::move(out.built));
        !s.ok()) {
      return s;
    }
    mark_structure(doc, doc.view());
    if (o.store_text) doc.meta().set("clean_text", doc.view().text());
    return Status::OK();
  }

 private:
  // Paragraphs, the dateline and the lead paragraph of the new view.
  void mark_structure(Document& doc, const TextView& view) const {
    const CleanOptions& o = cleaner_->options();
    const std::string_view text = view.text();
    const std::vector<ParagraphSpan> paragraphs =
        find_paragraphs(text, o.collapse_spaces && o.collapse_blank_lines && o.normalize_newlines);

    std::optional<Dateline> dateline;
    std::size_t dateline_paragraph = 0;
    if (o.datelines) {
      doc.remove_layer("dateline");
      for (std::size_t i = 0; i < paragraphs.size() && i < kDatelineParagraphs; ++i) {
        const ParagraphSpan& p = paragraphs[i];
        dateline = match_dateline(text.substr(p.begin, p.end - p.begin));
        if (dateline) {
          dateline_paragraph = i;
          break;
        }
      }
    }
    int lead = dateline ? -1 : first_prose_paragraph(text, paragraphs);
    if (dateline) {
      lead = static_cast<int>(dateline->alone ? dateline_paragraph + 1 : dateline_paragraph);
      if (lead >= static_cast<int>(paragraphs.size())) lead = static_cast<int>(dateline_paragraph);
      record_dateline(doc, view, paragraphs[dateline_paragraph].begin, *dateline);
    }
    if (!o.mark_paragraphs) return;
    doc.remove_layer("paragraph");
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
      Value::Object attrs;
      if (static_cast<int>(i) == lead) attrs.set("lead", true);
      if (dateline && dateline->alone && i == dateline_paragraph) attrs.set("kind", "dateline");
      doc.annotate("paragraph", view, {paragraphs[i].begin, paragraphs[i].end}, std::move(attrs));
    }
  }

  static void record_dateline(Document& doc, const TextView& view, std::size_t at,
                              const Dateline& d) {
    Value::Object& meta = doc.meta();
    std::string_view written = view.text().substr(at, d.length);
    while (!written.empty() && (written.back() == ' ' || written.back() == '\n')) {
      written.remove_suffix(1);
    }
    Value::Object dl;
    Value::Object attrs;
    if (!d.place.empty()) {
      dl.set("place", d.place);
      attrs.set("place", d.place);
    }
    if (d.date) {
      CalendarDate date = *d.date;
      if (date.year == 0) {
        const Value* dct = meta.find("dct");
        if (dct != nullptr && dct->is_string()) {
          if (auto ref = parse_iso_date(dct->as_string())) {
            date.year = nearest_year(date.month, date.day, *ref);
          }
        }
      }
      dl.set("date", iso_date(date));
      attrs.set("date", iso_date(date));
      if (date.year != 0 && !has_dct(meta)) set_dct(meta, iso_date(date), "dateline");
    }
    if (!d.agency.empty()) {
      dl.set("agency", d.agency);
      attrs.set("agency", d.agency);
    }
    dl.set("text", written);
    meta.set("dateline", std::move(dl));
    doc.annotate("dateline", view, {at, at + written.size()}, std::move(attrs));
  }

  std::optional<TextCleaner> cleaner_;
};

}  // namespace
}  // namespace docpipe::clean

DOCPIPE_PLUGIN(docpipe::clean::CleanStage,
               (docpipe::PluginSpec{
                   .name = "clean",
                   .version = "1.0.0",
                   .description = "Repairs encoding and mojibake, extracts HTML text, normalizes "
                                  "Unicode and white space, parses header fields and datelines; "
                                  "adds the view \"clean\" aligned to the original bytes.",
                   .params = docpipe::clean::clean_param_specs(),
                   .produced_layers = {"paragraph", "dateline", "header"},
                   .thread_safe = true,
               }))
