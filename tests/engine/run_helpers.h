// Running a pipeline in-process for tests: YAML text + input lines in, output and dead-letter
// records out.
#ifndef DOCPIPE_TESTS_ENGINE_RUN_HELPERS_H_
#define DOCPIPE_TESTS_ENGINE_RUN_HELPERS_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "config_loader.h"
#include "document_maker.h"
#include "pipeline.h"
#include "runner.h"
#include "test_paths.h"

namespace docpipe::engine {

struct RunResult {
  RunSummary summary;
  std::vector<Value> outputs;       // parsed output records
  std::vector<Value> dead_letters;  // parsed dead letters
  std::string raw_output;
};

inline std::vector<Value> read_records(const std::string& path) {
  std::vector<Value> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto v = parse_json(line);
    if (v.ok()) out.push_back(std::move(*v));
    else out.push_back(Value("UNPARSABLE: " + line));
  }
  return out;
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `yaml` (plugins from the fixture folder) over the given input files.
inline RunResult run_pipeline(const std::string& yaml, const std::vector<std::string>& inputs,
                              std::size_t jobs = 2, RunOptions options = {}) {
  testing_paths::TempDir dir;
  RunResult r;
  std::vector<Diagnostic> diags;
  auto cfg = load_pipeline_text(yaml, "test.yaml", dir.path(), &diags);
  if (!cfg) {
    ADD_FAILURE() << diags[0].ToString();
    return r;
  }
  PluginLoader loader({{testing_paths::fixture_dir(), "fixtures"}}, false);
  auto pipeline = Pipeline::build(*cfg, loader, jobs, &diags);
  if (!pipeline) {
    ADD_FAILURE() << diags[0].ToString();
    return r;
  }
  auto sources = expand_inputs(inputs, StdinFormat::kJsonl);
  if (!sources.ok()) {
    ADD_FAILURE() << sources.status().message();
    return r;
  }
  {
    OutputSink out(dir.file("out.jsonl"));
    OutputSink dead(dir.file("dead.jsonl"));
    RecordReader reader(std::move(*sources), pipeline->config().limits.max_document_bytes);
    Runner runner(*pipeline, options);
    r.summary = runner.run(reader, out, dead);
  }
  r.raw_output = slurp(dir.file("out.jsonl"));
  if (options.format == OutputFormat::kJsonl) r.outputs = read_records(dir.file("out.jsonl"));
  r.dead_letters = read_records(dir.file("dead.jsonl"));
  return r;
}

inline std::string jsonl_doc(const std::string& id, const std::string& text) {
  return to_json(Value(Value::Object{{"id", id}, {"text", text}}));
}

// Writes lines to a file in `dir` and returns its path.
inline std::string write_file(const testing_paths::TempDir& dir, const std::string& name,
                              const std::string& content) {
  std::ofstream out(dir.file(name), std::ios::binary);
  out << content;
  return dir.file(name);
}

}  // namespace docpipe::engine

#endif  // DOCPIPE_TESTS_ENGINE_RUN_HELPERS_H_
