#include "subtype.h"

namespace docpipe::entities {
namespace {

std::uint16_t bit(const Gazetteer& g, std::string_view category) {
  const int i = g.category_index(category);
  return i < 0 ? 0 : static_cast<std::uint16_t>(1u << i);
}

}  // namespace

SubtypeFinder::SubtypeFinder(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
  gpe_ = bit(gazetteer, "country") | bit(gazetteer, "subdivision") | bit(gazetteer, "city");
  fac_ = bit(gazetteer, "facility");
  norp_ = bit(gazetteer, "demonym");
  event_ = bit(gazetteer, "event");
  person_ = bit(gazetteer, "person");
}

bool SubtypeFinder::listed_person(const std::vector<std::string>& lowered) const {
  if (lowered.size() < 2 || person_ == 0) return false;
  std::string phrase;
  for (const auto& w : lowered) {
    if (!phrase.empty()) phrase += ' ';
    phrase += w;
  }
  return gazetteer_.lookup(phrase) == person_;
}

std::string_view SubtypeFinder::find(EntityType type,
                                     const std::vector<std::string>& lowered) const {
  std::string phrase;
  for (const auto& w : lowered) {
    if (!phrase.empty()) phrase += ' ';
    phrase += w;
  }
  const std::uint16_t cats = gazetteer_.lookup(phrase);
  switch (type) {
    case EntityType::kLoc:
      if (cats & gpe_) return "GPE";
      if (cats & fac_) return "FAC";
      return "";
    case EntityType::kMisc: {
      if (cats & norp_) return "NORP";
      if (cats & event_) return "EVENT";
      // Plural nationalities: "Americans", "Britons" -> "American", "Briton".
      if (lowered.size() == 1 && phrase.size() > 3 && phrase.back() == 's' &&
          (gazetteer_.lookup(phrase.substr(0, phrase.size() - 1)) & norp_)) {
        return "NORP";
      }
      return "";
    }
    case EntityType::kOrg:
      return "";
    case EntityType::kPerson:
      return "";
  }
  return "";
}

}  // namespace docpipe::entities
