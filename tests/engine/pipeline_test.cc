#include "pipeline.h"

#include <gtest/gtest.h>

#include "config_loader.h"
#include "test_paths.h"

namespace docpipe::engine {
namespace {

using testing_paths::fixture_dir;

struct Built {
  std::optional<Pipeline> pipeline;
  std::vector<std::string> errors;
};

Built build(const std::string& yaml, std::size_t workers = 2) {
  Built out;
  std::vector<Diagnostic> diags;
  auto cfg = load_pipeline_text(yaml, "p.yaml", "/tmp", &diags);
  if (cfg) {
    PluginLoader loader({{fixture_dir(), "fixtures"}}, false);
    out.pipeline = Pipeline::build(*cfg, loader, workers, &diags);
  }
  for (const auto& d : diags) out.errors.push_back(d.ToString());
  return out;
}

TEST(Pipeline, BuildsAndConfiguresEveryStage) {
  Built b = build(R"(name: ok
stages:
  - plugin: configurable
    params: {label: hello, max_words: 10}
  - plugin: order
  - plugin: noop
)", 3);
  ASSERT_TRUE(b.pipeline) << b.errors[0];
  auto& stages = b.pipeline->stages();
  ASSERT_EQ(stages.size(), 3u);
  EXPECT_EQ(stages[0].instances.size(), 1u);  // thread-safe: shared
  EXPECT_EQ(stages[1].instances.size(), 3u);  // not thread-safe: one per worker
  EXPECT_EQ(stages[0].params.get_int("max_words"), 10);
  EXPECT_EQ(stages[0].params.get_int("min_words"), 1);  // default
  EXPECT_EQ(b.pipeline->fingerprint().size(), 16u);
}

struct BadPipeline {
  std::string name;
  std::string yaml;
  std::vector<std::string> errors;
};

TEST(Pipeline, ReportsEveryProblemWithItsPlace) {
  const std::vector<BadPipeline> cases = {
      {"unknown plugin with suggestion",
       "name: x\nstages:\n  - plugin: noopp\n",
       {"p.yaml:3:13: unknown plugin 'noopp' (did you mean 'noop'?); plugin 'noopp' not found: no "
        "docpipe_noopp.so in any of:\n    " + fixture_dir() + " (fixtures)"}},
      {"unknown param",
       "name: x\nstages:\n  - plugin: configurable\n    params:\n      label: a\n      max_wrods: 3\n",
       {"p.yaml:6:7: stage 'configurable' (plugin configurable): unknown parameter 'max_wrods' "
        "(did you mean 'max_words'?)"}},
      {"missing required param",
       "name: x\nstages:\n  - plugin: configurable\n    params: {verbose: true}\n",
       {"p.yaml:4:13: stage 'configurable' (plugin configurable): missing required parameter "
        "'label' (string: A label to attach.)"}},
      {"wrong type",
       "name: x\nstages:\n  - plugin: configurable\n    params:\n      label: a\n      ratio: lots\n",
       {"p.yaml:6:7: stage 'configurable' (plugin configurable): parameter 'ratio' must be a "
        "number, got string \"lots\""}},
      {"required layer not produced",
       "name: x\nstages:\n  - plugin: needs_checked\n",
       {"p.yaml:3:13: stage 'needs_checked' (plugin needs_checked) requires layer 'checked', "
        "which no earlier stage produces"}},
      {"required layer produced too late",
       "name: x\nstages:\n  - plugin: needs_checked\n  - plugin: failing\n",
       {"p.yaml:3:13: stage 'needs_checked' (plugin needs_checked) requires layer 'checked', "
        "which no earlier stage produces (produced by failing, which must come first)"}},
      {"duplicate names",
       "name: x\nstages:\n  - plugin: noop\n  - plugin: noop\n",
       {"p.yaml:4:13: duplicate stage name 'noop' (first used at line 3); give each stage a "
        "unique 'name'"}},
      {"configure rejects the params",
       "name: x\nstages:\n  - plugin: configurable\n    params: {label: a, min_words: 50, max_words: 5}\n",
       {"p.yaml:3:5: stage 'configurable' (plugin configurable): configuration failed: min_words "
        "(50) is larger than max_words (5)"}},
      {"configure throws on a bad param",
       "name: x\nstages:\n  - plugin: throws\n    params: {throw_in_configure: true}\n",
       {"p.yaml:3:5: stage 'throws' (plugin throws): configuration failed: configure() threw an "
        "exception: bad configuration"}},
      {"wrong ABI",
       "name: x\nstages:\n  - plugin: wrong_abi\n",
       {"p.yaml:3:13: " + fixture_dir() + "/docpipe_wrong_abi.so: plugin ABI mismatch: the plugin "
        "was built for docpipe plugin ABI 99.1, this docpipe provides ABI 1.1 (major versions "
        "must be equal); rebuild the plugin against this docpipe's SDK"}},
  };
  for (const auto& c : cases) {
    Built b = build(c.yaml);
    EXPECT_FALSE(b.pipeline) << c.name;
    EXPECT_EQ(b.errors, c.errors) << c.name;
  }
}

TEST(Pipeline, DistinctNamesAllowTheSamePluginTwice) {
  Built b = build("name: x\nstages:\n  - plugin: noop\n  - plugin: noop\n    name: again\n");
  ASSERT_TRUE(b.pipeline);
  EXPECT_EQ(b.pipeline->stages()[1].config.name, "again");
}

TEST(Pipeline, RelativePathParamsResolveAgainstThePipelineFolder) {
  Built b = build("name: x\nstages:\n  - plugin: configurable\n    params: {label: a, lexicon: data/l.tsv}\n");
  ASSERT_TRUE(b.pipeline);
  EXPECT_EQ(b.pipeline->stages()[0].params.get_string("lexicon"), "/tmp/data/l.tsv");
}

}  // namespace
}  // namespace docpipe::engine
