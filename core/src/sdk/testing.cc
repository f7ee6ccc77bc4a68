#include "docpipe/testing.h"

#include <utility>

namespace docpipe::testing {

DocumentBuilder::DocumentBuilder(std::string text, std::string id)
    : id_(std::move(id)), text_(std::move(text)) {}

DocumentBuilder& DocumentBuilder::id(std::string id) {
  id_ = std::move(id);
  return *this;
}

DocumentBuilder& DocumentBuilder::meta(std::string key, Value value) {
  meta_.set(std::move(key), std::move(value));
  return *this;
}

Document DocumentBuilder::build() const { return Document(id_, text_, meta_); }

Result<StageHarness> StageHarness::create(const docpipe_plugin_entry_t* entry,
                                          Value::Object params) {
  if (entry == nullptr) return Status::InvalidArgument("no plugin entry");
  std::string error;
  const PluginSpec* spec = entry->spec(&error);
  if (spec == nullptr) return Status::Internal(error);
  if (Status s = check_plugin_spec(*spec); !s.ok()) return s;
  std::vector<ParamIssue> issues;
  std::optional<Params> validated = validate_params(spec->params, params, &issues);
  if (!validated) {
    std::string msg = "plugin '" + spec->name + "':";
    for (const auto& i : issues) msg += " " + i.message + ";";
    msg.pop_back();
    return Status::InvalidArgument(std::move(msg));
  }
  StageHarness h;
  h.entry_ = entry;
  h.spec_ = spec;
  h.stage_ = entry->create(&error);
  if (h.stage_ == nullptr) return Status::Internal(error);
  if (Status s = h.stage_->configure(*validated); !s.ok()) {
    return s.WithContext("plugin '" + spec->name + "' configure");
  }
  return h;
}

Status StageHarness::run(Document& doc) {
  const std::string previous = doc.producers()[doc.current_producer()];
  doc.set_producer(spec_->name);
  Status s = stage_->process(doc);
  doc.set_producer(previous);
  return s;
}

StageHarness::StageHarness(StageHarness&& o) noexcept
    : entry_(o.entry_), spec_(o.spec_), stage_(std::exchange(o.stage_, nullptr)) {}

StageHarness& StageHarness::operator=(StageHarness&& o) noexcept {
  if (this != &o) {
    if (stage_) entry_->destroy(stage_);
    entry_ = o.entry_;
    spec_ = o.spec_;
    stage_ = std::exchange(o.stage_, nullptr);
  }
  return *this;
}

StageHarness::~StageHarness() {
  if (stage_) entry_->destroy(stage_);
}

std::vector<std::string> layer_texts(const Document& doc, std::string_view layer) {
  std::vector<std::string> out;
  if (const Layer* l = doc.find_layer(layer)) {
    for (const auto& a : *l) out.emplace_back(doc.text_of(a));
  }
  return out;
}

const Annotation* find_annotation(const Document& doc, std::string_view layer,
                                  std::string_view text) {
  if (const Layer* l = doc.find_layer(layer)) {
    for (const auto& a : *l) {
      if (doc.text_of(a) == text) return &a;
    }
  }
  return nullptr;
}

std::string attr_of(const Document& doc, std::string_view layer, std::string_view text,
                    std::string_view key) {
  const Annotation* a = find_annotation(doc, layer, text);
  if (a == nullptr) return {};
  const Value* v = a->attrs.find(key);
  return v && v->is_string() ? v->as_string() : std::string();
}

}  // namespace docpipe::testing
