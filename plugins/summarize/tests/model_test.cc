#include "model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace docpipe::summarize {
namespace {

TEST(Model, ParsesAndRoundTrips) {
  auto m = parse_model("docpipe-summarize-model 1\n# comment\nbias -1.5\npos0 2\n\n", "m");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_FLOAT_EQ(m->weights[kBias], -1.5f);
  EXPECT_FLOAT_EQ(m->weights[kPos0], 2.0f);
  EXPECT_FLOAT_EQ(m->weights[kCentroid], 0.0f);
  auto again = parse_model(format_model(*m, "two\nlines"), "m2");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->weights, m->weights);
  FeatureRow row{};
  row[kBias] = 1;
  EXPECT_NEAR(m->score(row), 1.0 / (1.0 + std::exp(1.5)), 1e-6);
}

TEST(Model, RejectsBadFiles) {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"", "empty model file"},
      {"docpipe-summarize-model 2\n", "not a summarize model"},
      {"docpipe-summarize-model 1\nbias\n", "expected 'feature weight'"},
      {"docpipe-summarize-model 1\nnot_a_feature 1\n", "unknown feature 'not_a_feature'"},
      {"docpipe-summarize-model 1\nbias one\n", "bad weight 'one'"},
      {"docpipe-summarize-model 1\nbias 1x\n", "bad weight '1x'"},
      {"docpipe-summarize-model 1\nbias nan\n", "bad weight 'nan'"},
  };
  for (const auto& c : cases) {
    auto m = parse_model(c.text, "f.model");
    ASSERT_FALSE(m.ok()) << c.text;
    EXPECT_NE(m.status().message().find(c.message), std::string::npos) << m.status().ToString();
  }
}

TEST(Model, FeatureNamesAreUnique) {
  for (int f = 0; f < kFeatureCount; ++f) {
    EXPECT_EQ(feature_index(feature_name(f)), f) << feature_name(f);
  }
  EXPECT_EQ(feature_index("nope"), -1);
}

}  // namespace
}  // namespace docpipe::summarize
