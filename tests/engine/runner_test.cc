#include "runner.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "run_helpers.h"

namespace docpipe::engine {
namespace {

using testing_paths::TempDir;

std::string id_of(const Value& v) { return v.find("id") ? v.find("id")->as_string() : "?"; }

TEST(Runner, OutputOrderEqualsInputOrderWithManyWorkers) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 600; ++i) lines += jsonl_doc("doc-" + std::to_string(i), "text " + std::to_string(i)) + "\n";
  std::string input = write_file(dir, "in.jsonl", lines);
  RunOptions options;
  options.chunk_records = 7;  // many small chunks finishing out of order
  RunResult r = run_pipeline("name: order\nstages:\n  - plugin: order\n", {input}, 4, options);
  ASSERT_EQ(r.outputs.size(), 600u);
  for (int i = 0; i < 600; ++i) EXPECT_EQ(id_of(r.outputs[i]), "doc-" + std::to_string(i));
  EXPECT_TRUE(r.summary.counts_add_up());
  EXPECT_EQ(r.summary.records, 600u);
  // Four workers each got an instance of the non-thread-safe stage.
  std::set<std::int64_t> instances;
  for (const auto& o : r.outputs) instances.insert(o.find("meta")->find("instance")->as_int());
  EXPECT_GT(instances.size(), 1u);
}

const char* kPolicyInput[] = {"good one", "please FAIL", "good two", "FAIL again", "good three"};

std::string policy_input(const TempDir& dir) {
  std::string lines;
  int i = 0;
  for (const char* t : kPolicyInput) lines += jsonl_doc("d" + std::to_string(i++), t) + "\n";
  return write_file(dir, "in.jsonl", lines);
}

TEST(Runner, SkipRecordsTheErrorAndGoesOn) {
  TempDir dir;
  RunResult r = run_pipeline(
      "name: p\nstages:\n  - plugin: failing\n    on_error: skip\n  - plugin: noop\n",
      {policy_input(dir)});
  ASSERT_EQ(r.outputs.size(), 5u);
  EXPECT_TRUE(r.dead_letters.empty());
  EXPECT_EQ(r.summary.partial, 2u);
  const Value& failed = r.outputs[1];
  EXPECT_EQ(failed.find("run")->find("status")->as_string(), "partial");
  const Value::Array& errors = failed.find("run")->find("errors")->as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(to_json(errors[0]),
            R"({"stage":"failing","plugin":"failing","code":"data_error","message":"the text asks to fail"})");
  // The next stage still ran on it.
  EXPECT_EQ(failed.find("run")->find("stages")->as_array().size(), 2u);
  EXPECT_EQ(r.outputs[0].find("run")->find("status")->as_string(), "ok");
}

TEST(Runner, DropSendsTheInputToTheDeadLetters) {
  TempDir dir;
  RunResult r = run_pipeline(
      "name: p\nstages:\n  - plugin: failing\n    on_error: drop\n  - plugin: needs_checked\n",
      {policy_input(dir)});
  ASSERT_EQ(r.outputs.size(), 3u);
  EXPECT_EQ(id_of(r.outputs[0]), "d0");
  EXPECT_EQ(id_of(r.outputs[1]), "d2");
  EXPECT_EQ(id_of(r.outputs[2]), "d4");
  ASSERT_EQ(r.dead_letters.size(), 2u);
  const Value& d = r.dead_letters[0];
  EXPECT_EQ(d.find("kind")->as_string(), "dead_letter");
  EXPECT_EQ(id_of(d), "d1");
  EXPECT_EQ(d.find("stage")->as_string(), "failing");
  EXPECT_EQ(d.find("reason")->as_string(), "data_error: the text asks to fail");
  EXPECT_EQ(d.find("line")->as_int(), 2);
  EXPECT_EQ(d.find("input")->find("text")->as_string(), "please FAIL");
  EXPECT_EQ(r.summary.records, 5u);
  EXPECT_EQ(r.summary.outputs + r.summary.dead_letters, 5u);
  EXPECT_EQ(r.summary.stages[0].dropped, 2u);
}

TEST(Runner, FailStopsNamingDocumentAndStage) {
  TempDir dir;
  RunOptions options;
  options.chunk_records = 1;
  RunResult r = run_pipeline("name: p\nstages:\n  - plugin: failing\n", {policy_input(dir)}, 1,
                             options);
  EXPECT_TRUE(r.summary.failed);
  EXPECT_NE(r.summary.failure.find("document 'd1'"), std::string::npos) << r.summary.failure;
  EXPECT_NE(r.summary.failure.find("stage 'failing' (plugin failing) failed: data_error: the text "
                                   "asks to fail"),
            std::string::npos)
      << r.summary.failure;
  // The same without the document, for callers that name it themselves (the queue worker).
  EXPECT_EQ(r.summary.stage_failure,
            "stage 'failing' (plugin failing) failed: data_error: the text asks to fail");
  ASSERT_EQ(r.outputs.size(), 1u);  // d0 only: nothing after the failure is processed
  EXPECT_EQ(id_of(r.outputs[0]), "d0");
  // The failing document is a dead letter with the stage's error and its input; the documents
  // read after it (how many depends on how far the reader got) are dead letters too.
  ASSERT_GE(r.dead_letters.size(), 1u);
  const Value& failed = r.dead_letters[0];
  EXPECT_EQ(id_of(failed), "d1");
  EXPECT_EQ(failed.find("stage")->as_string(), "failing");
  EXPECT_EQ(failed.find("reason")->as_string(), "data_error: the text asks to fail");
  EXPECT_EQ(failed.find("input")->find("text")->as_string(), "please FAIL");
  for (std::size_t i = 1; i < r.dead_letters.size(); ++i) {
    const Value& d = r.dead_letters[i];
    EXPECT_EQ(id_of(d), "d" + std::to_string(i + 1));  // in input order
    EXPECT_TRUE(d.find("stage")->is_null());
    EXPECT_EQ(d.find("reason")->as_string().rfind(
                  "not processed: the run stopped (on_error: fail) at document 'd1'", 0),
              0u)
        << d.find("reason")->as_string();
    EXPECT_EQ(d.find("input")->find("text")->as_string(), kPolicyInput[i + 1]);
  }
  EXPECT_EQ(r.summary.not_processed, r.dead_letters.size() - 1);
  EXPECT_EQ(r.summary.unprocessed, 0u);
  EXPECT_EQ(r.summary.records, r.summary.outputs + r.summary.dead_letters);
  EXPECT_TRUE(r.summary.counts_add_up());
  // Where reading stopped: after the last record read, unless the reader saw the end of the
  // input (it may have stopped right after the last line without looking further).
  const std::string last = dir.file("in.jsonl") + ":" + std::to_string(r.summary.records);
  if (r.summary.records < 5) {
    EXPECT_EQ(r.summary.read_up_to, last);
  } else {
    EXPECT_TRUE(r.summary.read_up_to.empty() || r.summary.read_up_to == last)
        << r.summary.read_up_to;
  }
}

TEST(Runner, FailInABatchDeadLettersTheRestOfTheBatch) {
  // One chunk holds all five documents: d1 fails; d2 to d4 are not processed (d3 would have
  // failed too, but the run stops at d1), and all of them end as dead letters.
  TempDir dir;
  RunResult r = run_pipeline("name: p\nstages:\n  - plugin: failing\n  - plugin: noop\n",
                             {policy_input(dir)}, 1);
  EXPECT_TRUE(r.summary.failed);
  ASSERT_EQ(r.outputs.size(), 1u);
  EXPECT_EQ(id_of(r.outputs[0]), "d0");
  ASSERT_EQ(r.dead_letters.size(), 4u);
  EXPECT_EQ(r.dead_letters[0].find("stage")->as_string(), "failing");
  for (std::size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(id_of(r.dead_letters[i]), "d" + std::to_string(i + 1));
    EXPECT_TRUE(r.dead_letters[i].find("stage")->is_null());
  }
  EXPECT_EQ(r.summary.not_processed, 3u);
  EXPECT_EQ(r.summary.records, 5u);
  EXPECT_TRUE(r.summary.counts_add_up());
  EXPECT_EQ(r.summary.read_up_to, "");  // it read its whole input
}

TEST(Runner, FailWithoutDeadLettersOnlyCountsTheRest) {
  // The queue worker's pipeline process runs the documents of a failed batch again itself.
  TempDir dir;
  RunOptions options;
  options.dead_letters_when_stopped = false;
  RunResult r = run_pipeline("name: p\nstages:\n  - plugin: failing\n", {policy_input(dir)}, 1,
                             options);
  EXPECT_TRUE(r.summary.failed);
  ASSERT_EQ(r.outputs.size(), 1u);
  EXPECT_TRUE(r.dead_letters.empty());
  EXPECT_EQ(r.summary.unprocessed, 4u);
  EXPECT_EQ(r.summary.not_processed, 0u);
  EXPECT_TRUE(r.summary.counts_add_up());
}

TEST(Runner, FailReturnsWhileAPipeStaysOpen) {
  // A streaming producer (a worker feeding its pipeline process, a batch engine) may keep its
  // end of the pipe open after a document that fails the run: the run must end all the same.
  TempDir dir;
  const std::string fifo = dir.file("stream.jsonl");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::promise<void> run_ended;
  std::atomic<bool> writer_gave_up{false};
  std::thread writer([&] {
    const int fd = ::open(fifo.c_str(), O_WRONLY);
    if (fd < 0) return;
    const std::string line = jsonl_doc("d0", "FAIL now") + "\n";
    (void)!::write(fd, line.data(), line.size());
    // Keep the pipe open until the run ends (or, should it hang, long enough to tell).
    if (run_ended.get_future().wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
      writer_gave_up = true;
    }
    ::close(fd);
  });
  RunResult r = run_pipeline("name: p\nstages:\n  - plugin: failing\n", {fifo}, 1);
  run_ended.set_value();
  writer.join();
  EXPECT_FALSE(writer_gave_up) << "the run waited for the pipe to close";
  EXPECT_TRUE(r.summary.failed);
  EXPECT_NE(r.summary.failure.find("document 'd0'"), std::string::npos) << r.summary.failure;
}

TEST(Runner, MalformedLinesBecomeDeadLettersWithLineNumbers) {
  TempDir dir;
  std::string lines = jsonl_doc("a", "first") + "\n" + "{not json\n" + "\n" +
                      R"({"id": "no-text"})" + "\n" + R"({"id": 5, "text": "numeric id"})" + "\n" +
                      R"({"text": "no id"})" + "\n" + R"(["a", "list"])" + "\n" +
                      R"({"id": "bad-meta", "text": "x", "meta": 3})" + "\n" + jsonl_doc("z", "last");
  std::string input = write_file(dir, "mixed.jsonl", lines);
  RunResult r = run_pipeline("name: p\nstages:\n  - plugin: noop\n", {input});
  ASSERT_EQ(r.outputs.size(), 4u);
  EXPECT_EQ(id_of(r.outputs[0]), "a");
  EXPECT_EQ(id_of(r.outputs[1]), "5");
  EXPECT_EQ(id_of(r.outputs[2]), input + ":6");  // no id: the source line
  EXPECT_EQ(id_of(r.outputs[3]), "z");
  ASSERT_EQ(r.dead_letters.size(), 4u);
  std::vector<std::int64_t> lines_seen;
  for (const auto& d : r.dead_letters) lines_seen.push_back(d.find("line")->as_int());
  EXPECT_EQ(lines_seen, (std::vector<std::int64_t>{2, 4, 7, 8}));
  EXPECT_EQ(r.dead_letters[0].find("raw")->as_string(), "{not json");
  EXPECT_NE(r.dead_letters[0].find("reason")->as_string().find("line 2: not valid JSON"),
            std::string::npos);
  EXPECT_EQ(r.dead_letters[1].find("reason")->as_string(),
            "line 4: a JSONL line must be a JSON object with a \"text\" field");
  EXPECT_EQ(r.dead_letters[3].find("reason")->as_string(),
            "line 8: field \"meta\" must be an object");
  EXPECT_TRUE(r.summary.counts_add_up());
  EXPECT_EQ(r.summary.records, 8u);  // the blank line is not a record
}

TEST(Runner, OversizedDocumentsAreDeadLettersNotReadWhole) {
  TempDir dir;
  std::string big(5000, 'x');
  std::string input = write_file(dir, "in.jsonl",
                                 jsonl_doc("small", "ok") + "\n" + jsonl_doc("big", big) + "\n" +
                                     jsonl_doc("after", "ok") + "\n");
  RunResult r = run_pipeline(
      "name: p\nlimits: {max_document_bytes: 1000}\nstages:\n  - plugin: noop\n", {input});
  ASSERT_EQ(r.outputs.size(), 2u);
  ASSERT_EQ(r.dead_letters.size(), 1u);
  EXPECT_EQ(r.dead_letters[0].find("reason")->as_string(),
            "line 2: the text is 5000 bytes, more than limits.max_document_bytes (1000)");
}

TEST(Runner, CooperativeStageIsStoppedAtTheTimeLimit) {
  TempDir dir;
  std::string input = write_file(dir, "in.jsonl",
                                 jsonl_doc("fast", "quick") + "\n" + jsonl_doc("slow", "SLOW") + "\n");
  const auto start = std::chrono::steady_clock::now();
  RunResult r = run_pipeline(
      "name: p\nlimits: {max_stage_ms: 50}\nstages:\n  - plugin: slow\n    on_error: drop\n    "
      "params: {millis: 20000}\n",
      {input});
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(took).count(), 10);
  ASSERT_EQ(r.outputs.size(), 1u);
  ASSERT_EQ(r.dead_letters.size(), 1u);
  const std::string reason = r.dead_letters[0].find("reason")->as_string();
  EXPECT_EQ(reason.rfind("timeout: stage ran for ", 0), 0u) << reason;
  EXPECT_NE(reason.find("more than limits.max_stage_ms (50); it returned: stopped early"),
            std::string::npos)
      << reason;
}

TEST(Runner, OverrunIsAnErrorEvenWhenTheStageFinishes) {
  TempDir dir;
  std::string input = write_file(dir, "in.jsonl", jsonl_doc("slow", "SLOW") + "\n");
  RunResult r = run_pipeline(
      "name: p\nlimits: {max_stage_ms: 20}\nstages:\n  - plugin: slow\n    on_error: skip\n    "
      "params: {millis: 150, cooperative: false}\n",
      {input});
  ASSERT_EQ(r.outputs.size(), 1u);
  const auto& errors = r.outputs[0].find("run")->find("errors")->as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].find("code")->as_string(), "timeout");
}

TEST(Runner, TextFilesFoldersAndBinaryFiles) {
  TempDir dir;
  std::filesystem::create_directories(dir.file("corpus/sub"));
  write_file(dir, "corpus/a.txt", "Alpha text.");
  write_file(dir, "corpus/sub/b.txt", "Beta text.");
  write_file(dir, "corpus/.hidden.txt", "hidden");
  write_file(dir, "corpus/c.bin", std::string("\x00\x01\x02\x03\x00\x00\x00\x05", 8) + std::string(100, '\0'));
  write_file(dir, "corpus/latin1.txt", "caf\xE9 na\xEFve");
  RunResult r = run_pipeline("name: p\nstages:\n  - plugin: noop\n", {dir.file("corpus")});
  ASSERT_EQ(r.outputs.size(), 3u);
  EXPECT_EQ(id_of(r.outputs[0]), dir.file("corpus/a.txt"));
  EXPECT_EQ(id_of(r.outputs[1]), dir.file("corpus/latin1.txt"));
  EXPECT_EQ(r.outputs[1].find("text")->as_string(), "caf\xC3\xA9 na\xC3\xAFve");
  EXPECT_EQ(r.outputs[1].find("meta")->find("input_encoding")->as_string(), "windows-1252");
  EXPECT_EQ(id_of(r.outputs[2]), dir.file("corpus/sub/b.txt"));
  ASSERT_EQ(r.dead_letters.size(), 1u);
  EXPECT_NE(r.dead_letters[0].find("reason")->as_string().find("looks like a binary file"),
            std::string::npos);
}

TEST(Runner, OutputRecordFollowsSchemaV1) {
  TempDir dir;
  std::string input = write_file(dir, "in.jsonl",
                                 R"({"id": "r1", "text": "caf\u00e9 time", "meta": {"k": [1, {"x": null}]}})" "\n");
  RunResult r = run_pipeline(
      "name: schema\nstages:\n  - plugin: configurable\n    params: {label: L}\n", {input});
  ASSERT_EQ(r.outputs.size(), 1u);
  const Value& o = r.outputs[0];
  std::vector<std::string> keys;
  for (const auto& [k, v] : o.as_object()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"schema_version", "id", "offset_unit", "text", "meta",
                                            "annotations", "run"}));
  EXPECT_EQ(o.find("schema_version")->as_int(), 1);
  EXPECT_EQ(o.find("offset_unit")->as_string(), "utf8_byte");
  EXPECT_EQ(to_json(*o.find("meta")), R"({"k":[1,{"x":null}]})");
  const Value& a = o.find("annotations")->as_array()[0];
  EXPECT_EQ(to_json(a), R"({"layer":"configured","begin":0,"end":0,"text":"","attrs":{"label":"L"},"producer":"configurable"})");
  const Value& run = *o.find("run");
  EXPECT_EQ(run.find("pipeline")->as_string(), "schema");
  EXPECT_EQ(run.find("stages")->as_array()[0].find("version")->as_string(), "2.1.0");
}

TEST(Runner, CountsAddUpOverAMixOfEverything) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 300; ++i) {
    if (i % 17 == 0) lines += "garbage line\n";
    else if (i % 5 == 0) lines += jsonl_doc("f" + std::to_string(i), "FAIL") + "\n";
    else lines += jsonl_doc("ok" + std::to_string(i), "fine") + "\n";
  }
  std::string input = write_file(dir, "in.jsonl", lines);
  RunOptions options;
  options.chunk_records = 16;
  RunResult r = run_pipeline("name: p\nstages:\n  - plugin: failing\n    on_error: drop\n", {input},
                             2, options);
  EXPECT_EQ(r.summary.records, 300u);
  EXPECT_TRUE(r.summary.counts_add_up());
  EXPECT_EQ(r.summary.unprocessed, 0u);
  EXPECT_EQ(r.outputs.size(), r.summary.outputs);
  EXPECT_EQ(r.dead_letters.size(), r.summary.dead_letters);
  EXPECT_EQ(r.outputs.size() + r.dead_letters.size(), 300u);
}

}  // namespace
}  // namespace docpipe::engine
