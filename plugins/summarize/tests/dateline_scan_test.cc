#include "dateline_scan.h"

#include <gtest/gtest.h>

#include <string>

namespace docpipe::summarize {
namespace {

struct Case {
  const char* text;
  const char* after;  // the text after the dateline; nullptr when there is none
};

TEST(DatelineScan, Table) {
  const Case cases[] = {
      {"WASHINGTON \xE2\x80\x94 The agency said", "The agency said"},
      {"ROTTERDAM, Netherlands \xE2\x80\x94 The barrier", "The barrier"},
      {"LONDON (Reuters) - Shares fell", "Shares fell"},
      {"LONDON, England (Reuters) -- A star", "A star"},
      {"NEW YORK (AP) \xE2\x80\x93 Prices rose", "Prices rose"},
      {"(CNN) -- The storm", "The storm"},
      {"(CNN)Share, and your gift", "Share, and your gift"},
      {"Moscow (CNN)In his first comments", "In his first comments"},
      {"Hong Kong (CNN) A crowd gathered", "A crowd gathered"},
      {"BEIRUT -- Fighting resumed", "Fighting resumed"},
      // Not datelines.
      {"The barrier was closed - again.", nullptr},
      {"Washington \xE2\x80\x94 a city of monuments", nullptr},
      {"Kim Jong Un (center) said", nullptr},
      {"A well-known ship sailed", nullptr},
      {"UN-backed talks resumed", nullptr},
      {"", nullptr},
      {"(", nullptr},
      {"The Federal Bank of the Northern Region (Fed) - said", nullptr},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    const std::size_t n = scan_dateline(text);
    if (c.after == nullptr) {
      EXPECT_EQ(n, 0u) << text;
    } else {
      EXPECT_EQ(text.substr(n), c.after) << text;
    }
  }
}

}  // namespace
}  // namespace docpipe::summarize
