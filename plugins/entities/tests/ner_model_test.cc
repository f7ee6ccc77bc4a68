// The model file: round trip, and a clear error for a wrong magic number, another version, a
// truncated file and a checksum mismatch.
#include "ner_model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "hashing.h"

namespace docpipe::entities {
namespace {

NerModel small_model() {
  NerModel m;
  m.description = "test model";
  m.temperature = 3.0f;
  m.gazetteer_tsv = "# test\ncountry\tNorway\ncity\tBergen\n";
  m.classes_tsv = "# test\nOslo\t1\t2\t3\n";
  for (LinearModel* lm : {&m.first_pass, &m.second_pass}) {
    const std::uint32_t row = lm->index.insert(feature(7, 11));
    lm->weights.assign(static_cast<std::size_t>(row + 1) * kTagCount, 0.0f);
    lm->weights[row * kTagCount + 4] = 2.5f;
    lm->transition[0][4] = -1.25f;
    lm->start[1] = 0.5f;
  }
  EXPECT_TRUE(m.finish().ok());
  return m;
}

TEST(NerModel, RoundTrip) {
  const std::string bytes = serialize_model(small_model());
  ASSERT_EQ(bytes.substr(0, 8), kModelMagic);
  auto m = parse_model(bytes, "test.model");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)->description, "test model");
  EXPECT_FLOAT_EQ((*m)->temperature, 3.0f);
  EXPECT_EQ((*m)->gazetteer.size(), 2u);
  EXPECT_EQ((*m)->classes.size(), 1u);
  Scores scores{};
  const std::uint64_t features[] = {feature(7, 11), feature(7, 12)};
  (*m)->second_pass.accumulate(features, scores);
  EXPECT_NEAR(scores[4], 2.5f, 1e-3f);
  EXPECT_EQ(scores[3], 0.0f);
  EXPECT_FLOAT_EQ((*m)->second_pass.transition[0][4], -1.25f);
  EXPECT_FLOAT_EQ((*m)->first_pass.start[1], 0.5f);
}

TEST(NerModel, RejectsWrongMagic) {
  std::string bytes = serialize_model(small_model());
  bytes[0] = 'X';
  auto m = parse_model(bytes, "bad.model");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("bad.model is not a docpipe entity model"), std::string::npos)
      << m.status().message();
  EXPECT_FALSE(parse_model("", "empty.model").ok());
}

TEST(NerModel, RejectsOtherVersions) {
  std::string bytes = serialize_model(small_model());
  bytes[8] = 9;  // version 9
  auto m = parse_model(bytes, "old.model");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("entity model version 9, this plugin reads version 1"),
            std::string::npos)
      << m.status().message();
}

TEST(NerModel, RejectsCorruptAndTruncatedFiles) {
  const std::string good = serialize_model(small_model());
  std::string flipped = good;
  flipped[good.size() - 3] ^= 0x40;
  auto m = parse_model(flipped, "flipped.model");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("checksum mismatch"), std::string::npos)
      << m.status().message();
  auto t = parse_model(good.substr(0, good.size() - 10), "short.model");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("truncated"), std::string::npos) << t.status().message();
}

TEST(NerModel, MissingFileNamesThePath) {
  auto m = load_model("/nonexistent/dir/ner.model");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("/nonexistent/dir/ner.model"), std::string::npos);
}

TEST(NerModel, SaveAndLoad) {
  const std::string path = ::testing::TempDir() + "/entities_model_test.model";
  ASSERT_TRUE(save_model(small_model(), path).ok());
  auto m = load_model(path);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)->description, "test model");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace docpipe::entities
