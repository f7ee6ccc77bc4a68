#include "dateline.h"

#include <gtest/gtest.h>

namespace docpipe::clean {
namespace {

TEST(Dateline, Recognised) {
  struct Case {
    std::string paragraph;
    std::string text;  // the dateline as written
    std::string place, agency, date;
    bool alone;
  };
  const Case cases[] = {
      {"WASHINGTON \xE2\x80\x94 Officials met on Monday.", "WASHINGTON \xE2\x80\x94", "WASHINGTON",
       "", "", false},
      {"LONDON (Reuters) - Shares fell.", "LONDON (Reuters) -", "LONDON", "Reuters", "", false},
      {"(CNN) -- A storm hit the coast.", "(CNN) --", "", "CNN", "", false},
      {"(CNN)A storm hit the coast.", "(CNN)", "", "CNN", "", false},
      {"MOSCOW, Sept. 4 (AP) \xE2\x80\x94 The talks began.", "MOSCOW, Sept. 4 (AP) \xE2\x80\x94",
       "MOSCOW", "AP", "XXXX-09-04", false},
      {"CANBERRA, Australia (AP)_ The vote passed.", "CANBERRA, Australia (AP)_",
       "CANBERRA, Australia", "AP", "", false},
      {"NEWARK, N.J. _ A task force began work.", "NEWARK, N.J. _", "NEWARK, N.J.", "", "", false},
      {"RIO DE JANEIRO \xE2\x80\x93 Rain fell.", "RIO DE JANEIRO \xE2\x80\x93", "RIO DE JANEIRO",
       "", "", false},
      {"WASHINGTON, August 8 (Xinhua) --", "WASHINGTON, August 8 (Xinhua) --", "WASHINGTON",
       "Xinhua", "XXXX-08-08", true},
      {"NAIROBI, Kenya (AP) _", "NAIROBI, Kenya (AP) _", "NAIROBI, Kenya", "AP", "", true},
      {"Washington (CNN) -- The Senate voted.", "Washington (CNN) --", "Washington", "CNN", "",
       false},
      {"NEW DELHI: The court ruled.", "NEW DELHI:", "NEW DELHI", "", "", false},
      {"WASHINGTON\xE2\x80\x94The bill passed.", "WASHINGTON\xE2\x80\x94", "WASHINGTON", "", "",
       false},
      {"S\xC3\x83O PAULO \xE2\x80\x94 Prices rose.", "S\xC3\x83O PAULO \xE2\x80\x94",
       "S\xC3\x83O PAULO", "", "", false},
      {"BEIJING, April 1, 1997 (AFP) - Markets fell.", "BEIJING, April 1, 1997 (AFP) -", "BEIJING",
       "AFP", "1997-04-01", false},
      {"Chao Hu, Anhui, China (CNN)Six-year-old Lu", "Chao Hu, Anhui, China (CNN)",
       "Chao Hu, Anhui, China", "CNN", "", false},
      {"Hong Kong (CNN) A crowd gathered.", "Hong Kong (CNN)", "Hong Kong", "CNN", "", false},
      {"Leicester, England (CNN)\"God save the king!\"", "Leicester, England (CNN)",
       "Leicester, England", "CNN", "", false},
      {"(CNN)[Breaking news update]", "(CNN)", "", "CNN", "", false},
  };
  for (const Case& c : cases) {
    auto d = match_dateline(c.paragraph);
    ASSERT_TRUE(d.has_value()) << c.paragraph;
    EXPECT_EQ(c.paragraph.substr(0, d->length), c.text) << c.paragraph;
    EXPECT_EQ(d->place, c.place) << c.paragraph;
    EXPECT_EQ(d->agency, c.agency) << c.paragraph;
    EXPECT_EQ(d->date ? iso_date(*d->date) : "", c.date) << c.paragraph;
    EXPECT_EQ(d->alone, c.alone) << c.paragraph;
  }
}

TEST(Dateline, NotDatelines) {
  const std::string paragraphs[] = {
      "Putin wants Kim to agree to send shells.",
      "In a rare foray, Kim would travel.",
      "Washington \xE2\x80\x94 the city \xE2\x80\x94 was quiet.",  // mixed case needs an agency
      "BREAKING \xE2\x80\x94 A storm hit.",
      "OK \xE2\x80\x94 so we start.",    // too short for a place
      "NASA-funded research grew.",      // hyphen touching a word
      "(see below) the figures rose.",   // lowercase "agency"
      "U.S. officials said - nothing.",  // mixed words
      "The WASHINGTON \xE2\x80\x94 story.",
      "Omaha, Nebraska (the Heartland Project)When activists met.",  // lowercase "agency"
      "John Smith (Reuters) said that.",  // the text goes on in lowercase
      "",
  };
  for (const std::string& p : paragraphs) EXPECT_FALSE(match_dateline(p).has_value()) << p;
}

}  // namespace
}  // namespace docpipe::clean
