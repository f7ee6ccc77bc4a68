#include "html_text_aligner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace docpipe::clean {
namespace {

struct Piece {
  std::size_t begin, n;
  bool exact;
  std::string text;
  bool operator==(const Piece&) const = default;
};

class Recorder final : public AlignedPieceSink {
 public:
  void exact(std::size_t begin, std::size_t n) override { pieces.push_back({begin, n, true, {}}); }
  void replaced(std::size_t begin, std::size_t n, std::string_view text) override {
    pieces.push_back({begin, n, false, std::string(text)});
  }
  std::vector<Piece> pieces;
};

// Aligns and checks that the pieces cover both texts and exact pieces agree.
std::vector<Piece> align(std::string_view source, std::string_view decoded) {
  Recorder r;
  align_decoded_text(source, 100, decoded, r);
  std::size_t s = 100;
  std::string rebuilt;
  for (const Piece& p : r.pieces) {
    EXPECT_EQ(p.begin, s) << source;
    if (p.exact) {
      rebuilt.append(source.substr(p.begin - 100, p.n));
    } else {
      rebuilt.append(p.text);
    }
    s += p.n;
  }
  EXPECT_EQ(s, 100 + source.size()) << source;
  EXPECT_EQ(rebuilt, decoded) << source;
  return r.pieces;
}

TEST(HtmlTextAligner, EntitiesAreTheirOwnPieces) {
  auto p = align("Tom &amp; Jerry&#8217;s", "Tom & Jerry\xE2\x80\x99s");
  const std::vector<Piece> expected = {{100, 4, true, ""},
                                       {104, 5, false, "&"},
                                       {109, 6, true, ""},
                                       {115, 7, false, "\xE2\x80\x99"},
                                       {122, 1, true, ""}};
  EXPECT_EQ(p, expected);
}

TEST(HtmlTextAligner, Cases) {
  struct Case {
    std::string source, decoded;
    std::size_t max_pieces;
  };
  const Case cases[] = {
      {"plain text", "plain text", 1},
      {"AT&T and &c", "AT&T and &c", 5},  // not references the parser knows
      {"&amp;amp;", "&amp;", 2},          // one decoded, the rest literal
      {"&lt;&gt;&quot;", "<>\"", 3},
      {"a\r\nb\rc", "a\nb\nc", 5},
      {"caf&eacute;&nbsp;au",
       "caf\xC3\xA9\xC2\xA0"
       "au",
       4},
      {"&#x1F600;!", "\xF0\x9F\x98\x80!", 2},
      {"&ampx y", "&x y", 3},  // no semicolon, partly decoded
      {"x</b >y", "xy", 3},    // junk the parser skipped
      {"", "", 0},
      {"gone", "", 1},
      {"", "new", 1},
  };
  for (const Case& c : cases) {
    auto p = align(c.source, c.decoded);
    EXPECT_LE(p.size(), c.max_pieces) << c.source;
  }
}

TEST(HtmlTextAligner, ReferenceLength) {
  EXPECT_EQ(reference_length("&amp; x", 0), 5u);
  EXPECT_EQ(reference_length("&amp x", 0), 4u);
  EXPECT_EQ(reference_length("&#38;", 0), 5u);
  EXPECT_EQ(reference_length("&#x26;", 0), 6u);
  EXPECT_EQ(reference_length("& x", 0), 0u);
  EXPECT_EQ(reference_length("&#;", 0), 0u);
}

TEST(HtmlTextAligner, GarbageStaysValid) {
  // Unrelated texts: whatever the pieces, they must cover both (checked in align()).
  align("<<<&&&\r\r\r>>>", "completely different");
  std::string big_source(5000, '&'), big_decoded(3000, 'x');
  align(big_source, big_decoded);
}

}  // namespace
}  // namespace docpipe::clean
