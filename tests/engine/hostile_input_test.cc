// Hostile input through the whole CLI: each gets a clear error or is processed, nothing hangs,
// memory stays bounded (peak RSS of the docpipe process is checked).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include "run_helpers.h"

namespace docpipe::engine {
namespace {

using testing_paths::TempDir;

// Peak-memory bound for the large-stream test. AddressSanitizer keeps freed blocks in a
// quarantine and adds shadow memory, so under it the child runs with a small quarantine and the
// bound is looser, yet still below the size of the stream it must not hold.
#if defined(__SANITIZE_ADDRESS__)
#define DOCPIPE_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DOCPIPE_TEST_UNDER_ASAN 1
#endif
#endif
#ifdef DOCPIPE_TEST_UNDER_ASAN
constexpr long kStreamRssLimitMb = 250;
std::string child_env() {
  const char* old = std::getenv("ASAN_OPTIONS");
  return std::string("ASAN_OPTIONS=") + (old ? std::string(old) + ":" : "") +
         "quarantine_size_mb=4 ";
}
#else
constexpr long kStreamRssLimitMb = 150;
std::string child_env() { return {}; }
#endif

struct Ran {
  int exit_code;
  long peak_rss_mb;
  std::vector<Value> out;
  std::vector<Value> dead;
  std::string err;
};

// Runs docpipe in a child process; its peak memory comes from its own --stats line (VmHWM of
// the docpipe process image, which the test process's own memory cannot inflate).
Ran run_cli(const TempDir& dir, const std::string& yaml, const std::string& inputs) {
  write_file(dir, "p.yaml", yaml);
  const std::string cmd = child_env() + "DOCPIPE_PLUGIN_PATH=" + testing_paths::fixture_dir() + " " +
                          testing_paths::docpipe_binary() + " run " + dir.file("p.yaml") + " " +
                          inputs + " -q -o " + dir.file("out.jsonl") + " --dead-letter " +
                          dir.file("dead.jsonl") + " --stats 2> " + dir.file("err");
  const int status = std::system(cmd.c_str());
  Ran r{WIFEXITED(status) ? WEXITSTATUS(status) : 128, -1, {}, {}, {}};
  r.out = read_records(dir.file("out.jsonl"));
  r.dead = read_records(dir.file("dead.jsonl"));
  r.err = slurp(dir.file("err"));
  const std::size_t at = r.err.find("peak memory ");
  if (at != std::string::npos) r.peak_rss_mb = std::atol(r.err.c_str() + at + 12);
  return r;
}

const char* kNoop = "name: hostile\nstages:\n  - plugin: noop\n";

TEST(HostileInput, InvalidUtf8NulBytesAndEmptyFiles) {
  TempDir dir;
  write_file(dir, "bad-utf8.txt", "ok \xC3\xA9 then \xFF\xFE and \xE2\x82 cut");
  write_file(dir, "nul.txt", std::string("before\0after\0", 13));
  write_file(dir, "empty.txt", "");
  Ran r = run_cli(dir, kNoop,
                  dir.file("bad-utf8.txt") + " " + dir.file("nul.txt") + " " + dir.file("empty.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.out.size(), 3u);
  EXPECT_EQ(r.out[0].find("text")->as_string(),
            "ok \xC3\xA9 then \xEF\xBF\xBD\xEF\xBF\xBD and \xEF\xBF\xBD cut");
  EXPECT_EQ(r.out[0].find("meta")->find("input_invalid_utf8")->as_int(), 3);
  EXPECT_EQ(r.out[1].find("text")->as_string(), std::string("before\0after\0", 13));
  EXPECT_EQ(r.out[2].find("text")->as_string(), "");
}

TEST(HostileInput, BinaryFileIsADeadLetter) {
  TempDir dir;
  std::string png = "\x89PNG\r\n\x1A\n";
  for (int i = 0; i < 4000; ++i) png.push_back(static_cast<char>((i * 37) % 256));
  write_file(dir, "image.png", png);
  Ran r = run_cli(dir, kNoop, dir.file("image.png"));
  EXPECT_EQ(r.exit_code, 0);
  ASSERT_EQ(r.dead.size(), 1u);
  EXPECT_NE(r.dead[0].find("reason")->as_string().find("looks like a binary file"), std::string::npos);
}

TEST(HostileInput, HundredMegabyteDocumentOverTheLimitIsNotRead) {
  TempDir dir;
  {
    std::ofstream f(dir.file("huge.txt"), std::ios::binary);
    std::string block(1 << 20, 'a');
    for (int i = 0; i < 100; ++i) f << block;
  }
  Ran r = run_cli(dir, kNoop, dir.file("huge.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.dead.size(), 1u);
  EXPECT_EQ(r.dead[0].find("reason")->as_string(),
            dir.file("huge.txt") + ": the document is 104857600 bytes, more than "
                                   "limits.max_document_bytes (67108864); not read");
  EXPECT_GT(r.peak_rss_mb, 0);
  EXPECT_LT(r.peak_rss_mb, 100);
}

TEST(HostileInput, HundredMegabyteDocumentWithinARaisedLimitIsProcessed) {
  TempDir dir;
  {
    std::ofstream f(dir.file("huge.txt"), std::ios::binary);
    std::string block(1 << 20, 'a');
    block[block.size() - 1] = ' ';
    for (int i = 0; i < 100; ++i) f << block;
  }
  Ran r = run_cli(dir,
                  "name: big\nlimits: {max_document_bytes: 200000000}\nstages:\n  - plugin: noop\n",
                  dir.file("huge.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.out.size(), 1u);
  EXPECT_EQ(r.out[0].find("text")->as_string().size(), 104857600u);
  EXPECT_LT(r.peak_rss_mb, 1000);  // a few copies of the document, not more
}

TEST(HostileInput, MegabyteLineWithoutSpaces) {
  TempDir dir;
  const std::string word(1 << 20, 'x');
  write_file(dir, "line.jsonl", jsonl_doc("long", word) + "\n");
  write_file(dir, "line.txt", word);
  Ran r = run_cli(dir, "name: seg\nstages:\n  - plugin: segment\n",
                  dir.file("line.jsonl") + " " + dir.file("line.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.out.size(), 2u);
  EXPECT_EQ(r.out[0].find("meta")->find("tokens")->as_int(), 1);
}

TEST(HostileInput, MalformedLinesBetweenGoodOnes) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 50; ++i) {
    lines += jsonl_doc("g" + std::to_string(i), "good") + "\n";
    lines += (i % 3 == 0 ? std::string("{\"id\": \"broken\", \"text\": ") : std::string("\x01\x02 garbage")) + "\n";
  }
  write_file(dir, "mixed.jsonl", lines);
  Ran r = run_cli(dir, kNoop, dir.file("mixed.jsonl"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.size(), 50u);
  ASSERT_EQ(r.dead.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(r.dead[i].find("line")->as_int(), 2 * i + 2);
}

TEST(HostileInput, MemoryStaysBoundedOnALargeStream) {
  TempDir dir;
  {
    std::ofstream f(dir.file("stream.jsonl"), std::ios::binary);
    const std::string text(3000, 'w');
    for (int i = 0; i < 100000; ++i) f << jsonl_doc("d" + std::to_string(i), text) << '\n';
  }  // about 300 MB
  Ran r = run_cli(dir, kNoop, dir.file("stream.jsonl") + " --jobs 2");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.size(), 100000u);
  EXPECT_GT(r.peak_rss_mb, 0);
  EXPECT_LT(r.peak_rss_mb, kStreamRssLimitMb) << "the whole stream must not be held in memory";
}

}  // namespace
}  // namespace docpipe::engine
