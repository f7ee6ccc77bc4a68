#include "child_environment.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../engine/test_paths.h"
#include "pipeline_child.h"

namespace docpipe::queue {
namespace {

std::vector<std::string> child_env_of(std::vector<const char*> parent) {
  parent.push_back(nullptr);
  return child_environment(parent.data());
}

TEST(ChildEnvironment, AddsHugePagesToTheTunables) {
  struct Case {
    std::vector<const char*> parent;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      // No GLIBC_TUNABLES: one is added, after everything else, which keeps its order.
      {{"PATH=/usr/bin", "HOME=/root"},
       {"PATH=/usr/bin", "HOME=/root", "GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
      {{}, {"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
      // Empty, or with other tunables: huge pages are added, the others kept.
      {{"GLIBC_TUNABLES="}, {"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
      {{"A=1", "GLIBC_TUNABLES=glibc.malloc.arena_max=2", "B=2"},
       {"A=1", "GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1", "B=2"}},
      // A name that only starts like it is another tunable.
      {{"GLIBC_TUNABLES=glibc.malloc.hugetlbx=0"},
       {"GLIBC_TUNABLES=glibc.malloc.hugetlbx=0:glibc.malloc.hugetlb=1"}},
      // The user's own setting wins, wherever it stands in the list.
      {{"GLIBC_TUNABLES=glibc.malloc.hugetlb=0"}, {"GLIBC_TUNABLES=glibc.malloc.hugetlb=0"}},
      {{"GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2"},
       {"GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2"}},
      // Variables that only look similar are not touched.
      {{"XGLIBC_TUNABLES=1", "GLIBC_TUNABLES_X=1"},
       {"XGLIBC_TUNABLES=1", "GLIBC_TUNABLES_X=1", "GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
  };
  for (const Case& c : cases) {
    std::string label;
    for (const char* e : c.parent) label += std::string(e) + " ";
    EXPECT_EQ(child_env_of(c.parent), c.want) << label;
  }
}

TEST(ChildEnvironment, NullEnvironmentGivesOnlyTheTunable) {
  EXPECT_EQ(child_environment(nullptr),
            std::vector<std::string>{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"});
}

// The environment really reaches the process: a shell stands in for the pipeline child and
// writes down what it was given.
TEST(ChildEnvironment, PipelineChildStartsWithIt) {
  docpipe::testing_paths::TempDir dir;
  const std::string seen = dir.file("seen");
  const char* old = std::getenv("GLIBC_TUNABLES");
  const std::string saved = old ? old : "";
  ::setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=4", 1);
  ::setenv("DOCPIPE_CHILD_ENV_TEST", "kept", 1);
  {
    auto child = PipelineChild::spawn(
        {"/bin/sh", "-c",
         "printf '%s|%s' \"$GLIBC_TUNABLES\" \"$DOCPIPE_CHILD_ENV_TEST\" > " + seen});
    ASSERT_TRUE(child.ok()) << child.status().message();
  }  // waits for the shell to exit
  if (old) {
    ::setenv("GLIBC_TUNABLES", saved.c_str(), 1);
  } else {
    ::unsetenv("GLIBC_TUNABLES");
  }
  ::unsetenv("DOCPIPE_CHILD_ENV_TEST");
  std::ifstream in(seen);
  const std::string got((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(got, "glibc.malloc.arena_max=4:glibc.malloc.hugetlb=1|kept");
}

}  // namespace
}  // namespace docpipe::queue
