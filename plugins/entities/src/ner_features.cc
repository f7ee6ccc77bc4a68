#include "ner_features.h"

#include <algorithm>
#include <array>

#include "flat_hash_map.h"
#include "hashing.h"

namespace docpipe::entities {
namespace {

// Template ids. Never renumber: a trained model depends on them.
enum Template : std::uint32_t {
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kShortShape,
  kPrefix,
  kSuffix,
  kClass,         // + level
  kLowerAt = 20,  // + offset index (0..3 for -2, -1, +1, +2)
  kShortShapeAt = 30,
  kClassAt = 40,  // + offset index * 4 + level
  kBigramLeft = 60,
  kBigramRight,
  kShapeTrigram,
  kGazetteer,    // category, part
  kGazetteerAt,  // offset, category
  kCase,         // case class, sentence initial, caps sentence
  kDocCase,      // case class, evidence flags, sentence initial, caps sentence
  kCapsLower,    // lower form in an all-caps sentence
  kLowerShapeNext,
  kWordAndPrevTitle,
  kLength,
  kFirstPassTag = 100,  // + offset index (0..4 for -2..+2)
  kOtherTypes,
  kMajority,
  kMajorityCase,
  kMajorityWord,
  kOtherTypesCaps,
  kOtherProb = 110,
  kOtherProbCase,
  kContextLeft = 120,
  kContextRight,
  kTableLine,
  kTopicCase,
  kTopicGazetteer,
  kWordAt = 130,    // + offset index (0..3)
  kSuffixAt = 135,  // + offset index
  kClassShape = 140,
};

constexpr std::uint64_t kSentenceStart = 0x5354415254ULL;
constexpr std::uint64_t kSentenceEnd = 0x454E44ULL;

std::uint64_t small(std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0,
                    std::uint64_t d = 0) {
  return a | (b << 8) | (c << 16) | (d << 24);
}

}  // namespace

void FeatureExtractor::prepare(const Segmentation& seg, DocumentTokens& out) const {
  const auto tokens = seg.tokens();
  out.tokens.clear();
  out.sentences.clear();
  out.tokens.resize(tokens.size());
  std::string buffer;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    TokenInfo& t = out.tokens[i];
    t.text = seg.text_of(tokens[i]);
    const std::string_view form = model_form(t.text, buffer);
    t.lower = to_lower(form);
    t.h_word = hash_bytes(form);
    t.h_lower = hash_bytes(t.lower);
    t.h_shape = hash_bytes(word_shape(form, true));
    t.h_short_shape = hash_bytes(word_shape(form, false));
    t.classes = classes_.lookup(form, t.h_word, t.h_lower);
    t.case_class = case_class(form);
  }
  // Sentences, headline detection and sentence-initial words.
  std::vector<std::string> lowered;
  std::vector<std::uint64_t> lowered_hashes;
  std::vector<Gazetteer::Match> matches;
  for (const Sentence& s : seg.sentences()) {
    out.sentences.emplace_back(s.first_token, s.last_token);
    int upper = 0, cased = 0;
    bool initial = true;
    for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
      TokenInfo& t = out.tokens[i];
      if (initial && t.case_class != CaseClass::kNone) {
        t.sentence_initial = true;
        initial = false;
      }
      if (t.case_class == CaseClass::kUpper) ++upper;
      if (t.case_class != CaseClass::kNone && t.case_class != CaseClass::kUpper) ++cased;
    }
    const bool caps = cased == 0 && upper >= 2;
    lowered.clear();
    lowered_hashes.clear();
    for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
      out.tokens[i].caps_sentence = caps;
      lowered.push_back(out.tokens[i].lower);
      lowered_hashes.push_back(out.tokens[i].h_lower);
    }
    matches.clear();
    gazetteer_.match(lowered, lowered_hashes, matches);
    for (const auto& m : matches) {
      for (int c = 0; c < Gazetteer::kMaxCategories; ++c) {
        if (!(m.categories & (1u << c))) continue;
        for (std::uint32_t k = m.first; k <= m.last; ++k) {
          const int part = m.first == m.last ? 3 : k == m.first ? 0 : k == m.last ? 2 : 1;
          out.tokens[s.first_token + k].gazetteer.push_back(
              static_cast<std::uint16_t>(c * 4 + part));
        }
      }
    }
  }
  // Table lines: at least 30% of the tokens are numbers.
  for (const auto& [first, last] : out.sentences) {
    std::uint32_t numbers = 0;
    for (std::uint32_t i = first; i < last; ++i) numbers += tokens[i].kind == TokenKind::kNumber;
    const bool table = last - first >= 3 && numbers * 10 >= (last - first) * 3;
    for (std::uint32_t i = first; i < last; ++i) out.tokens[i].table_line = table;
  }
  // The headline's first word as the document's topic.
  out.topic = 0;
  if (!out.sentences.empty() && !out.tokens.empty() && out.tokens[0].caps_sentence) {
    out.topic = out.tokens[0].h_lower;
  }
  // Context aggregation: neighbours of every occurrence of each capitalised word.
  constexpr std::size_t kMaxContexts = 24;
  out.contexts.clear();
  FlatHashMap<std::int32_t> groups(out.tokens.size());  // by h_lower; value: group + 1
  for (const auto& [first, last] : out.sentences) {
    for (std::uint32_t i = first; i < last; ++i) {
      TokenInfo& t = out.tokens[i];
      if (t.case_class == CaseClass::kNone || t.case_class == CaseClass::kLower) continue;
      std::int32_t& slot = groups[t.h_lower];
      if (slot == 0) {
        out.contexts.emplace_back();
        slot = static_cast<std::int32_t>(out.contexts.size());
      }
      t.group = slot - 1;
      auto& ctx = out.contexts[static_cast<std::size_t>(t.group)];
      if (ctx.size() >= kMaxContexts) continue;
      const std::uint64_t left = i > first ? out.tokens[i - 1].h_lower : kSentenceStart;
      const std::uint64_t right = i + 1 < last ? out.tokens[i + 1].h_lower : kSentenceEnd;
      const std::uint64_t lf = feature(kContextLeft, left), rf = feature(kContextRight, right);
      if (std::find(ctx.begin(), ctx.end(), lf) == ctx.end()) ctx.push_back(lf);
      if (std::find(ctx.begin(), ctx.end(), rf) == ctx.end()) ctx.push_back(rf);
    }
  }
  // How each word is written elsewhere in the document.
  struct Evidence {
    std::uint16_t lower = 0, title_inside = 0;
  };
  FlatHashMap<Evidence> evidence(out.tokens.size());  // by h_lower
  for (const TokenInfo& t : out.tokens) {
    if (t.caps_sentence) continue;
    Evidence& e = evidence[t.h_lower];
    if (t.case_class == CaseClass::kLower) ++e.lower;
    if (t.case_class == CaseClass::kTitle && !t.sentence_initial) ++e.title_inside;
  }
  for (TokenInfo& t : out.tokens) {
    const Evidence* it = evidence.find(t.h_lower);
    if (!it) continue;
    const bool own_lower = !t.caps_sentence && t.case_class == CaseClass::kLower;
    const bool own_title =
        !t.caps_sentence && t.case_class == CaseClass::kTitle && !t.sentence_initial;
    t.seen_lower = it->lower > (own_lower ? 1 : 0);
    t.seen_title_inside = it->title_inside > (own_title ? 1 : 0);
  }
}

void FeatureExtractor::word_features(const TokenInfo* t, int offset,
                                     std::vector<std::uint64_t>& out) const {
  if (offset == 0) {
    out.push_back(feature(kBias, 0));
    out.push_back(feature(kWord, t->h_word));
    out.push_back(feature(kLower, t->h_lower));
    out.push_back(feature(kShape, t->h_shape));
    out.push_back(feature(kShortShape, t->h_short_shape));
    const std::string_view lw = t->lower;
    for (std::size_t n = 1; n <= 4 && n < lw.size(); ++n) {
      out.push_back(feature(kPrefix, hash_bytes(lw.substr(0, n))));
      out.push_back(feature(kSuffix, hash_bytes(lw.substr(lw.size() - n))));
    }
    for (int level = 0; level < WordClasses::kLevels; ++level) {
      out.push_back(feature(kClass + level, t->classes[level]));
    }
    out.push_back(feature(kLength, std::min<std::size_t>(t->text.size(), 12)));
    if (lw.size() > 5) out.push_back(feature(kSuffix, hash_bytes(lw.substr(lw.size() - 5))));
    out.push_back(feature(kClassShape, t->classes[1], t->h_short_shape));
    return;
  }
  // Offsets -2, -1, +1, +2 are templates 0..3.
  const std::uint32_t k = static_cast<std::uint32_t>(offset < 0 ? offset + 2 : offset + 1);
  const std::uint64_t boundary = offset < 0 ? kSentenceStart : kSentenceEnd;
  out.push_back(feature(kLowerAt + k, t ? t->h_lower : boundary));
  if (offset == -1 || offset == 1) {
    out.push_back(feature(kShortShapeAt + k, t ? t->h_short_shape : boundary));
  }
  if (t && (offset == -1 || offset == 1)) {
    out.push_back(feature(kWordAt + k, t->h_word));
    const std::string_view lw = t->lower;
    if (lw.size() > 3) out.push_back(feature(kSuffixAt + k, hash_bytes(lw.substr(lw.size() - 3))));
  }
  for (int level = 0; level < WordClasses::kLevels; ++level) {
    if ((offset == -2 || offset == 2) && level == 0) continue;
    const std::uint64_t c = t ? t->classes[level] : (offset < 0 ? 0x10001 : 0x10002);
    out.push_back(feature(kClassAt + k * 4 + level, c));
  }
}

void FeatureExtractor::context_features(const DocumentTokens& doc, std::uint32_t first,
                                        std::uint32_t last, std::uint32_t i,
                                        std::vector<std::uint64_t>& out) const {
  const TokenInfo& t = doc.tokens[i];
  auto at = [&](int off) -> const TokenInfo* {
    const long k = static_cast<long>(i) + off;
    if (k < static_cast<long>(first) || k >= static_cast<long>(last)) return nullptr;
    return &doc.tokens[static_cast<std::size_t>(k)];
  };
  auto lower_at = [&](int off) {
    const TokenInfo* x = at(off);
    return x ? x->h_lower : (off < 0 ? kSentenceStart : kSentenceEnd);
  };
  auto short_shape_at = [&](int off) {
    const TokenInfo* x = at(off);
    return x ? x->h_short_shape : (off < 0 ? kSentenceStart : kSentenceEnd);
  };
  for (int off : {-1, 1}) {
    const TokenInfo* x = at(off);
    if (!x) continue;
    const std::uint32_t k = off < 0 ? 1 : 2;
    for (std::uint16_t g : x->gazetteer) out.push_back(feature(kGazetteerAt, k, g >> 2));
  }
  out.push_back(feature(kBigramLeft, lower_at(-1), t.h_lower));
  out.push_back(feature(kBigramRight, t.h_lower, lower_at(1)));
  out.push_back(
      feature(kShapeTrigram, short_shape_at(-1), t.h_short_shape ^ mix64(short_shape_at(1))));
  for (std::uint16_t g : t.gazetteer) out.push_back(feature(kGazetteer, g));
  const auto cc = static_cast<std::uint64_t>(t.case_class);
  out.push_back(feature(kCase, small(cc, t.sentence_initial, t.caps_sentence)));
  out.push_back(feature(kDocCase, small(cc, t.seen_lower, t.seen_title_inside,
                                        t.sentence_initial + 2 * t.caps_sentence)));
  if (t.caps_sentence) out.push_back(feature(kCapsLower, t.h_lower));
  out.push_back(feature(kLowerShapeNext, t.h_lower, short_shape_at(1)));
  const TokenInfo* prev = at(-1);
  if (prev && prev->case_class == CaseClass::kTitle) {
    out.push_back(feature(kWordAndPrevTitle, t.h_short_shape));
  }
  if (t.table_line) out.push_back(feature(kTableLine, cc, t.gazetteer.empty() ? 0 : 1));
  if (doc.topic != 0 && cc >= static_cast<std::uint64_t>(CaseClass::kTitle)) {
    out.push_back(feature(kTopicCase, doc.topic, small(cc, t.caps_sentence, t.table_line)));
    for (std::uint16_t g : t.gazetteer) out.push_back(feature(kTopicGazetteer, doc.topic, g >> 2));
  }
}

void FeatureExtractor::local_features(const DocumentTokens& doc, std::uint32_t first,
                                      std::uint32_t last, std::uint32_t i,
                                      std::vector<std::uint64_t>& out) const {
  for (int off = -2; off <= 2; ++off) {
    const long k = static_cast<long>(i) + off;
    const bool inside = k >= static_cast<long>(first) && k < static_cast<long>(last);
    word_features(inside ? &doc.tokens[static_cast<std::size_t>(k)] : nullptr, off, out);
  }
  context_features(doc, first, last, i, out);
  const TokenInfo& t = doc.tokens[i];
  if (t.group >= 0) {
    const auto& ctx = doc.contexts[static_cast<std::size_t>(t.group)];
    out.insert(out.end(), ctx.begin(), ctx.end());
  }
}

FeatureExtractor::FirstPass FeatureExtractor::summarize(
    const DocumentTokens& doc, std::span<const Tag> tags,
    std::span<const TypeProbs> type_probs) const {
  FirstPass fp;
  fp.tags = tags;
  const std::size_t n = doc.tokens.size();
  fp.other_types.assign(n, 0);
  fp.majority.assign(n, 0xFF);
  const bool soft = type_probs.size() == n;
  std::array<std::uint8_t, kTypeCount> none;
  none.fill(0xFF);
  fp.other_probs.assign(n, none);
  // Per lower-cased word: tag counts [type 0..3, outside] and summed type probabilities.
  struct Totals {
    std::array<std::uint16_t, 5> counts{};
    TypeProbs probs{};
    std::uint16_t occurrences = 0;
  };
  FlatHashMap<Totals> totals(n);  // by h_lower
  for (std::size_t i = 0; i < n; ++i) {
    if (doc.tokens[i].case_class == CaseClass::kNone) continue;
    Totals& t = totals[doc.tokens[i].h_lower];
    ++t.counts[tags[i] == kOutside ? 4 : static_cast<int>(type_of(tags[i]))];
    ++t.occurrences;
    if (soft) {
      for (int k = 0; k < kTypeCount; ++k) t.probs[k] += type_probs[i][k];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (doc.tokens[i].case_class == CaseClass::kNone) continue;
    Totals t = *totals.find(doc.tokens[i].h_lower);
    --t.counts[tags[i] == kOutside ? 4 : static_cast<int>(type_of(tags[i]))];  // others only
    std::uint8_t bits = 0;
    int best = -1;
    for (int k = 0; k < 5; ++k) {
      if (t.counts[k] > 0) bits |= static_cast<std::uint8_t>(1u << k);
      if (k < 4 && t.counts[k] > 0 && (best < 0 || t.counts[k] > t.counts[best])) best = k;
    }
    fp.other_types[i] = bits;
    if (best >= 0) fp.majority[i] = static_cast<std::uint8_t>(best);
    if (soft && t.occurrences > 1) {
      for (int k = 0; k < kTypeCount; ++k) {
        const float mean = (t.probs[k] - type_probs[i][k]) / (t.occurrences - 1);
        fp.other_probs[i][k] =
            static_cast<std::uint8_t>(std::clamp(static_cast<int>(mean * 5.0f), 0, 4));
      }
    }
  }
  return fp;
}

void FeatureExtractor::document_features(const DocumentTokens& doc, const FirstPass& fp,
                                         std::uint32_t first, std::uint32_t last, std::uint32_t i,
                                         std::vector<std::uint64_t>& out) const {
  for (int off = -2; off <= 2; ++off) {
    const long k = static_cast<long>(i) + off;
    const std::uint64_t tag = (k < static_cast<long>(first) || k >= static_cast<long>(last))
                                  ? 0xFE
                                  : fp.tags[static_cast<std::size_t>(k)];
    out.push_back(feature(kFirstPassTag + static_cast<std::uint32_t>(off + 2), tag));
  }
  const TokenInfo& t = doc.tokens[i];
  out.push_back(feature(kOtherTypes, fp.other_types[i]));
  out.push_back(feature(kMajority, fp.majority[i]));
  out.push_back(feature(kMajorityCase, small(fp.majority[i], static_cast<int>(t.case_class),
                                             t.sentence_initial, t.caps_sentence)));
  if (fp.majority[i] != 0xFF) out.push_back(feature(kMajorityWord, fp.majority[i], t.h_lower));
  if (t.caps_sentence) out.push_back(feature(kOtherTypesCaps, fp.other_types[i]));
  if (fp.other_probs[i][0] != 0xFF) {
    for (int k = 0; k < kTypeCount; ++k) {
      out.push_back(feature(kOtherProb, small(k, fp.other_probs[i][k])));
      out.push_back(
          feature(kOtherProbCase, small(k, fp.other_probs[i][k], static_cast<int>(t.case_class),
                                        t.sentence_initial + 2 * t.caps_sentence)));
    }
  }
}

}  // namespace docpipe::entities
