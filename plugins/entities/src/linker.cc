#include "linker.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "word_form.h"

namespace docpipe::entities {
namespace {

bool is_small_word(std::string_view w) {
  static constexpr std::string_view kSmall[] = {"of",  "the", "and", "for",     "de", "du",
                                                "des", "la",  "le",  "&",       "on", "in",
                                                "to",  "for", "'s",  "\u2019s", "-"};
  const std::string lw = to_lower(w);
  for (auto s : kSmall) {
    if (lw == s) return true;
  }
  return false;
}

// Particles of family names ("van der Berg", "bin Salman"), in any case: sentence-initial
// "Van der Berg" is the same surname.
bool is_name_particle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {
      "van", "der", "den", "de",  "von", "zu",  "la",  "le",  "di",  "da",
      "du",  "del", "della", "bin", "al",  "ten", "ter", "dos", "das", "ibn"};
  const std::string lw = to_lower(w);
  for (auto p : kParticles) {
    if (lw == p) return true;
  }
  return false;
}

// Words of a name that are not particles ("Van der Berg" -> 1).
std::size_t core_words(const std::vector<std::string_view>& words) {
  std::size_t n = 0;
  for (auto w : words) n += is_name_particle(w) ? 0 : 1;
  return n;
}

// Letters of an acronym written in capitals ("U.N." -> "UN"); empty when it is not one.
std::string acronym_letters(std::string_view w) {
  std::string letters;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') {
      letters += c;
    } else if (c != '.' && c != '&') {
      return {};
    }
  }
  return letters.size() >= 2 && letters.size() <= 8 ? letters : std::string();
}

// Can `letters` be spelt by the initials of words[i..], skipping small words?
bool spells(std::string_view letters, const std::vector<std::string_view>& words, std::size_t i) {
  if (letters.empty()) return i == words.size();
  if (i == words.size()) return false;
  const std::string_view w = words[i];
  const char initial = w.empty() ? 0 : w[0];
  if ((initial == letters[0] || (initial >= 'a' && initial - 32 == letters[0])) &&
      spells(letters.substr(1), words, i + 1)) {
    return true;
  }
  return is_small_word(w) && spells(letters, words, i + 1);
}

std::string key_of(const std::vector<std::string_view>& words) {
  std::string k;
  for (auto w : words) {
    if (!k.empty()) k += ' ';
    k += to_lower(w);
  }
  return k;
}

struct Working {
  std::vector<std::string_view> words;  // of the fullest mention
  std::string_view text;
  EntityType canonical_type = EntityType::kMisc;
  std::array<float, kTypeCount> votes{};
  std::uint32_t mentions = 0;
  std::uint32_t first = 0;
  bool all_caps_canonical = false;
  bool linked_by_name_part = false;
  bool family_name_alone = false;  // a one-word mention spells its first word ("Kim")
};

}  // namespace

bool is_acronym_of(std::string_view acronym, const std::vector<std::string_view>& words) {
  const std::string letters = acronym_letters(acronym);
  if (letters.empty() || words.size() < 2) return false;
  return spells(letters, words, 0);
}

LinkResult link_mentions(const std::vector<LinkInput>& mentions) {
  LinkResult result;
  result.cluster_of.assign(mentions.size(), 0);
  std::vector<Working> clusters;
  std::unordered_map<std::string, std::uint32_t> by_key;
  auto add_to = [&](std::uint32_t c, std::uint32_t m) {
    Working& w = clusters[c];
    const LinkInput& in = mentions[m];
    ++w.mentions;
    w.first = std::min(w.first, m);
    w.votes[static_cast<int>(in.type)] += std::max(in.confidence, 0.05f);
    const bool caps = case_class(in.text) == CaseClass::kUpper;
    const bool longer = in.words.size() > w.words.size();
    const bool better_case = in.words.size() == w.words.size() && w.all_caps_canonical && !caps;
    if (longer || better_case) {
      w.words = in.words;
      w.text = in.text;
      w.canonical_type = in.type;
      w.all_caps_canonical = caps;
    }
    result.cluster_of[m] = c;
  };
  auto new_cluster = [&](std::uint32_t m) {
    clusters.push_back(Working{});
    clusters.back().first = m;
    const auto c = static_cast<std::uint32_t>(clusters.size() - 1);
    add_to(c, m);
    return c;
  };
  auto majority = [&](const Working& w) {
    return static_cast<EntityType>(std::max_element(w.votes.begin(), w.votes.end()) -
                                   w.votes.begin());
  };
  // Does `part` (a short mention) spell the first words of `full` (`head`), or its last?
  auto part_of_name = [](const std::vector<std::string_view>& part,
                         const std::vector<std::string_view>& full, bool head_only) {
    if (full.size() <= part.size()) return false;
    const std::size_t n = part.size();
    bool head = true, tail = !head_only;
    for (std::size_t k = 0; k < n; ++k) {
      head = head && to_lower(full[k]) == to_lower(part[k]);
      tail = tail && to_lower(full[full.size() - n + k]) == to_lower(part[k]);
    }
    return head || tail;
  };
  // A short person or organisation mention may stand for a longer name of either kind (the
  // tagger confuses them on rare names): people by first or last words, organisations by their
  // first words ("Pirelli" -> "Pirelli SpA").
  auto short_form_of = [&](const LinkInput& part, EntityType part_type,
                           const std::vector<std::string_view>& full, EntityType full_type) {
    const auto named = [](EntityType t) {
      return t == EntityType::kPerson || t == EntityType::kOrg;
    };
    // Particles do not count towards a short form's length: "Van der Berg" is one name.
    const std::size_t core = core_words(part.words);
    if (core == 0 || core > 2 || !named(part_type) || !named(full_type)) {
      return false;
    }
    const bool person = part_type == EntityType::kPerson || full_type == EntityType::kPerson;
    return part_of_name(part.words, full, !person);
  };
  // Short mentions that are part of a longer name anywhere in the document wait until all
  // full names are known (a headline often names "Kim" before "Kim Jong Un").
  std::vector<bool> deferred(mentions.size(), false);
  for (std::uint32_t m = 0; m < mentions.size(); ++m) {
    for (const LinkInput& other : mentions) {
      if (short_form_of(mentions[m], mentions[m].type, other.words, other.type)) {
        deferred[m] = true;
        break;
      }
    }
  }
  for (std::uint32_t m = 0; m < mentions.size(); ++m) {
    const LinkInput& in = mentions[m];
    if (deferred[m]) continue;
    if (in.words.empty()) {
      new_cluster(m);
      continue;
    }
    const std::string key = key_of(in.words);
    // 1. Same words.
    if (auto it = by_key.find(key); it != by_key.end()) {
      add_to(it->second, m);
      continue;
    }
    // 3. Acronyms, either way round.
    std::int64_t target = -1;
    if (in.type != EntityType::kPerson) {
      for (std::uint32_t c = 0; c < clusters.size() && target < 0; ++c) {
        const Working& w = clusters[c];
        if (majority(w) == EntityType::kPerson) continue;
        if ((in.words.size() == 1 && is_acronym_of(in.words[0], w.words)) ||
            (w.words.size() == 1 && is_acronym_of(w.words[0], in.words))) {
          target = c;
        }
      }
    }
    if (target >= 0) {
      add_to(static_cast<std::uint32_t>(target), m);
      by_key.emplace(key, static_cast<std::uint32_t>(target));
    } else {
      by_key.emplace(key, new_cluster(m));
    }
  }
  // 2. Short mentions: the name they are part of; among several, the one mentioned most, then
  // the one introduced first (the document's main subject).
  const std::size_t full_clusters = clusters.size();
  std::vector<std::uint32_t> full_mentions(full_clusters);
  for (std::uint32_t c = 0; c < full_clusters; ++c) full_mentions[c] = clusters[c].mentions;
  for (std::uint32_t m = 0; m < mentions.size(); ++m) {
    if (!deferred[m]) continue;
    const LinkInput& in = mentions[m];
    std::int64_t target = -1;
    for (std::uint32_t c = 0; c < full_clusters; ++c) {
      const Working& w = clusters[c];
      if (!short_form_of(in, in.type, w.words, majority(w))) continue;
      if (target < 0 || full_mentions[c] > full_mentions[target] ||
          (full_mentions[c] == full_mentions[target] && w.first < clusters[target].first)) {
        target = c;
      }
    }
    const std::string key = key_of(in.words);
    if (target < 0) {
      auto it = by_key.find(key);
      if (it != by_key.end()) {
        add_to(it->second, m);
      } else {
        by_key.emplace(key, new_cluster(m));
      }
      continue;
    }
    add_to(static_cast<std::uint32_t>(target), m);
    Working& w = clusters[static_cast<std::size_t>(target)];
    w.linked_by_name_part = true;
    if (in.words.size() == 1 && to_lower(in.words[0]) == to_lower(w.words[0])) {
      w.family_name_alone = true;
    }
  }
  // 4. Acronyms take their entity's majority label; relatives of a person are people.
  result.relabel.assign(mentions.size(), -1);
  for (std::uint32_t m = 0; m < mentions.size(); ++m) {
    const LinkInput& in = mentions[m];
    const Working& w = clusters[result.cluster_of[m]];
    if (in.words.size() == 1 && w.words.size() > 1 && is_acronym_of(in.words[0], w.words) &&
        in.type != majority(w)) {
      result.relabel[m] = static_cast<std::int8_t>(majority(w));
    }
  }
  std::vector<std::uint32_t> to_person;
  for (std::uint32_t m = 0; m < mentions.size(); ++m) {
    const LinkInput& in = mentions[m];
    if (!in.person_shape || in.type == EntityType::kPerson) continue;
    const std::uint32_t own = result.cluster_of[m];
    if (majority(clusters[own]) == EntityType::kPerson) continue;
    const std::string first = to_lower(in.words[0]);
    for (std::uint32_t c = 0; c < clusters.size(); ++c) {
      const Working& w = clusters[c];
      if (c == own || !w.family_name_alone || majority(w) != EntityType::kPerson) continue;
      if (to_lower(w.words[0]) != first) continue;
      to_person.push_back(own);
      break;
    }
  }
  for (std::uint32_t c : to_person) {
    Working& w = clusters[c];
    w.votes[static_cast<int>(EntityType::kPerson)] =
        *std::max_element(w.votes.begin(), w.votes.end()) + 1.0f;
    w.canonical_type = EntityType::kPerson;
  }
  for (std::uint32_t m = 0; m < mentions.size(); ++m) {
    if (std::find(to_person.begin(), to_person.end(), result.cluster_of[m]) != to_person.end()) {
      result.relabel[m] = static_cast<std::int8_t>(EntityType::kPerson);
    }
  }
  // Clusters in order of first mention.
  std::vector<std::uint32_t> order(clusters.size());
  for (std::uint32_t c = 0; c < order.size(); ++c) order[c] = c;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return clusters[a].first < clusters[b].first;
  });
  std::vector<std::uint32_t> renumber(clusters.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) renumber[order[k]] = k;
  for (auto& c : result.cluster_of) c = renumber[c];
  std::vector<Working> sorted;
  sorted.reserve(clusters.size());
  for (std::uint32_t c : order) sorted.push_back(std::move(clusters[c]));
  clusters = std::move(sorted);
  result.clusters.reserve(clusters.size());
  for (const Working& w : clusters) {
    result.clusters.push_back(EntityCluster{std::string(w.text), majority(w), w.mentions, w.first,
                                            w.linked_by_name_part});
  }
  return result;
}

}  // namespace docpipe::entities
