#include "new_plugin.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "commands.h"
#include "docpipe/plugin.h"

namespace docpipe::cli {
namespace {

// "my-tagger" -> "MyTagger"
std::string class_name(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// Replaces @NAME@, @CLASS@ and @LAYER@ in a template.
std::string fill(std::string text, const std::string& name) {
  std::string layer = name;
  for (char& c : layer) {
    if (c == '-') c = '_';
  }
  const std::pair<std::string, std::string> subs[] = {
      {"@NAME@", name}, {"@CLASS@", class_name(name)}, {"@LAYER@", layer}};
  for (const auto& [from, to] : subs) {
    for (std::size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size())) {
      text.replace(p, from.size(), to);
    }
  }
  return text;
}

constexpr const char* kCMakeLists = R"(cmake_minimum_required(VERSION 3.25)
project(docpipe-@NAME@ VERSION 0.1.0 LANGUAGES CXX)

# The installed docpipe SDK: docpipe::sdk and docpipe_add_plugin().
# Point CMAKE_PREFIX_PATH at the docpipe install prefix if it is not a system one.
find_package(docpipe 1 REQUIRED)

docpipe_add_plugin(NAME @NAME@ SOURCES src/@NAME@.cc)

include(CTest)
if(BUILD_TESTING)
  find_package(GTest REQUIRED)
  include(GoogleTest)
  add_executable(@NAME@_test tests/@NAME@_test.cc)
  target_link_libraries(@NAME@_test PRIVATE docpipe_@NAME@_objects GTest::gtest_main)
  gtest_discover_tests(@NAME@_test)
endif()
)";

constexpr const char* kSource = R"(// @NAME@: a docpipe stage.
//
// Marks every occurrence of the configured words (whole words, case-insensitive when asked) as
// an annotation of layer "@LAYER@". Replace the body of process() with your own logic; keep the
// spec below in step with the parameters you read in configure().
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "docpipe/plugin.h"
#include "docpipe/text/segmenter.h"

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

class @CLASS@ final : public docpipe::Stage {
 public:
  // Called once with parameters already checked against the spec (defaults filled in).
  docpipe::Status configure(const docpipe::Params& params) override {
    ignore_case_ = params.get_bool("ignore_case");
    for (const auto& w : params.get_string_list("words")) {
      if (w.empty()) return docpipe::Status::InvalidArgument("'words' must not hold empty strings");
      words_.push_back(ignore_case_ ? lower(w) : w);
    }
    return docpipe::Status::OK();
  }

  // Called for every document. Read doc.view() (the cleaned text when a cleaning stage ran);
  // annotations made through the view point into the original text.
  docpipe::Status process(docpipe::Document& doc) override {
    const docpipe::TextView& view = doc.view();
    const docpipe::Segmentation& seg = docpipe::segment(doc);  // shared tokens and sentences
    for (const docpipe::Token& t : seg.tokens()) {
      std::string word(seg.text_of(t));
      if (ignore_case_) word = lower(word);
      if (std::find(words_.begin(), words_.end(), word) != words_.end()) {
        doc.annotate("@LAYER@", view, docpipe::Span{t.begin, t.end}, {{"word", word}});
      }
    }
    return docpipe::Status::OK();
  }

 private:
  std::vector<std::string> words_;
  bool ignore_case_ = true;
};

}  // namespace

DOCPIPE_PLUGIN(@CLASS@, (docpipe::PluginSpec{
                            .name = "@NAME@",
                            .version = "0.1.0",
                            .description = "Marks the configured words.",
                            .params = {docpipe::param::string_list("words", {}, "Words to mark."),
                                       docpipe::param::boolean("ignore_case", true,
                                                               "Match regardless of case.")},
                            .produced_layers = {"@LAYER@"},
                            .thread_safe = true,
                        }))
)";

constexpr const char* kTest = R"(#include <gtest/gtest.h>

#include "docpipe/testing.h"

using docpipe::testing::DocumentBuilder;
using docpipe::testing::StageHarness;

TEST(@CLASS@, MarksTheConfiguredWords) {
  auto stage = StageHarness::create(docpipe_plugin_entry(),
                                    {{"words", docpipe::Value::Array{"storm", "barrier"}}});
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  docpipe::Document doc = DocumentBuilder("The Storm hit the barrier at dawn.").build();
  ASSERT_TRUE(stage->run(doc).ok());
  EXPECT_EQ(docpipe::testing::layer_texts(doc, "@LAYER@"),
            (std::vector<std::string>{"Storm", "barrier"}));
}

TEST(@CLASS@, RejectsUnknownParameters) {
  auto stage = StageHarness::create(docpipe_plugin_entry(), {{"wrods", docpipe::Value::Array{}}});
  ASSERT_FALSE(stage.ok());
  EXPECT_NE(stage.status().message().find("did you mean 'words'"), std::string::npos);
}
)";

constexpr const char* kPipeline = R"(# Try the plugin:  docpipe run pipeline.yaml some-text.txt --format pretty
name: @NAME@-example
plugin_paths: [build/lib/docpipe/plugins]
stages:
  - plugin: @NAME@
    params:
      words: [storm, barrier]
)";

constexpr const char* kReadme = R"(# docpipe plugin: @NAME@

    cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH=/path/to/docpipe/prefix
    cmake --build build
    ctest --test-dir build
    docpipe run pipeline.yaml some-text.txt --format pretty

The stage is in src/@NAME@.cc; its parameters are declared in the DOCPIPE_PLUGIN spec at the end
of that file. See docpipe's docs/writing-plugins.md.
)";

constexpr const char* kGitignore = "/build/\n";

}  // namespace

Result<std::vector<GeneratedFile>> plugin_project_files(const std::string& name) {
  PluginSpec probe;
  probe.name = name;
  probe.version = "0";
  if (Status s = check_plugin_spec(probe); !s.ok()) return s;
  return std::vector<GeneratedFile>{
      {"CMakeLists.txt", fill(kCMakeLists, name)},
      {"src/" + name + ".cc", fill(kSource, name)},
      {"tests/" + name + "_test.cc", fill(kTest, name)},
      {"pipeline.yaml", fill(kPipeline, name)},
      {"README.md", fill(kReadme, name)},
      {".gitignore", kGitignore},
  };
}

int new_plugin_command(const NewPluginCommand& cmd) {
  auto files = plugin_project_files(cmd.name);
  if (!files.ok()) {
    std::fprintf(stderr, "error: %s\n", files.status().message().c_str());
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path dir = cmd.dir.empty() ? fs::path(cmd.name) : fs::path(cmd.dir);
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    std::fprintf(stderr, "error: %s exists and is not empty; choose another folder\n",
                 dir.string().c_str());
    return 2;
  }
  for (const auto& f : *files) {
    const fs::path path = dir / f.path;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << f.content;
    if (!out) {
      std::fprintf(stderr, "error: cannot write %s\n", path.string().c_str());
      return 1;
    }
  }
  std::printf("created plugin project '%s' in %s\n", cmd.name.c_str(), dir.string().c_str());
  std::printf("next:\n  cmake -S %s -B %s/build -G Ninja -DCMAKE_PREFIX_PATH=<docpipe prefix>\n"
              "  cmake --build %s/build && ctest --test-dir %s/build\n",
              dir.string().c_str(), dir.string().c_str(), dir.string().c_str(),
              dir.string().c_str());
  return 0;
}

}  // namespace docpipe::cli
