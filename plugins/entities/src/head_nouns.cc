#include "head_nouns.h"

#include <algorithm>
#include <array>

namespace docpipe::entities {
namespace {

constexpr std::string_view kOrgHeads[] = {
    "ag",          "academy",    "agency",      "airlines",     "airways",      "army",
    "association", "authority",  "board",       "bureau",       "college",      "commission",
    "committee",   "company",    "conference",  "congress",     "corp",         "corporation",
    "council",     "department", "directorate", "federation",   "foundation",   "fund",
    "gmbh",        "group",      "inc",         "institute",    "institution",  "llc",
    "ltd",         "ministry",   "movement",    "organisation", "organization", "party",
    "plc",         "school",     "secretariat", "service",      "society",      "spa",
    "university",
};
constexpr std::string_view kFacilityHeads[] = {
    "airbase",    "airport",  "canal",     "arena",   "bridge",    "cathedral",
    "cosmodrome", "dam",      "launchpad", "pier",    "spaceport", "stadium",
    "station",    "terminal", "theater",   "theatre", "tower",
};
constexpr std::string_view kPlaceHeads[] = {
    "archipelago", "basin",   "bay",   "canyon",   "coast",     "desert", "gulf",      "highlands",
    "island",      "islands", "lake",  "lowlands", "mountains", "ocean",  "peninsula", "plain",
    "plateau",     "range",   "river", "sea",      "strait",    "valley",
};
constexpr std::string_view kMiscHeads[] = {"accord",      "accords",  "agreement", "charter",
                                           "declaration", "protocol", "treaty"};
constexpr std::string_view kNumbered[] = {"berth",    "dock", "gate",  "hangar", "highway",
                                          "platform", "pier", "route", "runway", "terminal"};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

}  // namespace

HeadKind head_kind(std::string_view w) {
  if (w == "center" || w == "centre") return HeadKind::kOrgOrVenue;
  if (contains(kOrgHeads, w)) return HeadKind::kOrg;
  if (contains(kFacilityHeads, w)) return HeadKind::kFacility;
  if (contains(kPlaceHeads, w)) return HeadKind::kPlace;
  if (contains(kMiscHeads, w)) return HeadKind::kMisc;
  return HeadKind::kNone;
}

bool numbered_facility(std::string_view w) { return contains(kNumbered, w); }

}  // namespace docpipe::entities
