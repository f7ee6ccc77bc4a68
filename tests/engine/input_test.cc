#include "input.h"

#include <gtest/gtest.h>

#include "run_helpers.h"
#include "text_decode.h"

namespace docpipe::engine {
namespace {

using testing_paths::TempDir;

std::vector<RawRecord> read_all(const std::string& path, std::uint64_t limit = 0) {
  RecordReader reader({{InputSource::Kind::kJsonlFile, path}}, limit);
  std::vector<RawRecord> out;
  RawRecord r;
  while (reader.next(&r)) out.push_back(r);
  return out;
}

TEST(RecordReader, SplitsLinesHandlingCrlfBlankLinesAndNoFinalNewline) {
  TempDir dir;
  std::string p = write_file(dir, "a.jsonl", "one\r\n\n   \ntwo\nthree");
  auto recs = read_all(p);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].data, "one");
  EXPECT_EQ(recs[0].line, 1u);
  EXPECT_EQ(recs[1].data, "two");
  EXPECT_EQ(recs[1].line, 4u);
  EXPECT_EQ(recs[2].data, "three");
  EXPECT_EQ(recs[2].source, p + ":5");
}

TEST(RecordReader, LinesAcrossBufferBoundaries) {
  TempDir dir;
  std::string content;
  for (int i = 0; i < 3000; ++i) content += std::string(1000 + i % 7, 'a' + i % 26) + "\n";
  std::string p = write_file(dir, "big.jsonl", content);
  auto recs = read_all(p);
  ASSERT_EQ(recs.size(), 3000u);
  for (int i = 0; i < 3000; ++i) ASSERT_EQ(recs[i].data.size(), 1000u + i % 7) << i;
}

TEST(RecordReader, OverlongLinesAreSkippedUnread) {
  TempDir dir;
  std::string p = write_file(dir, "long.jsonl",
                             "short\n" + std::string(3 << 20, 'x') + "\nafter\n");
  auto recs = read_all(p, 1000);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].kind, RawRecord::Kind::kError);
  EXPECT_TRUE(recs[1].data.empty());
  EXPECT_EQ(recs[1].line, 2u);
  EXPECT_NE(recs[1].error.find("line 2 is 3145728 bytes"), std::string::npos) << recs[1].error;
  EXPECT_EQ(recs[2].data, "after");
  EXPECT_EQ(recs[2].line, 3u);
}

TEST(ExpandInputs, MissingPathsAndEmptyGlobsAreReportedTogether) {
  auto r = expand_inputs({"/no/such/file.txt", "/no/such/*.jsonl"}, StdinFormat::kJsonl);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "cannot read the inputs:\n  /no/such/file.txt: no such file or folder\n  "
            "/no/such/*.jsonl: the pattern matches no file");
}

TEST(ExpandInputs, GlobsAndKinds) {
  TempDir dir;
  write_file(dir, "a.jsonl", "");
  write_file(dir, "b.txt", "");
  auto r = expand_inputs({dir.path() + "/*", "-"}, StdinFormat::kText);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].kind, InputSource::Kind::kJsonlFile);
  EXPECT_EQ((*r)[1].kind, InputSource::Kind::kTextFile);
  EXPECT_EQ((*r)[2].kind, InputSource::Kind::kStdinText);
}

TEST(DecodeToUtf8, KeepsValidText) {
  std::string s = "plain \xE2\x80\x94 caf\xC3\xA9";
  const std::string before = s;
  EXPECT_EQ(decode_to_utf8(s).encoding, DecodeReport::Encoding::kUtf8);
  EXPECT_EQ(s, before);
}

TEST(DecodeToUtf8, RepairsDamagedUtf8) {
  std::string s = "caf\xC3\xA9 \xFF and \xE2\x80";
  DecodeReport r = decode_to_utf8(s);
  EXPECT_EQ(r.encoding, DecodeReport::Encoding::kUtf8Repaired);
  EXPECT_EQ(r.replaced, 2u);
  EXPECT_EQ(s, "caf\xC3\xA9 \xEF\xBF\xBD and \xEF\xBF\xBD");
}

TEST(DecodeToUtf8, DecodesLegacyWindows1252) {
  std::string s = "\x93quoted\x94 \x96 na\xEFve \x80";
  EXPECT_EQ(decode_to_utf8(s).encoding, DecodeReport::Encoding::kWindows1252);
  EXPECT_EQ(s, "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 na\xC3\xAFve \xE2\x82\xAC");
}

}  // namespace
}  // namespace docpipe::engine
