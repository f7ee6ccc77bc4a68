#include "docpipe/alignment.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace docpipe {

// ---- Alignment ----

Alignment Alignment::identity(std::size_t n) {
  Alignment a;
  if (n > 0) a.pieces_.push_back({0, 0, n, n, true});
  a.view_size_ = n;
  a.source_size_ = n;
  return a;
}

bool Alignment::is_identity() const noexcept {
  if (view_size_ != source_size_) return false;
  if (pieces_.empty()) return view_size_ == 0;
  return pieces_.size() == 1 && pieces_[0].exact;
}

namespace {

// The piece with a positive view size that contains view position v. REQUIRES: v < view size.
template <typename Pieces>
const Alignment::Piece& piece_at_view(const Pieces& pieces, std::size_t v) {
  auto it = std::upper_bound(pieces.begin(), pieces.end(), v,
                             [](std::size_t x, const Alignment::Piece& p) { return x < p.view_begin; });
  return *(it - 1);
}

template <typename Pieces>
const Alignment::Piece& piece_at_source(const Pieces& pieces, std::size_t s) {
  auto it = std::upper_bound(
      pieces.begin(), pieces.end(), s,
      [](std::size_t x, const Alignment::Piece& p) { return x < p.source_begin; });
  return *(it - 1);
}

}  // namespace

std::size_t Alignment::view_to_source_begin(std::size_t v) const {
  if (v >= view_size_) return source_size_;
  const Piece& p = piece_at_view(pieces_, v);
  return p.exact ? p.source_begin + (v - p.view_begin) : p.source_begin;
}

std::size_t Alignment::view_to_source_end(std::size_t v) const {
  if (v == 0) return 0;
  const Piece& p = piece_at_view(pieces_, v - 1);
  return p.exact ? p.source_begin + (v - p.view_begin) : p.source_begin + p.source_size;
}

std::size_t Alignment::source_to_view_begin(std::size_t s) const {
  if (s >= source_size_) return view_size_;
  const Piece& p = piece_at_source(pieces_, s);
  return p.exact ? p.view_begin + (s - p.source_begin) : p.view_begin;
}

std::size_t Alignment::source_to_view_end(std::size_t s) const {
  if (s == 0) return 0;
  const Piece& p = piece_at_source(pieces_, s - 1);
  return p.exact ? p.view_begin + (s - p.source_begin) : p.view_begin + p.view_size;
}

Span Alignment::to_source(Span v) const {
  if (v.begin > v.end || v.end > view_size_) {
    throw std::out_of_range("Alignment::to_source: span [" + std::to_string(v.begin) + ", " +
                            std::to_string(v.end) + ") outside a view of " +
                            std::to_string(view_size_) + " bytes");
  }
  if (v.begin == v.end) {
    std::size_t p = view_to_source_begin(v.begin);
    return {p, p};
  }
  return {view_to_source_begin(v.begin), view_to_source_end(v.end)};
}

Span Alignment::to_view(Span s) const {
  if (s.begin > s.end || s.end > source_size_) {
    throw std::out_of_range("Alignment::to_view: span [" + std::to_string(s.begin) + ", " +
                            std::to_string(s.end) + ") outside a text of " +
                            std::to_string(source_size_) + " bytes");
  }
  if (s.begin == s.end) {
    std::size_t p = source_to_view_begin(s.begin);
    return {p, p};
  }
  Span out{source_to_view_begin(s.begin), source_to_view_end(s.end)};
  if (out.end < out.begin) out.end = out.begin;  // a span inside a deletion
  return out;
}

bool Alignment::valid() const noexcept {
  std::size_t v = 0, s = 0;
  for (const Piece& p : pieces_) {
    if (p.view_begin != v || p.source_begin != s) return false;
    if (p.exact && p.view_size != p.source_size) return false;
    if (p.view_size == 0 && p.source_size == 0) return false;
    v += p.view_size;
    s += p.source_size;
  }
  return v == view_size_ && s == source_size_;
}

namespace {

// Appends pieces, merging neighbouring exact ones.
class PieceWriter {
 public:
  explicit PieceWriter(std::vector<Alignment::Piece>& out) : out_(out) {}
  void emit(std::size_t view_n, std::size_t source_n, bool exact) {
    if (view_n == 0 && source_n == 0) return;
    if (!out_.empty()) {
      Alignment::Piece& last = out_.back();
      const bool both_exact = exact && last.exact;
      const bool both_deletions = !exact && !last.exact && view_n == 0 && last.view_size == 0;
      if (both_exact || both_deletions) {
        last.view_size += view_n;
        last.source_size += source_n;
        v_ += view_n;
        s_ += source_n;
        return;
      }
    }
    out_.push_back({v_, s_, view_n, source_n, exact});
    v_ += view_n;
    s_ += source_n;
  }
  std::size_t view_pos() const { return v_; }
  std::size_t source_pos() const { return s_; }

 private:
  std::vector<Alignment::Piece>& out_;
  std::size_t v_ = 0, s_ = 0;
};

}  // namespace

// Walks both alignments over the middle text (this one's source, inner's view). Exact pieces
// on both sides compose to exact pieces; wherever either side has a replaced piece, the pieces
// that overlap it (transitively) merge into one replaced piece, so that neither side's
// replacement is ever split.
Alignment Alignment::compose(const Alignment& inner) const {
  if (source_size_ != inner.view_size_) {
    throw std::invalid_argument("Alignment::compose: outer source has " +
                                std::to_string(source_size_) + " bytes, inner view has " +
                                std::to_string(inner.view_size_));
  }
  Alignment result;
  result.view_size_ = view_size_;
  result.source_size_ = inner.source_size_;
  PieceWriter w(result.pieces_);
  const auto& A = pieces_;
  const auto& B = inner.pieces_;
  std::size_t i = 0, j = 0;        // current pieces
  std::size_t aoff = 0, boff = 0;  // middle-text offset consumed inside A[i] / B[j]
  while (i < A.size() || j < B.size()) {
    if (i < A.size() && A[i].source_size == 0) {  // text inserted by the outer alignment
      w.emit(A[i].view_size, 0, false);
      ++i;
      continue;
    }
    if (j < B.size() && B[j].view_size == 0) {  // text deleted by the inner alignment
      w.emit(0, B[j].source_size, false);
      ++j;
      continue;
    }
    if (i >= A.size() || j >= B.size()) break;  // cannot happen for valid alignments
    const Piece& a = A[i];
    const Piece& b = B[j];
    if (a.exact && b.exact) {
      std::size_t n = std::min(a.source_size - aoff, b.view_size - boff);
      w.emit(n, n, true);
      aoff += n;
      boff += n;
      if (aoff == a.source_size) ++i, aoff = 0;
      if (boff == b.view_size) ++j, boff = 0;
      continue;
    }
    // A cluster starting at middle position x.
    const std::size_t x = a.source_begin + aoff;
    std::size_t y = x;
    if (!a.exact) y = std::max(y, a.source_begin + a.source_size);
    if (!b.exact) y = std::max(y, b.view_begin + b.view_size);
    std::size_t xa = x, xb = x, view_n = 0, source_n = 0;
    for (;;) {
      while (xa < y && i < A.size()) {
        const Piece& p = A[i];
        if (p.source_size == 0) {
          view_n += p.view_size;
          ++i;
          continue;
        }
        if (!p.exact) {
          view_n += p.view_size;
          xa = p.source_begin + p.source_size;
          ++i;
          aoff = 0;
          continue;
        }
        std::size_t take = std::min(p.source_size - aoff, y - xa);
        view_n += take;
        xa += take;
        aoff += take;
        if (aoff == p.source_size) ++i, aoff = 0;
      }
      while (xb < y && j < B.size()) {
        const Piece& p = B[j];
        if (p.view_size == 0) {
          source_n += p.source_size;
          ++j;
          continue;
        }
        if (!p.exact) {
          source_n += p.source_size;
          xb = p.view_begin + p.view_size;
          ++j;
          boff = 0;
          continue;
        }
        std::size_t take = std::min(p.view_size - boff, y - xb);
        source_n += take;
        xb += take;
        boff += take;
        if (boff == p.view_size) ++j, boff = 0;
      }
      std::size_t next = std::max(xa, xb);
      if (next == y) break;
      y = next;
    }
    w.emit(view_n, source_n, false);
  }
  return result;
}

// ---- AlignedTextBuilder ----

AlignedTextBuilder::AlignedTextBuilder(std::string_view source) : src_(source) {
  al_.source_size_ = source.size();
}

void AlignedTextBuilder::push(std::size_t view_n, std::size_t source_n, bool exact) {
  if (view_n == 0 && source_n == 0) return;
  auto& pieces = al_.pieces_;
  if (!pieces.empty()) {
    Alignment::Piece& last = pieces.back();
    const bool both_exact = exact && last.exact;
    const bool both_deletions = !exact && !last.exact && view_n == 0 && last.view_size == 0;
    if (both_exact || both_deletions) {
      last.view_size += view_n;
      last.source_size += source_n;
      return;
    }
  }
  std::size_t vb = pieces.empty() ? 0 : pieces.back().view_begin + pieces.back().view_size;
  std::size_t sb = pieces.empty() ? 0 : pieces.back().source_begin + pieces.back().source_size;
  pieces.push_back({vb, sb, view_n, source_n, exact});
}

void AlignedTextBuilder::consume_gap_to(std::size_t begin) {
  if (begin < src_pos_ || begin > src_.size()) {
    throw std::invalid_argument("AlignedTextBuilder: source offset " + std::to_string(begin) +
                                " is before the current position " + std::to_string(src_pos_) +
                                " or past the end (" + std::to_string(src_.size()) + ")");
  }
  if (begin > src_pos_) {
    push(0, begin - src_pos_, false);
    src_pos_ = begin;
  }
}

void AlignedTextBuilder::copy(std::size_t begin, std::size_t n) {
  consume_gap_to(begin);
  if (n > src_.size() - begin) throw std::invalid_argument("AlignedTextBuilder::copy: past the end");
  out_.append(src_.data() + begin, n);
  push(n, n, true);
  src_pos_ = begin + n;
}

void AlignedTextBuilder::copy_rest() { copy(src_pos_, src_.size() - src_pos_); }

void AlignedTextBuilder::replace(std::size_t begin, std::size_t n, std::string_view text) {
  consume_gap_to(begin);
  if (n > src_.size() - begin) {
    throw std::invalid_argument("AlignedTextBuilder::replace: past the end");
  }
  out_.append(text);
  push(text.size(), n, text == src_.substr(begin, n));
  src_pos_ = begin + n;
}

void AlignedTextBuilder::insert(std::string_view text) {
  out_.append(text);
  push(text.size(), 0, false);
}

void AlignedTextBuilder::skip(std::size_t begin, std::size_t n) {
  consume_gap_to(begin);
  if (n > src_.size() - begin) throw std::invalid_argument("AlignedTextBuilder::skip: past the end");
  push(0, n, false);
  src_pos_ = begin + n;
}

AlignedTextBuilder::Built AlignedTextBuilder::finish() && {
  consume_gap_to(src_.size());
  al_.view_size_ = out_.size();
  return Built{std::move(out_), std::move(al_)};
}

}  // namespace docpipe
