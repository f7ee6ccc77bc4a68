#include "tense.h"

namespace docpipe::dating {
namespace {

// How far from the expression a cue may be, in tokens.
constexpr std::size_t kWindow = 12;
// How far an infinitive "to" may be to count.
constexpr std::size_t kWeakWindow = 3;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Words ending in -ed that are not past verbs, or not only.
bool ed_exception(std::string_view w) {
  static constexpr std::string_view kWords[] = {"need", "seed", "speed", "feed", "bed", "red",
                                                "shed", "hundred", "indeed", "proceed",
                                                "exceed", "succeed", "breed", "weed", "greed"};
  for (auto k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// "African", "Kenyan", "Chinese", "British": adjectives of nationality, before a plural noun.
bool nationality_like(std::string_view w) {
  for (std::string_view e : {"ian", "can", "ean", "yan", "ese", "ish", "qi", "eli"}) {
    if (ends_with(w, e)) return true;
  }
  return false;
}

}  // namespace

// "to" before a verb ("to acquire", "to run") looks ahead; "to" before a name, a number or a
// determiner is a preposition.
bool infinitive_marker(const ScanToken& t, const ScanToken* next) {
  if (t.lower != "to" || next == nullptr || next->kind != TokenKind::kWord || next->cap) return false;
  static constexpr std::string_view kNotVerbs[] = {"the", "a", "an", "this", "that", "these",
                                                   "those", "his", "her", "its", "their", "our",
                                                   "my", "your", "some", "about", "around",
                                                   "date", "be", "have"};
  for (auto w : kNotVerbs) {
    if (next->lower == w) return false;
  }
  return next->info->classes == 0 && !(next->lower.size() > 2 && ends_with(next->lower, "ly"));
}

Tense cue_tense(const ScanToken& t, const ScanToken* prev) {
  if (t.kind != TokenKind::kWord) return Tense::kUnknown;
  const std::uint32_t c = t.info->classes;
  const bool after_be = prev != nullptr && (prev->lower == "be" || prev->lower == "been" ||
                                             prev->lower == "being" || prev->lower == "is" ||
                                             prev->lower == "are");
  // "May" the month is no modal.
  if ((c & kFutureCue) && !(t.cap && (c & kMonthName))) {
    // "had been due to expire", "had scheduled": a plan that lies in the past.
    if (prev != nullptr && (prev->lower == "been" || prev->lower == "had")) return Tense::kPast;
    return Tense::kFuture;
  }
  if (c & kPastCue) {
    // A participle after "be" carries no tense of its own ("will be paid", "is being held").
    if (after_be && !(c & kHeadWord) && t.lower != "ago") return Tense::kUnknown;
    return Tense::kPast;
  }
  if (c & kPresentCue) return Tense::kPresent;
  if (t.cap || c != 0) return Tense::kUnknown;
  const std::string_view w = t.lower;
  if (w.size() >= 5 && ends_with(w, "ed") && !ed_exception(w)) {
    // A participle after "be" carries no tense of its own ("will be signed").
    if (after_be) return Tense::kUnknown;
    return Tense::kPast;
  }
  return Tense::kUnknown;
}

Tense weak_cue_tense(const ScanToken& t, const ScanToken* pprev, const ScanToken* prev,
                     const ScanToken* next) {
  if (t.kind != TokenKind::kWord || t.cap || t.info->classes != 0) {
    return infinitive_marker(t, next) ? Tense::kFuture : Tense::kUnknown;
  }
  const std::string_view w = t.lower;
  // A third-person verb after a name or a pronoun: "North Korea celebrates", "he says".
  if (prev != nullptr && w.size() >= 4 && ends_with(w, "s") && !ends_with(w, "ss") &&
      !ends_with(w, "us") && !ends_with(w, "is") && !ends_with(w, "'s")) {
    if (prev->lower == "he" || prev->lower == "she" || prev->lower == "it") {
      return Tense::kPresentVerb;
    }
    // After a name: "North Korea celebrates". Not a plural noun after an adjective of
    // nationality or a name used as one ("two African capitals", "the Kenyan embassies").
    if (prev->cap && prev->kind == TokenKind::kWord && !nationality_like(prev->lower) &&
        !(pprev != nullptr && ((pprev->info->classes & (kNounPhraseOpener | kNumberWord)) ||
                               pprev->kind == TokenKind::kNumber))) {
      return Tense::kPresentVerb;
    }
  }
  return Tense::kUnknown;
}

Tense clause_tense(std::span<const ScanToken> tokens, std::size_t begin, std::size_t end) {
  // Strong cues (auxiliaries, listed verbs, -ed forms) anywhere in the window win over weak
  // ones (a verb in -s, "to" before a verb nearby); the nearest of a kind wins.
  Tense weak = Tense::kUnknown;
  for (std::size_t d = 1; d <= kWindow; ++d) {
    const std::size_t left = begin >= d ? begin - d : tokens.size();
    const std::size_t right = end - 1 + d;
    for (const std::size_t i : {left, right}) {
      if (i >= tokens.size()) continue;
      const ScanToken* prev = i > 0 ? &tokens[i - 1] : nullptr;
      const ScanToken* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
      Tense t = cue_tense(tokens[i], prev);
      // "is to visit", "are to be held": a plan.
      if (t == Tense::kPresent && next != nullptr && next->lower == "to" &&
          i + 2 < tokens.size() &&
          (tokens[i + 2].lower == "be" || infinitive_marker(*next, &tokens[i + 2]))) {
        t = Tense::kFuture;
      }
      if (t != Tense::kUnknown) return t;
      if (weak == Tense::kUnknown && (d <= kWeakWindow || tokens[i].lower != "to")) {
        const ScanToken* pprev = i > 1 ? &tokens[i - 2] : nullptr;
        weak = weak_cue_tense(tokens[i], pprev, prev, next);
      }
    }
  }
  return weak;
}

}  // namespace docpipe::dating
