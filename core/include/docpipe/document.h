// The document model: the immutable original text, an id, metadata, text views derived from
// the original (each aligned back to it) and annotation layers.
//
// Offsets contract: every Annotation holds UTF-8 byte offsets into the ORIGINAL text, half-open.
// Stages that work on a derived view (the cleaned text, say) annotate through the view and the
// document projects the span back; they read annotations on their view with view.from_original.
//
// Thread safety: a Document is processed by one thread at a time. References returned by the
// accessors stay valid until the document is destroyed, except Annotation references, which are
// valid until the next annotation is added to the same layer.
#ifndef DOCPIPE_DOCUMENT_H_
#define DOCPIPE_DOCUMENT_H_

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/alignment.h"
#include "docpipe/status.h"
#include "docpipe/value.h"

namespace docpipe {

class Segmentation;

// One annotation: a span of the original text with attributes.
struct Annotation {
  std::size_t begin = 0;  // UTF-8 byte offset into the original text
  std::size_t end = 0;    // exclusive
  Value::Object attrs;
  std::uint16_t producer = 0;  // index into Document::producers(); 0 is "input"
};

// All annotations of one kind ("timex", "entity", ...), in the order they were added.
class Layer {
 public:
  explicit Layer(std::string name) : name_(std::move(name)) {}
  const std::string& name() const noexcept { return name_; }
  std::vector<Annotation>& annotations() noexcept { return annotations_; }
  const std::vector<Annotation>& annotations() const noexcept { return annotations_; }
  std::size_t size() const noexcept { return annotations_.size(); }
  bool empty() const noexcept { return annotations_.empty(); }
  auto begin() const noexcept { return annotations_.begin(); }
  auto end() const noexcept { return annotations_.end(); }
  // Sorts by (begin, end), keeping the order of equal spans.
  void sort_by_offset();

 private:
  std::string name_;
  std::vector<Annotation> annotations_;
};

// A text derived from the original, with its alignment to the original.
class TextView {
 public:
  TextView(std::string name, std::string text, Alignment to_original);

  const std::string& name() const noexcept { return name_; }
  std::string_view text() const noexcept { return text_; }
  const Alignment& alignment() const noexcept { return alignment_; }
  // Projects a span of this view onto the original text, and back.
  Span to_original(Span view_span) const { return alignment_.to_source(view_span); }
  Span from_original(Span original_span) const { return alignment_.to_view(original_span); }

 private:
  std::string name_;
  std::string text_;
  Alignment alignment_;
};

class Document {
 public:
  // The text is taken as is (it should be UTF-8; the cleaning stage repairs it when not).
  Document(std::string id, std::string text, Value::Object meta = {});
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& id() const noexcept { return id_; }
  // The original text; never changes.
  std::string_view text() const noexcept { return views_.front().text(); }

  Value::Object& meta() noexcept { return meta_; }
  const Value::Object& meta() const noexcept { return meta_; }
  // Written as the record's "summary" object when not empty.
  Value::Object& summary() noexcept { return summary_; }
  const Value::Object& summary() const noexcept { return summary_; }

  // ---- Views ----
  // The newest view: the text the next stage should read. The original when no stage made one.
  const TextView& view() const noexcept { return views_.back(); }
  const TextView& original_view() const noexcept { return views_.front(); }
  // nullptr when absent.
  const TextView* find_view(std::string_view name) const noexcept;
  std::size_t view_count() const noexcept { return views_.size(); }
  // All views, oldest (the original) first.
  const std::deque<TextView>& views() const noexcept { return views_; }
  // Adds a view made from the CURRENT view (view()): `built.alignment` maps the new text to the
  // current view's text; it is composed so that the new view aligns to the original.
  // Fails when the alignment does not fit the current view or the name is taken.
  Status add_view(std::string name, AlignedTextBuilder::Built built);

  // ---- Layers ----
  // Creates the layer when absent.
  Layer& layer(std::string_view name);
  const Layer* find_layer(std::string_view name) const noexcept;
  bool has_layer(std::string_view name) const noexcept { return find_layer(name) != nullptr; }
  const std::deque<Layer>& layers() const noexcept { return layers_; }
  // Removes a layer; returns false when it did not exist.
  bool remove_layer(std::string_view name);

  // Adds an annotation given in ORIGINAL offsets. REQUIRES: begin <= end <= text().size().
  Annotation& annotate(std::string_view layer, Span original, Value::Object attrs = {});
  // Adds an annotation given in offsets of `view` (one of this document's views); the span is
  // projected onto the original text.
  Annotation& annotate(std::string_view layer, const TextView& view, Span view_span,
                       Value::Object attrs = {});
  // The original text of an annotation.
  std::string_view text_of(const Annotation& a) const noexcept;

  // ---- Bookkeeping set by the engine ----
  // Names of the stage instances that produced annotations; index 0 is "input".
  const std::vector<std::string>& producers() const noexcept { return producers_; }
  // Subsequent annotations are attributed to `name`; returns its index.
  std::uint16_t set_producer(std::string_view name);
  std::uint16_t current_producer() const noexcept { return current_producer_; }

  // Where the document came from, for messages ("news.jsonl:12", "a/b.txt"); may be empty.
  const std::string& source() const noexcept { return source_; }
  void set_source(std::string source) { source_ = std::move(source); }

  // Cooperative cancellation: long-running stages should poll this between units of work and
  // return Status::Timeout when it is true. Set by the engine when a time limit passes.
  bool stop_requested() const noexcept {
    return stop_flag_ != nullptr && stop_flag_->load(std::memory_order_relaxed);
  }
  void set_stop_flag(const std::atomic<bool>* flag) noexcept { stop_flag_ = flag; }

 private:
  friend class Segmentation;
  friend const Segmentation& segment(Document& doc);

  std::string id_;
  std::deque<TextView> views_;  // front(): original, identity alignment
  Value::Object meta_;
  Value::Object summary_;
  std::deque<Layer> layers_;
  std::vector<std::string> producers_;
  std::uint16_t current_producer_ = 0;
  std::string source_;
  const std::atomic<bool>* stop_flag_ = nullptr;
  std::shared_ptr<const Segmentation> segmentation_;  // cache for the current view
};

}  // namespace docpipe

#endif  // DOCPIPE_DOCUMENT_H_
