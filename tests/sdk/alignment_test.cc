#include "docpipe/alignment.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace docpipe {
namespace {

TEST(Alignment, IdentityMapsSpansToThemselves) {
  Alignment a = Alignment::identity(10);
  EXPECT_TRUE(a.valid());
  EXPECT_TRUE(a.is_identity());
  EXPECT_EQ(a.to_source({2, 7}), (Span{2, 7}));
  EXPECT_EQ(a.to_view({0, 10}), (Span{0, 10}));
  EXPECT_EQ(a.to_source({4, 4}), (Span{4, 4}));
}

TEST(Alignment, EmptyAlignment) {
  Alignment a = Alignment::identity(0);
  EXPECT_TRUE(a.valid());
  EXPECT_EQ(a.to_source({0, 0}), (Span{0, 0}));
}

TEST(AlignedTextBuilder, CopyReplaceSkipInsert) {
  const std::string src("Hello   wor\0ld &amp; x", 22);
  AlignedTextBuilder b(src);
  b.copy(0, 5);           // "Hello"
  b.replace(5, 3, " ");   // three spaces -> one
  b.copy(8, 3);           // "wor"
  b.skip(11, 1);          // NUL
  b.copy(12, 3);          // "ld "
  b.replace(15, 5, "&");  // "&amp;" -> "&"
  b.insert("!");
  b.copy_rest();          // " x"
  auto built = std::move(b).finish();
  EXPECT_EQ(built.text, "Hello world &! x");
  const Alignment& a = built.alignment;
  ASSERT_TRUE(a.valid());
  EXPECT_EQ(a.view_size(), built.text.size());
  EXPECT_EQ(a.source_size(), src.size());
  // "world" in the view spans "wor\0ld" in the source.
  EXPECT_EQ(a.to_source({6, 11}), (Span{8, 14}));
  // "&" maps to the whole entity.
  EXPECT_EQ(a.to_source({12, 13}), (Span{15, 20}));
  // The inserted "!" maps to an empty span where it was inserted.
  EXPECT_EQ(a.to_source({13, 14}), (Span{20, 20}));
  // Back: the entity maps to "&", the NUL to an empty span.
  EXPECT_EQ(a.to_view({15, 20}), (Span{12, 13}));
  EXPECT_EQ(a.to_view({11, 12}).size(), 0u);
  // A span starting inside a replacement covers the whole replacement.
  EXPECT_EQ(a.to_view({17, 18}), (Span{12, 13}));
}

TEST(AlignedTextBuilder, RejectsGoingBackwards) {
  AlignedTextBuilder b("abcdef");
  b.copy(2, 2);
  EXPECT_THROW(b.copy(1, 1), std::invalid_argument);
  EXPECT_THROW(b.copy(4, 10), std::invalid_argument);
}

TEST(AlignedTextBuilder, ReplaceWithSameBytesStaysExact) {
  AlignedTextBuilder b("abc");
  b.replace(0, 3, "abc");
  auto built = std::move(b).finish();
  EXPECT_TRUE(built.alignment.is_identity());
}

TEST(Alignment, OutOfRangeSpansThrow) {
  Alignment a = Alignment::identity(3);
  EXPECT_THROW(a.to_source({2, 4}), std::out_of_range);
  EXPECT_THROW(a.to_view({3, 2}), std::out_of_range);
}

// A random edit script over `src`; returns the built text and alignment.
AlignedTextBuilder::Built random_edit(const std::string& src, std::mt19937& rng) {
  AlignedTextBuilder b(src);
  std::size_t pos = 0;
  std::uniform_int_distribution<int> op(0, 5);
  while (pos < src.size()) {
    std::size_t n = std::min<std::size_t>(src.size() - pos, 1 + rng() % 6);
    switch (op(rng)) {
      case 0:
      case 1:
      case 2: b.copy(pos, n); break;
      case 3: b.replace(pos, n, std::string(rng() % 4, 'R')); break;
      case 4: b.skip(pos, n); break;
      case 5:
        b.insert(std::string(1 + rng() % 3, 'I'));
        n = 0;
        break;
    }
    pos += n;
  }
  if (rng() % 2) b.insert("END");
  return std::move(b).finish();
}

std::string random_text(std::mt19937& rng, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s.push_back(static_cast<char>('a' + rng() % 26));
  return s;
}

// Property: projecting a view span onto the source gives a source span whose bytes contain
// every exactly-copied byte of the view span, in order; and projecting it back covers the view
// span.
void check_projection(const std::string& src, const AlignedTextBuilder::Built& built) {
  const Alignment& a = built.alignment;
  ASSERT_TRUE(a.valid());
  const std::size_t n = built.text.size();
  for (std::size_t b = 0; b <= n; ++b) {
    for (std::size_t e = b; e <= n && e <= b + 12; ++e) {
      Span s = a.to_source({b, e});
      ASSERT_LE(s.begin, s.end);
      ASSERT_LE(s.end, src.size());
      // Every exact piece's bytes inside [b, e) occur at their mapped place inside s.
      for (const auto& p : a.pieces()) {
        if (!p.exact) continue;
        const std::size_t lo = std::max(b, p.view_begin);
        const std::size_t hi = std::min(e, p.view_begin + p.view_size);
        for (std::size_t v = lo; v < hi; ++v) {
          const std::size_t sp = p.source_begin + (v - p.view_begin);
          ASSERT_GE(sp, s.begin);
          ASSERT_LT(sp, s.end);
          ASSERT_EQ(src[sp], built.text[v]);
        }
      }
      // Projecting back covers every view byte of [b, e) that came from the source
      // (inserted text has no source to come back from).
      std::size_t lo = e, hi = b;
      for (const auto& p : a.pieces()) {
        if (p.source_size == 0) continue;
        const std::size_t pl = std::max(b, p.view_begin);
        const std::size_t ph = std::min(e, p.view_begin + p.view_size);
        if (pl < ph) {
          lo = std::min(lo, pl);
          hi = std::max(hi, ph);
        }
      }
      if (lo < hi) {
        Span back = a.to_view(s);
        ASSERT_LE(back.begin, lo);
        ASSERT_GE(back.end, hi);
      }
    }
  }
}

TEST(AlignmentProperty, RandomEditsProjectToSameContent) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 300; ++round) {
    std::string src = random_text(rng, rng() % 60);
    auto built = random_edit(src, rng);
    check_projection(src, built);
  }
}

TEST(AlignmentProperty, ComposedEditsProjectToOriginal) {
  std::mt19937 rng(777);
  for (int round = 0; round < 300; ++round) {
    std::string original = random_text(rng, rng() % 60);
    auto first = random_edit(original, rng);
    auto second = random_edit(first.text, rng);
    Alignment composed = second.alignment.compose(first.alignment);
    ASSERT_TRUE(composed.valid()) << "round " << round;
    ASSERT_EQ(composed.view_size(), second.text.size());
    ASSERT_EQ(composed.source_size(), original.size());
    // The composed projection must contain what projecting twice gives.
    for (std::size_t b = 0; b <= second.text.size(); ++b) {
      for (std::size_t e = b + 1; e <= second.text.size() && e <= b + 10; ++e) {
        Span twice = first.alignment.to_source(second.alignment.to_source({b, e}));
        Span once = composed.to_source({b, e});
        if (twice.empty()) continue;  // only inserted text: no content to compare
        ASSERT_LE(once.begin, twice.begin) << "round " << round;
        ASSERT_GE(once.end, twice.end) << "round " << round;
      }
    }
    check_projection(original, AlignedTextBuilder::Built{second.text, composed});
  }
}

}  // namespace
}  // namespace docpipe
