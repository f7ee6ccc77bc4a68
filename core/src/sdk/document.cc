#include "docpipe/document.h"

#include <algorithm>
#include <stdexcept>

#include "docpipe/text/segmenter.h"

namespace docpipe {

void Layer::sort_by_offset() {
  std::stable_sort(annotations_.begin(), annotations_.end(),
                   [](const Annotation& a, const Annotation& b) {
                     return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
                   });
}

TextView::TextView(std::string name, std::string text, Alignment to_original)
    : name_(std::move(name)), text_(std::move(text)), alignment_(std::move(to_original)) {}

Document::Document(std::string id, std::string text, Value::Object meta)
    : id_(std::move(id)), meta_(std::move(meta)) {
  const std::size_t n = text.size();
  views_.emplace_back("original", std::move(text), Alignment::identity(n));
  producers_.push_back("input");
}

Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

const TextView* Document::find_view(std::string_view name) const noexcept {
  for (const auto& v : views_) {
    if (v.name() == name) return &v;
  }
  return nullptr;
}

Status Document::add_view(std::string name, AlignedTextBuilder::Built built) {
  if (find_view(name) != nullptr) {
    return Status::InvalidArgument("document '" + id_ + "' already has a view named '" + name + "'");
  }
  const TextView& base = view();
  if (built.alignment.source_size() != base.text().size()) {
    return Status::InvalidArgument("view '" + name + "' is aligned to a text of " +
                                   std::to_string(built.alignment.source_size()) +
                                   " bytes, but the current view '" + base.name() + "' has " +
                                   std::to_string(base.text().size()));
  }
  if (built.alignment.view_size() != built.text.size()) {
    return Status::InvalidArgument("view '" + name + "' has " + std::to_string(built.text.size()) +
                                   " bytes but its alignment covers " +
                                   std::to_string(built.alignment.view_size()));
  }
  Alignment to_original = base.alignment().is_identity()
                              ? std::move(built.alignment)
                              : built.alignment.compose(base.alignment());
  views_.emplace_back(std::move(name), std::move(built.text), std::move(to_original));
  return Status::OK();
}

Layer& Document::layer(std::string_view name) {
  for (auto& l : layers_) {
    if (l.name() == name) return l;
  }
  return layers_.emplace_back(std::string(name));
}

const Layer* Document::find_layer(std::string_view name) const noexcept {
  for (const auto& l : layers_) {
    if (l.name() == name) return &l;
  }
  return nullptr;
}

bool Document::remove_layer(std::string_view name) {
  for (auto it = layers_.begin(); it != layers_.end(); ++it) {
    if (it->name() == name) {
      layers_.erase(it);
      return true;
    }
  }
  return false;
}

Annotation& Document::annotate(std::string_view layer_name, Span original, Value::Object attrs) {
  if (original.begin > original.end || original.end > text().size()) {
    throw std::out_of_range("annotation [" + std::to_string(original.begin) + ", " +
                            std::to_string(original.end) + ") on layer '" +
                            std::string(layer_name) + "' is outside the text of document '" +
                            id_ + "' (" + std::to_string(text().size()) + " bytes)");
  }
  auto& anns = layer(layer_name).annotations();
  anns.push_back(Annotation{original.begin, original.end, std::move(attrs), current_producer_});
  return anns.back();
}

Annotation& Document::annotate(std::string_view layer_name, const TextView& view, Span view_span,
                               Value::Object attrs) {
  return annotate(layer_name, view.to_original(view_span), std::move(attrs));
}

std::string_view Document::text_of(const Annotation& a) const noexcept {
  std::string_view t = text();
  if (a.begin > a.end || a.end > t.size()) return {};
  return t.substr(a.begin, a.end - a.begin);
}

std::uint16_t Document::set_producer(std::string_view name) {
  for (std::size_t i = 0; i < producers_.size(); ++i) {
    if (producers_[i] == name) {
      current_producer_ = static_cast<std::uint16_t>(i);
      return current_producer_;
    }
  }
  if (producers_.size() >= 0xFFFF) throw std::length_error("too many producers");
  producers_.emplace_back(name);
  current_producer_ = static_cast<std::uint16_t>(producers_.size() - 1);
  return current_producer_;
}

}  // namespace docpipe
