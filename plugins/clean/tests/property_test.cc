// Property tests, end to end: random documents are dirtied with random edits the stage undoes;
// the clean view must equal the clean document, and every span of it must project back to the
// original bytes that hold the same content.
//
// A document is a list of segments, words and separators, each with its clean form and the
// dirty form written into the original. Because we know where every segment lies in both
// texts, we can check projections exactly.
#include <gtest/gtest.h>

#include <random>

#include "clean_test_util.h"
#include "docpipe/text/utf8.h"

namespace docpipe::clean {
namespace {

struct Segment {
  std::string clean;
  std::string dirty;
  bool word;
};

// Clean words, and dirty forms the stage must turn back into them.
struct WordForms {
  std::string clean;
  std::vector<std::string> dirty;  // besides the clean form itself
};

const std::vector<WordForms>& words() {
  static const std::vector<WordForms> w = {
      {"talks", {"ta\xE2\x80\x8Blks", std::string("tal\0ks", 6), "ta\xC2\xADlks"}},
      {"officials",
       {"offi-\ncials", "offi-\r\ncials", "offi\xC2\xAD\ncials",
        "of\xEF\xBB\xBF"
        "ficials"}},
      {"caf\xC3\xA9", {"cafe\xCC\x81", "caf\xC3\x83\xC2\xA9"}},
      {"\xC3\xA9t\xC3\xA9", {"e\xCC\x81te\xCC\x81", "\xC3\x83\xC2\xA9t\xC3\x83\xC2\xA9"}},
      {"don\xE2\x80\x99t", {"don\xC2\x92t", "don\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t"}},
      {"na\xC3\xAFve", {"nai\xCC\x88ve"}},
      {"\xE4\xB8\xAD\xE6\x96\x87", {}},
      {"Geneva",
       {"Gen\x01"
        "eva"}},
      {"1,500", {}},
      {"said.", {}},
      {"\xE2\x80\x9Cwe", {"\xC3\xA2\xE2\x82\xAC\xC5\x93we"}},
      {"x\xEF\xBF\xBDy", {"x\xFFy", "x\xC3y"}},
      {"international", {"inter-\nnational", "inter\xE2\x80\x90\nnational"}},
      {"\xC3\x85ngstr\xC3\xB6m", {"A\xCC\x8Angstro\xCC\x88m"}},
  };
  return w;
}

// Separators: the clean form and dirty forms.
const std::vector<std::string> kSpaceForms = {" ",    "  ",       "\t",
                                              " \t ", "\xC2\xA0", " \xE2\x80\x89 "};
const std::vector<std::string> kLineForms = {"\n", "\r\n", " \r\n  ", "\r", "\t\n"};
const std::vector<std::string> kParagraphForms = {"\n\n", "\r\n\r\n", "\n \n\n\t\n",
                                                  "\x0C", "\n\n\n\n", "\xE2\x80\xA9"};

template <typename T>
const T& pick(const std::vector<T>& v, std::mt19937& rng) {
  return v[rng() % v.size()];
}

std::vector<Segment> random_document(std::mt19937& rng) {
  std::vector<Segment> segs;
  // Leading dirt: a BOM and white space, with no clean form.
  const std::string leads[] = {"", "\xEF\xBB\xBF", "  \r\n", "\xEF\xBB\xBF\n\n "};
  segs.push_back({"", leads[rng() % 4], false});
  const int paragraphs = 1 + static_cast<int>(rng() % 5);
  for (int p = 0; p < paragraphs; ++p) {
    if (p > 0) segs.push_back({"\n\n", pick(kParagraphForms, rng), false});
    const int n = 1 + static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) {
      if (i > 0) {
        const bool line = rng() % 6 == 0;
        segs.push_back(line ? Segment{"\n", pick(kLineForms, rng), false}
                            : Segment{" ", pick(kSpaceForms, rng), false});
      }
      const WordForms& w = pick(words(), rng);
      std::string dirty = w.clean;
      if (!w.dirty.empty() && rng() % 2 == 0) dirty = pick(w.dirty, rng);
      segs.push_back({w.clean, dirty, true});
    }
  }
  const std::string trails[] = {"", " ", "\r\n", "\n\n  \n"};
  segs.push_back({"", trails[rng() % 4], false});
  return segs;
}

struct Placed {
  std::size_t view_begin, view_end, orig_begin, orig_end;
  bool word;
};

std::vector<Placed> place(const std::vector<Segment>& segs, std::string* clean,
                          std::string* dirty) {
  std::vector<Placed> out;
  for (const Segment& s : segs) {
    out.push_back({clean->size(), clean->size() + s.clean.size(), dirty->size(),
                   dirty->size() + s.dirty.size(), s.word});
    *clean += s.clean;
    *dirty += s.dirty;
  }
  return out;
}

// The index of the segment holding view byte v (segments with an empty clean form hold none).
std::size_t segment_at(const std::vector<Placed>& placed, std::size_t v) {
  for (std::size_t i = 0; i < placed.size(); ++i) {
    if (placed[i].view_begin <= v && v < placed[i].view_end) return i;
  }
  return placed.size();
}

TEST(Property, RandomDirtyDocumentsProjectBack) {
  std::mt19937 rng(20310314);
  for (int round = 0; round < 300; ++round) {
    const std::vector<Segment> segs = random_document(rng);
    std::string clean, dirty;
    const std::vector<Placed> placed = place(segs, &clean, &dirty);
    Document doc = test::run_clean(dirty);
    const TextView& view = doc.view();
    ASSERT_EQ(view.text(), clean) << "round " << round;
    ASSERT_TRUE(test::consistent(view.alignment(), view.text(), doc.text()));

    // Every segment with content projects exactly onto its dirty form.
    for (const Placed& p : placed) {
      if (p.view_begin == p.view_end) continue;
      const Span s = view.to_original({p.view_begin, p.view_end});
      ASSERT_EQ(s, (Span{p.orig_begin, p.orig_end}))
          << "round " << round << ": " << clean.substr(p.view_begin, p.view_end - p.view_begin);
      // The same through the document API: annotations come out in original offsets.
      if (p.word) {
        Annotation& a = doc.annotate("probe", view, {p.view_begin, p.view_end});
        ASSERT_EQ(doc.text_of(a), dirty.substr(p.orig_begin, p.orig_end - p.orig_begin));
      }
    }
    // Random spans: the projection covers what the span touches, and no more.
    for (int k = 0; k < 50 && !clean.empty(); ++k) {
      std::size_t b = rng() % clean.size();
      std::size_t e = b + 1 + rng() % std::min<std::size_t>(40, clean.size() - b);
      const std::size_t first = segment_at(placed, b);
      const std::size_t last = segment_at(placed, e - 1);
      ASSERT_LT(last, placed.size());
      const Span s = view.to_original({b, e});
      EXPECT_GE(s.begin, placed[first].orig_begin);
      EXPECT_LE(s.end, placed[last].orig_end);
      if (b == placed[first].view_begin) EXPECT_EQ(s.begin, placed[first].orig_begin);
      if (e == placed[last].view_end) EXPECT_EQ(s.end, placed[last].orig_end);
      for (std::size_t i = first + 1; i < last; ++i) {
        EXPECT_LE(s.begin, placed[i].orig_begin);
        EXPECT_GE(s.end, placed[i].orig_end);
      }
    }
  }
}

TEST(Property, CleaningIsIdempotent) {
  std::mt19937 rng(77);
  for (int round = 0; round < 100; ++round) {
    std::string clean, dirty;
    place(random_document(rng), &clean, &dirty);
    Document once = test::run_clean(dirty);
    Document twice = test::run_clean(std::string(once.view().text()));
    EXPECT_EQ(twice.view().text(), once.view().text());
    EXPECT_TRUE(twice.view().alignment().is_identity()) << round;
  }
}

// HTML: words as text (some with references or inside inline tags), separators as HTML white
// space, paragraphs as <p> elements, with markup to drop around them.
TEST(Property, RandomHtmlProjectsBack) {
  struct HtmlWord {
    std::string clean, html;
  };
  const std::vector<HtmlWord> html_words = {
      {"talks", "talks"},
      {"R&D", "R&amp;D"},
      {"caf\xC3\xA9", "caf&eacute;"},
      {"caf\xC3\xA9", "caf&#233;"},
      {"don\xE2\x80\x99t", "don&rsquo;t"},
      {"don\xE2\x80\x99t", "don&#x2019;t"},
      {"a<b", "a&lt;b"},
      {"AT&T", "AT&T"},
      {"\xE4\xB8\xAD\xE6\x96\x87", "\xE4\xB8\xAD\xE6\x96\x87"},
      {"x", "x"},
  };
  const std::vector<std::string> html_spaces = {" ", "  ", "\n  ", "\r\n\t", "&nbsp;"};
  std::mt19937 rng(4242);
  for (int round = 0; round < 200; ++round) {
    std::string clean,
        html = "<html><head><title>T</title><script>if (a < b) x();</script></head><body>";
    std::vector<Placed> placed;
    const int paragraphs = 1 + static_cast<int>(rng() % 4);
    for (int p = 0; p < paragraphs; ++p) {
      if (p > 0) {
        clean += "\n\n";
        html += rng() % 2 ? "</p>\n<p>" : "</p><div><!-- note --></div><p class=\"x\">";
      } else {
        html += "<p>";
      }
      const int n = 1 + static_cast<int>(rng() % 12);
      for (int i = 0; i < n; ++i) {
        if (i > 0) {
          clean += " ";
          html += pick(html_spaces, rng);
        }
        const HtmlWord& w = pick(html_words, rng);
        const bool tagged = rng() % 4 == 0;
        if (tagged) html += "<b>";
        placed.push_back({clean.size(), clean.size() + w.clean.size(), html.size(),
                          html.size() + w.html.size(), true});
        clean += w.clean;
        html += w.html;
        if (tagged) html += "</b>";
      }
    }
    html += "</p><footer><a href=\"/\">Home</a></footer></body></html>";
    Document doc = test::run_clean(html);
    const TextView& view = doc.view();
    ASSERT_EQ(view.text(), clean) << html;
    ASSERT_TRUE(test::consistent(view.alignment(), view.text(), doc.text()));
    for (const Placed& p : placed) {
      const Span s = view.to_original({p.view_begin, p.view_end});
      ASSERT_EQ(s, (Span{p.orig_begin, p.orig_end}))
          << clean.substr(p.view_begin, p.view_end - p.view_begin) << " in " << html;
    }
  }
}

}  // namespace
}  // namespace docpipe::clean
