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

// Adverbs that may stand between a determiner and an adjective in -ed ("a still unspecified
// date", "the newly appointed minister").
bool adjective_adverb(std::string_view w) {
  return w == "still" || w == "yet" || w == "as-yet" || w == "not" || w == "so-far" ||
         (w.size() > 4 && ends_with(w, "ly"));
}

bool closing_quote(std::string_view w) { return w == "''" || w == "\u201d"; }

// Future cues that are also nouns naming a decision, not a prospect: "the plan", "its
// schedule" ("his hopes", "its forecast" still look ahead).
bool future_noun(std::string_view w) { return w == "plan" || w == "plans" || w == "schedule"; }

// Prepositions after which a word in -ed is an adjective: a verb after them would be in -ing.
bool adjective_preposition(std::string_view w) {
  return w == "of" || w == "in" || w == "for" || w == "with" || w == "at" || w == "on" ||
         w == "from" || w == "into" || w == "under" || w == "amid" || w == "without";
}

// Subject pronouns that take a bare plural verb: "they meet Monday", "we vote Tuesday".
bool plural_subject(std::string_view w) { return w == "they" || w == "we" || w == "you"; }

// A bare plural verb after coordinated names: "He and Arafat meet Monday", "Smith and
// Jones fly Tuesday". The word before the verb is a name and an "and" joining a pronoun or a
// name stands at most four words before it; words in -s, -ed, -ing, -ly are not bare verbs.
bool coordinated_subject_verb(std::span<const ScanToken> tokens, std::size_t i) {
  if (i < 3) return false;
  const ScanToken& t = tokens[i];
  const ScanToken& prev = tokens[i - 1];
  if (t.kind != TokenKind::kWord || t.cap || t.info->classes != 0) return false;
  const std::string_view w = t.lower;
  if (w.size() < 3 || w[0] == '\'' || ends_with(w, "ed") || ends_with(w, "ing") ||
      (w.size() > 4 && ends_with(w, "ly")) || (ends_with(w, "s") && !ends_with(w, "ss"))) {
    return false;
  }
  if (prev.kind != TokenKind::kWord || !prev.cap || prev.info->classes != 0 ||
      nationality_like(prev.lower)) {
    return false;
  }
  for (std::size_t k = 2; k <= 5 && k < i; ++k) {
    const ScanToken& a = tokens[i - k];
    if (a.lower != "and") {
      if (a.kind != TokenKind::kWord) return false;
      continue;
    }
    const ScanToken& before = tokens[i - k - 1];
    return before.lower == "he" || before.lower == "she" || before.lower == "i" ||
           (before.kind == TokenKind::kWord && before.cap && before.info->classes == 0);
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

Tense cue_tense(const ScanToken& t, const ScanToken* prev, const ScanToken* pprev) {
  if (t.kind != TokenKind::kWord) return Tense::kUnknown;
  const std::uint32_t c = t.info->classes;
  const bool after_be = prev != nullptr && (prev->lower == "be" || prev->lower == "been" ||
                                             prev->lower == "being" || prev->lower == "is" ||
                                             prev->lower == "are");
  // "May" the month is no modal.
  if ((c & kFutureCue) && !(t.cap && (c & kMonthName))) {
    // "had been due to expire", "had scheduled": a plan that lies in the past.
    if (prev != nullptr && (prev->lower == "been" || prev->lower == "had")) return Tense::kPast;
    // A noun after a determiner ("announced the plan Aug. 21", "its forecast"): no tense.
    if (prev != nullptr && (prev->info->classes & kNounPhraseOpener) && future_noun(t.lower)) {
      return Tense::kUnknown;
    }
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
    // An adjective in -ed after a determiner or a preposition ("a still unspecified date",
    // "the disputed area", "with detailed proposals"): no verb.
    if (prev != nullptr && ((prev->info->classes & kNounPhraseOpener) || adjective_preposition(prev->lower) ||
                            (pprev != nullptr && (pprev->info->classes & kNounPhraseOpener) &&
                             prev->kind == TokenKind::kWord && adjective_adverb(prev->lower)))) {
      return Tense::kUnknown;
    }
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
  // A bare plural verb after a subject pronoun: "they meet Monday", "we vote in November".
  if (prev != nullptr && plural_subject(prev->lower) && w.size() >= 3 && w[0] != '\'' &&
      !ends_with(w, "ed") &&
      !ends_with(w, "ing") && !ends_with(w, "ly") && !ends_with(w, "'s")) {
    return Tense::kPresentVerb;
  }
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
  // A closing quotation mark ends the clause on the right: the reporting verb after it ("...
  // will leave Thursday,'' Castro said") does not give the quoted clause its tense.
  Tense weak = Tense::kUnknown;
  std::size_t right_limit = tokens.size();
  for (std::size_t d = 1; d <= kWindow; ++d) {
    const std::size_t left = begin >= d ? begin - d : tokens.size();
    const std::size_t right = end - 1 + d;
    if (right < right_limit && closing_quote(tokens[right].lower)) right_limit = right;
    for (const std::size_t i : {left, right}) {
      if (i >= tokens.size() || (i == right && i >= right_limit)) continue;
      const ScanToken* prev = i > 0 ? &tokens[i - 1] : nullptr;
      const ScanToken* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
      const ScanToken* pp = i > 1 ? &tokens[i - 2] : nullptr;
      Tense t = cue_tense(tokens[i], prev, pp);
      // "is to visit", "are to be held": a plan.
      if (t == Tense::kPresent && next != nullptr && next->lower == "to" &&
          i + 2 < tokens.size() &&
          (tokens[i + 2].lower == "be" || infinitive_marker(*next, &tokens[i + 2]))) {
        t = Tense::kFuture;
      }
      // "were planning to", "was expected to", "was due": a plan seen from the past that
      // still lies ahead; the plan word decides, not the auxiliary.
      if (t == Tense::kPast && next != nullptr && (tokens[i].lower == "was" || tokens[i].lower == "were") &&
          next->kind == TokenKind::kWord && (next->info->classes & kFutureCue)) {
        t = Tense::kFuture;
      }
      // "is meeting Monday", "are holding talks Sunday": a present progressive with a day
      // is an arrangement, like a verb in -s.
      if (t == Tense::kPresent && next != nullptr && (tokens[i].lower == "is" || tokens[i].lower == "are" ||
                                                      tokens[i].lower == "'re") &&
          i < begin && next->kind == TokenKind::kWord && !next->cap && next->info->classes == 0 &&
          next->lower.size() > 5 && ends_with(next->lower, "ing")) {
        t = Tense::kPresentVerb;
      }
      if (t != Tense::kUnknown) return t;
      if (weak == Tense::kUnknown && (d <= kWeakWindow || tokens[i].lower != "to")) {
        const ScanToken* pprev = i > 1 ? &tokens[i - 2] : nullptr;
        weak = weak_cue_tense(tokens[i], pprev, prev, next);
        if (weak == Tense::kUnknown && coordinated_subject_verb(tokens, i)) weak = Tense::kPresentVerb;
      }
    }
  }
  return weak;
}

}  // namespace docpipe::dating
