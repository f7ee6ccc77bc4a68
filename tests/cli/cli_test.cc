// End-to-end tests of the docpipe command line: verbs, exit codes, messages, formats, and a run
// of every pipeline in pipelines/.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../engine/run_helpers.h"

namespace docpipe {
namespace {

using engine::slurp;
using engine::write_file;
using testing_paths::TempDir;
namespace fs = std::filesystem;

struct Ran {
  int exit_code;
  std::string out;
  std::string err;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs docpipe with `args` (already quoted where needed), feeding `input` on stdin.
Ran docpipe(const std::string& args, const std::string& input = "") {
  TempDir dir;
  write_file(dir, "in", input);
  const std::string cmd = "DOCPIPE_PLUGIN_PATH=" + quote(testing_paths::fixture_dir()) + " " +
                          quote(testing_paths::docpipe_binary()) + " " + args + " < " +
                          quote(dir.file("in")) + " > " + quote(dir.file("out")) + " 2> " +
                          quote(dir.file("err"));
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128, slurp(dir.file("out")),
          slurp(dir.file("err"))};
}

std::string fixture_pipeline(const TempDir& dir, const std::string& stages) {
  return write_file(dir, "p.yaml", "name: cli-test\nstages:\n" + stages);
}

TEST(Cli, VersionAndHelp) {
  Ran r = docpipe("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "docpipe 1.0.0 (plugin ABI 1.1)\n");
  r = docpipe("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* verb : {"run", "validate", "plugins"}) {
    EXPECT_NE(r.out.find(verb), std::string::npos) << verb;
  }
  r = docpipe("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, ValidateReportsErrorsWithPositionsAndExitCode2) {
  Ran r = docpipe("validate tests/data/pipelines/bad/unknown_stage_key.yaml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "error: tests/data/pipelines/bad/unknown_stage_key.yaml:4:5: unknown key 'parms' in "
            "stage 1 (did you mean 'params'?)\n");
}

TEST(Cli, ValidateInstantiatesEveryStage) {
  TempDir dir;
  std::string p = fixture_pipeline(dir, "  - plugin: configurable\n    params: {label: x, min_words: 9, max_words: 2}\n");
  Ran r = docpipe("validate " + quote(p));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("configuration failed: min_words (9) is larger than max_words (2)"),
            std::string::npos)
      << r.err;
  std::string good = write_file(dir, "good.yaml",
                                "name: good\nstages:\n  - plugin: noop\n  - plugin: configurable\n    name: c\n    params: {label: x}\n");
  r = docpipe("validate " + quote(good));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, good + ": ok: pipeline 'good', 2 stage(s): noop c(configurable)\n");
}

TEST(Cli, PluginsListsAndDescribes) {
  Ran r = docpipe("plugins");
  // Broken fixtures (wrong ABI, no entry point...) are listed as broken: exit 1.
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("noop           1.0.0     Does nothing"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(broken)"), std::string::npos);
  r = docpipe("plugins configurable");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("configurable 2.1.0 - Parameters of every type."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    max_words  int [0..1000], default 100"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    mode       choice (news|narrative), default \"news\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    label      string, required"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  produces:    configured"), std::string::npos) << r.out;
  r = docpipe("plugins configurable --json");
  EXPECT_EQ(r.exit_code, 0);
  auto v = engine::parse_json(r.out);
  ASSERT_TRUE(v.ok()) << r.out;
  EXPECT_EQ(v->find("params")->as_array().size(), 8u);
  r = docpipe("plugins confgurable");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("(did you mean 'configurable'?)"), std::string::npos) << r.err;
}

TEST(Cli, RunStreamsStdinToStdout) {
  TempDir dir;
  std::string p = fixture_pipeline(dir, "  - plugin: noop\n");
  Ran r = docpipe("run " + quote(p) + " -", engine::jsonl_doc("a", "one") + "\n" +
                                                engine::jsonl_doc("b", "two") + "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string l1, l2;
  std::getline(lines, l1);
  std::getline(lines, l2);
  EXPECT_NE(l1.find("\"id\":\"a\""), std::string::npos);
  EXPECT_NE(l2.find("\"id\":\"b\""), std::string::npos);
}

TEST(Cli, DeadLettersGoBesideTheOutputFileByDefault) {
  TempDir dir;
  std::string p = fixture_pipeline(dir, "  - plugin: failing\n    on_error: drop\n");
  std::string in = write_file(dir, "in.jsonl", engine::jsonl_doc("a", "ok") + "\nnot json\n" +
                                                   engine::jsonl_doc("b", "FAIL") + "\n");
  Ran r = docpipe("run " + quote(p) + " " + quote(in) + " -o " + quote(dir.file("out.jsonl")) + " --stats");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto out = engine::read_records(dir.file("out.jsonl"));
  auto dead = engine::read_records(dir.file("out.jsonl.dead.jsonl"));
  EXPECT_EQ(out.size(), 1u);
  EXPECT_EQ(dead.size(), 2u);
  EXPECT_NE(r.err.find("records read 3 = output 1 (with stage errors 0) + dead letters 2 (not processed 0) + unprocessed 0"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("2 document(s) went to the dead letters (" + dir.file("out.jsonl.dead.jsonl") + ")"),
            std::string::npos)
      << r.err;
}

TEST(Cli, FailPolicyExitsWithCode1NamingDocumentAndStage) {
  TempDir dir;
  std::string p = fixture_pipeline(dir, "  - plugin: failing\n");
  Ran r = docpipe("run " + quote(p) + " - -q", engine::jsonl_doc("x", "FAIL") + "\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: document 'x' (stdin:1): stage 'failing' (plugin failing) failed: "
                       "data_error: the text asks to fail"),
            std::string::npos)
      << r.err;
}

TEST(Cli, PluginsLogThroughTheHostAtItsLevel) {
  TempDir dir;
  std::string p = fixture_pipeline(dir, "  - plugin: configurable\n    params: {label: x}\n");
  const std::string doc = engine::jsonl_doc("doc-9", "t") + "\n";
  Ran quiet = docpipe("run " + quote(p) + " - -q", doc);
  EXPECT_EQ(quiet.err.find("processing doc-9"), std::string::npos) << quiet.err;
  Ran loud = docpipe("--log-level info run " + quote(p) + " - -q", doc);
  EXPECT_NE(loud.err.find("[info] configurable: processing doc-9"), std::string::npos) << loud.err;
}

TEST(Cli, MissingInputsAreAUsageError) {
  TempDir dir;
  std::string p = fixture_pipeline(dir, "  - plugin: noop\n");
  Ran r = docpipe("run " + quote(p) + " /no/such/input.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "error: cannot read the inputs:\n  /no/such/input.txt: no such file or folder\n");
}

TEST(Cli, TextAndPrettyAndTimemlFormats) {
  TempDir dir;
  std::string p = fixture_pipeline(dir, "  - plugin: noop\n");
  std::string doc = R"({"id": "t1", "text": "A & B <c>", "meta": {"dct": "2024-01-02", "title": "T"}})";
  Ran r = docpipe("run " + quote(p) + " - --format text", doc + "\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("== t1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  Date          2024-01-02"), std::string::npos) << r.out;
  r = docpipe("run " + quote(p) + " - --format pretty", doc + "\n");
  EXPECT_NE(r.out.find("{\n  \"schema_version\": 1,\n  \"id\": \"t1\","), std::string::npos) << r.out;
  r = docpipe("run " + quote(p) + " - --format timeml", doc + "\n");
  EXPECT_NE(r.out.find("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2024-01-02\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<TEXT>A &amp; B &lt;c&gt;</TEXT>"), std::string::npos) << r.out;
  std::string timed = R"({"id": "t2", "text": "x", "meta": {"dct": "2024-01-02T09:30"}})";
  r = docpipe("run " + quote(p) + " - --format timeml", timed + "\n");
  EXPECT_NE(r.out.find("<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"2024-01-02T09:30\""), std::string::npos) << r.out;
  // A folder as output: one .tml file per document.
  r = docpipe("run " + quote(p) + " - --format timeml -o " + quote(dir.path() + "/tml/"), doc + "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir.file("tml/t1.tml")));
}

// Every pipeline users start from must validate and run on the bundled sample.
TEST(Cli, EveryShippedPipelineValidatesAndRuns) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator("pipelines")) {
    if (e.path().extension() != ".yaml") continue;
    ++n;
    const std::string p = e.path().string();
    Ran v = docpipe("validate " + quote(p));
    EXPECT_EQ(v.exit_code, 0) << p << ": " << v.err;
    Ran r = docpipe("run " + quote(p) + " samples/article.txt -q");
    EXPECT_EQ(r.exit_code, 0) << p << ": " << r.err;
    auto rec = engine::parse_json(r.out.substr(0, r.out.find('\n')));
    ASSERT_TRUE(rec.ok()) << p << ": " << r.out.substr(0, 200);
    EXPECT_EQ(rec->find("run")->find("status")->as_string(), "ok") << p;
  }
  EXPECT_GT(n, 0u) << "pipelines/ holds no pipeline";
}

}  // namespace
}  // namespace docpipe
