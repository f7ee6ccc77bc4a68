// Alignment between a derived text (a "view", e.g. the cleaned text) and the text it was made
// from, and AlignedTextBuilder, the way stages make such texts.
//
// An alignment is a sequence of pieces, in order in both texts, that together cover every byte
// of the view and every byte of the source exactly once. A piece is either
//   * exact: view bytes [vb, vb+n) are a copy of source bytes [sb, sb+n), byte for byte, or
//   * replaced: view bytes [vb, vb+vn) stand for source bytes [sb, sb+sn) as a whole (an HTML
//     entity decoded, whitespace collapsed, mojibake repaired, text inserted (sn == 0) or
//     deleted (vn == 0)). Offsets inside a replaced piece have no finer correspondence.
//
// Projection is conservative: projecting a view span gives the smallest source span that holds
// everything the view span was made from. All offsets are byte offsets; spans are half-open.
// Alignments are immutable once built and safe to read from many threads.
#ifndef DOCPIPE_ALIGNMENT_H_
#define DOCPIPE_ALIGNMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe {

// A half-open byte range [begin, end).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const noexcept { return end - begin; }
  bool empty() const noexcept { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

class Alignment {
 public:
  struct Piece {
    std::size_t view_begin;
    std::size_t source_begin;
    std::size_t view_size;
    std::size_t source_size;
    bool exact;  // REQUIRES for exact pieces: view_size == source_size
  };

  // The identity alignment over a text of n bytes.
  static Alignment identity(std::size_t n);
  // An empty alignment (both texts empty).
  Alignment() = default;

  std::size_t view_size() const noexcept { return view_size_; }
  std::size_t source_size() const noexcept { return source_size_; }
  bool is_identity() const noexcept;

  // Projects a view span onto the source. REQUIRES: begin <= end <= view_size().
  // An empty span maps to an empty span at the projected position.
  Span to_source(Span view_span) const;
  // Projects a source span onto the view. REQUIRES: begin <= end <= source_size().
  Span to_view(Span source_span) const;

  // Returns the alignment from this alignment's view to `inner`'s source, when this
  // alignment's source is `inner`'s view. REQUIRES: source_size() == inner.view_size().
  Alignment compose(const Alignment& inner) const;

  const std::vector<Piece>& pieces() const noexcept { return pieces_; }

  // Checks every invariant (coverage, order, exact sizes); for tests and debug builds.
  bool valid() const noexcept;

 private:
  friend class AlignedTextBuilder;
  // Map a view position to the source: as a span start (lower) or a span end (upper).
  std::size_t view_to_source_begin(std::size_t v) const;
  std::size_t view_to_source_end(std::size_t v) const;
  std::size_t source_to_view_begin(std::size_t s) const;
  std::size_t source_to_view_end(std::size_t s) const;

  std::vector<Piece> pieces_;
  std::size_t view_size_ = 0;
  std::size_t source_size_ = 0;
};

// Builds a new text from a source text, left to right, recording the alignment as it goes.
//
//   AlignedTextBuilder b(source);
//   b.copy(0, 5);                 // "Hello"
//   b.replace(5, 6, " ");         // six spaces became one
//   b.skip(11, 1);                // a NUL byte dropped
//   b.copy_rest();
//   auto [text, alignment] = std::move(b).finish();
//
// Every call consumes source bytes from the current source position onward; bytes jumped over
// (a call starting after the current position) count as deleted. Calls never go backwards.
class AlignedTextBuilder {
 public:
  explicit AlignedTextBuilder(std::string_view source);

  std::size_t source_position() const noexcept { return src_pos_; }
  std::size_t output_size() const noexcept { return out_.size(); }
  const std::string& output() const noexcept { return out_; }
  void reserve(std::size_t n) { out_.reserve(n); }

  // Copies source [begin, begin+n) unchanged. REQUIRES: begin >= source_position().
  void copy(std::size_t begin, std::size_t n);
  // Copies from the current position to the end of the source.
  void copy_rest();
  // Writes `text` in place of source [begin, begin+n) (n may be 0: an insertion at begin).
  void replace(std::size_t begin, std::size_t n, std::string_view text);
  // Writes `text` at the current source position, standing for no source bytes.
  void insert(std::string_view text);
  // Drops source [begin, begin+n).
  void skip(std::size_t begin, std::size_t n);

  struct Built {
    std::string text;
    Alignment alignment;  // text -> source
  };
  // Drops whatever source remains unconsumed and returns the text and its alignment.
  Built finish() &&;

 private:
  void consume_gap_to(std::size_t begin);
  void push(std::size_t view_n, std::size_t source_n, bool exact);

  std::string_view src_;
  std::string out_;
  std::size_t src_pos_ = 0;
  Alignment al_;
};

}  // namespace docpipe

#endif  // DOCPIPE_ALIGNMENT_H_
