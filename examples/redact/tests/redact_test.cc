#include <gtest/gtest.h>

#include "../src/pii_scanner.h"
#include "docpipe/testing.h"

using docpipe::testing::DocumentBuilder;
using docpipe::testing::StageHarness;

TEST(PiiScanner, FindsEmailsAndPhones) {
  struct Case {
    std::string text;
    std::vector<std::string> found;
  };
  const std::vector<Case> cases = {
      {"Write to jane.doe+news@example.co.uk.", {"jane.doe+news@example.co.uk"}},
      {"Call +1 (202) 555-0143 today", {"+1 (202) 555-0143"}},
      {"or 020 7946 0958, thanks", {"020 7946 0958"}},
      {"Not phones: 2024-03-11, 1,500 soldiers, 3.14159, Pier 33, won 2-1", {}},
      {"user@localhost is no address; a@b.c neither", {}},
  };
  for (const auto& c : cases) {
    std::vector<std::string> got;
    for (const auto& m : redact::find_pii(c.text, true, true)) got.push_back(c.text.substr(m.begin, m.end - m.begin));
    EXPECT_EQ(got, c.found) << c.text;
  }
}

TEST(Redact, MasksInAViewAndKeepsOriginalOffsets) {
  auto stage = StageHarness::create(docpipe_plugin_entry(), {{"mask", "***"}});
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  docpipe::Document doc = DocumentBuilder("Mail bob@example.org or ring 0171 555 01234.").build();
  ASSERT_TRUE(stage->run(doc).ok());
  EXPECT_EQ(doc.view().name(), "redacted");
  EXPECT_EQ(doc.view().text(), "Mail *** or ring ***.");
  EXPECT_EQ(docpipe::testing::layer_texts(doc, "redaction"),
            (std::vector<std::string>{"bob@example.org", "0171 555 01234"}));
  EXPECT_EQ(docpipe::testing::attr_of(doc, "redaction", "bob@example.org", "kind"), "email");
}

TEST(Redact, LeavesCleanTextAlone) {
  auto stage = StageHarness::create(docpipe_plugin_entry());
  ASSERT_TRUE(stage.ok());
  docpipe::Document doc = DocumentBuilder("Nothing to hide here.").build();
  ASSERT_TRUE(stage->run(doc).ok());
  EXPECT_EQ(doc.view_count(), 1u);
}
