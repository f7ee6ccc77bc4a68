#include "layout_pass.h"

#include <gtest/gtest.h>

#include "clean_test_util.h"

namespace docpipe::clean {
namespace {

using test::consistent;
using test::output_of;

std::string layout(std::string_view text, const LayoutOptions& o = {}, std::size_t start = 0,
                   CleanCounts* counts_out = nullptr) {
  CleanCounts counts;
  auto built = layout_pass(text, start, o, counts);
  EXPECT_TRUE(consistent(built, text)) << text;
  if (counts_out) *counts_out = counts;
  return output_of(built, text);
}

TEST(LayoutPass, Table) {
  struct Case {
    const char* name;
    std::string in, out;
  };
  const Case cases[] = {
      {"clean text stays", "One line.\nTwo line.\n\nNew paragraph.",
       "One line.\nTwo line.\n\nNew paragraph."},
      {"double space", "a  b", "a b"},
      {"many spaces and tabs", "a \t  \t b", "a b"},
      {"tab alone", "a\tb", "a b"},
      {"space pair across words", "abcdefg  hijkl", "abcdefg hijkl"},
      {"leading and trailing", "  \n a b \n ", "a b"},
      {"trailing single space", "a b ", "a b"},
      {"spaces around line break", "a  \n  b", "a\nb"},
      {"crlf", "a\r\nb\r\n\r\nc", "a\nb\n\nc"},
      {"lone cr", "a\rb\r\rc", "a\nb\n\nc"},
      {"blank lines with spaces", "a\n  \n\t\n\n b", "a\n\nb"},
      {"three blank lines", "a\n\n\n\nb", "a\n\nb"},
      {"form feed is a paragraph break",
       "a\x0C"
       "b",
       "a\n\nb"},
      {"vertical tab",
       "a\x0B"
       "b",
       "a\nb"},
      {"hyphenated word joined", "inter-\nnational", "international"},
      {"hyphenated with crlf and spaces", "inter- \r\n  national", "international"},
      {"hyphenated accented", "\xC3\xA9t\xC3\xA9-\n\xC3\xA9t\xC3\xA9",
       "\xC3\xA9t\xC3\xA9\xC3\xA9t\xC3\xA9"},
      {"unicode hyphen joined", "inter\xE2\x80\x90\nnational", "international"},
      {"soft hyphen joined", "inter\xC2\xAD\nnational", "international"},
      {"soft hyphen removed", "inter\xC2\xADnational", "international"},
      {"capital after break not joined", "Smith-\nJones", "Smith-\nJones"},
      {"digit before hyphen not joined", "1990-\nearly", "1990-\nearly"},
      {"double hyphen not joined", "wait--\nthen", "wait--\nthen"},
      {"hyphen before paragraph not joined", "end-\n\nnext", "end-\n\nnext"},
      {"hyphen alone not joined", "a -\nb", "a -\nb"},
      {"only white space", " \n\t ", ""},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(layout(c.in), c.out) << c.name;
  }
}

TEST(LayoutPass, HyphenJoinIsOneDeletedPiece) {
  const std::string in = "inter-\nnational";
  CleanCounts counts;
  auto built = layout_pass(in, 0, {}, counts);
  ASSERT_TRUE(built);
  EXPECT_EQ(built->text, "international");
  EXPECT_EQ(built->alignment.to_source({0, 13}), (Span{0, 15}));
  EXPECT_EQ(built->alignment.to_source({0, 5}), (Span{0, 5}));
  EXPECT_EQ(built->alignment.to_source({5, 13}), (Span{7, 15}));
  EXPECT_EQ(counts.hyphen_joins, 1u);
}

TEST(LayoutPass, StartDropsHeaderBytes) {
  EXPECT_EQ(layout("date 2023-09-04 Body text.", {}, 16), "Body text.");
  EXPECT_EQ(layout("Title: X\n\n  Body", {}, 9), "Body");
}

TEST(LayoutPass, OptionsOff) {
  const std::string in = "a  b\r\n\r\n\r\nc-\nd";
  EXPECT_EQ(layout(in, {.collapse_spaces = false,
                        .normalize_newlines = true,
                        .collapse_blank_lines = true,
                        .join_hyphenated = true}),
            "a  b\n\ncd");
  EXPECT_EQ(layout(in, {.collapse_spaces = true,
                        .normalize_newlines = false,
                        .collapse_blank_lines = true,
                        .join_hyphenated = true}),
            "a b\r\n\r\ncd");
  EXPECT_EQ(layout(in, {.collapse_spaces = true,
                        .normalize_newlines = true,
                        .collapse_blank_lines = false,
                        .join_hyphenated = false}),
            "a b\n\n\nc-\nd");
  const LayoutOptions nothing{.collapse_spaces = false,
                              .normalize_newlines = false,
                              .collapse_blank_lines = false,
                              .join_hyphenated = false,
                              .remove_soft_hyphens = false};
  CleanCounts counts;
  EXPECT_FALSE(layout_pass(in, 0, nothing, counts).has_value());
}

TEST(LayoutPass, CountsRewrittenRuns) {
  CleanCounts counts;
  layout("a  b\r\nc", {}, 0, &counts);
  EXPECT_EQ(counts.whitespace, 2u);
}

}  // namespace
}  // namespace docpipe::clean
