#include "config_loader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

namespace docpipe::engine {
namespace {

const std::string kBad = "tests/data/pipelines/bad/";

struct BadFile {
  std::string file;
  std::vector<std::string> messages;  // every diagnostic, exactly, in order
};

TEST(ConfigLoader, BadFilesGetExactMessages) {
  const std::vector<BadFile> cases = {
      {"unknown_stage_key.yaml", {"unknown_stage_key.yaml:4:5: unknown key 'parms' in stage 1 (did you mean 'params'?)"}},
      {"unknown_top_key.yaml",
       {"unknown_top_key.yaml:2:1: unknown key 'stagse' in the pipeline (did you mean 'stages'?)",
        "unknown_top_key.yaml:1:1: missing required key 'stages'"}},
      {"missing_plugin.yaml", {"missing_plugin.yaml:4:5: stage 2: missing required key 'plugin'"}},
      {"missing_name.yaml", {"missing_name.yaml:1:1: missing required key 'name'"}},
      {"missing_stages.yaml", {"missing_stages.yaml:1:1: missing required key 'stages'"}},
      {"empty_stages.yaml", {"empty_stages.yaml:2:9: stages must be a non-empty list, got an empty list"}},
      {"stages_not_list.yaml", {"stages_not_list.yaml:2:9: stages must be a non-empty list, got a scalar"}},
      {"bad_on_error.yaml", {"bad_on_error.yaml:4:15: on_error must be fail, skip or drop, got 'ignore'"}},
      {"near_on_error.yaml",
       {"near_on_error.yaml:4:15: on_error must be fail, skip or drop, got 'skp' (did you mean 'skip'?)"}},
      {"plugin_not_string.yaml",
       {"plugin_not_string.yaml:3:13: stage 1: plugin must be a non-empty string, got a list"}},
      {"params_not_mapping.yaml",
       {"params_not_mapping.yaml:4:13: stage 1: params must be a mapping, got a list"}},
      {"malformed.yaml", {"malformed.yaml:4:3: malformed YAML: end of map not found"}},
      {"bad_version.yaml",
       {"bad_version.yaml:2:10: unsupported pipeline format version '2'; this docpipe reads version 1"}},
      {"bad_limit.yaml",
       {"bad_limit.yaml:2:30: limits.max_document_bytes must be a whole number >= 0, got '-5'"}},
      {"duplicate_key.yaml", {"duplicate_key.yaml:2:1: duplicate key 'name' in the pipeline"}},
      {"empty.yaml", {"empty.yaml: the pipeline file is empty"}},
      {"not_a_mapping.yaml",
       {"not_a_mapping.yaml:1:1: a pipeline file must be a mapping with 'name' and 'stages', got a list"}},
      {"bad_defaults_key.yaml",
       {"bad_defaults_key.yaml:2:12: unknown key 'on_eror' in defaults (did you mean 'on_error'?)"}},
      {"alias_bomb.yaml",
       {"alias_bomb.yaml:2:12: the pipeline expands to more than 100000 YAML nodes (an alias "
        "bomb?); refusing to read it"}},
      {"deep_nesting.yaml",
       {"deep_nesting.yaml:4:10017: YAML nested more than 499 levels deep; refusing to read it"}},
  };
  for (const auto& c : cases) {
    std::vector<Diagnostic> diags;
    const auto start = std::chrono::steady_clock::now();
    auto cfg = load_pipeline_file(kBad + c.file, &diags);
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_FALSE(cfg.has_value()) << c.file;
    std::vector<std::string> got;
    for (const auto& d : diags) {
      std::string s = d.ToString();
      // Compare without the folder part of the path.
      if (s.rfind(kBad, 0) == 0) s = s.substr(kBad.size());
      got.push_back(s);
    }
    EXPECT_EQ(got, c.messages) << c.file;
    // Hostile files fail fast (a generous bound: this is about not hanging).
    EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(took).count(), 10) << c.file;
  }
}

TEST(ConfigLoader, EveryBadFileIsInTheTable) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(kBad)) n += e.path().extension() == ".yaml";
  EXPECT_EQ(n, 20u) << "add new bad files to BadFilesGetExactMessages";
}

TEST(ConfigLoader, MissingFile) {
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(load_pipeline_file("no/such/file.yaml", &diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].ToString(), "no/such/file.yaml: no such pipeline file");
}

TEST(ConfigLoader, ReadsAFullPipeline) {
  const std::string text = R"(version: 1
name: full
description: every key
plugin_paths: [plugins, /abs/dir]
defaults: {on_error: skip}
limits: {max_document_bytes: 1000, max_stage_ms: 50}
output: {exclude_layers: [token], views: true}
x-shared: &common {mode: news}
stages:
  - plugin: clean
  - plugin: dating
    name: dates
    on_error: drop
    params: *common
  - plugin: summarize
    params:
      sentences: 3
      ratio: 0.25
      headline: false
      label: "007"
      tags: [a, b]
)";
  std::vector<Diagnostic> diags;
  auto cfg = load_pipeline_text(text, "full.yaml", "/base", &diags);
  ASSERT_TRUE(cfg.has_value()) << (diags.empty() ? "" : diags[0].ToString());
  EXPECT_EQ(cfg->name, "full");
  EXPECT_EQ(cfg->plugin_paths, (std::vector<std::string>{"/base/plugins", "/abs/dir"}));
  EXPECT_EQ(cfg->limits.max_document_bytes, 1000u);
  EXPECT_EQ(cfg->limits.max_stage_ms, 50u);
  EXPECT_EQ(cfg->output.exclude_layers, std::vector<std::string>{"token"});
  EXPECT_TRUE(cfg->output.views);
  ASSERT_EQ(cfg->stages.size(), 3u);
  EXPECT_EQ(cfg->stages[0].name, "clean");
  EXPECT_EQ(cfg->stages[0].on_error, OnError::kSkip);  // from defaults
  EXPECT_EQ(cfg->stages[1].name, "dates");
  EXPECT_EQ(cfg->stages[1].on_error, OnError::kDrop);
  EXPECT_EQ(to_json(Value(cfg->stages[1].params)), R"({"mode":"news"})");
  const Value::Object& p = cfg->stages[2].params;
  EXPECT_TRUE(p.find("sentences")->is_int());
  EXPECT_TRUE(p.find("ratio")->is_double());
  EXPECT_TRUE(p.find("headline")->is_bool());
  EXPECT_EQ(p.find("label")->as_string(), "007");  // quoted: stays a string
  EXPECT_EQ(cfg->stages[2].param_pos.at("ratio").line, 18);
  EXPECT_EQ(cfg->stages[2].param_pos.at("ratio").column, 7);
}

}  // namespace
}  // namespace docpipe::engine
