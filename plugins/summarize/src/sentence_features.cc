#include "sentence_features.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

namespace docpipe::summarize {
namespace {

constexpr std::array<std::string_view, kFeatureCount> kNames = {"bias",
                                                                "pos0",
                                                                "pos1",
                                                                "pos2",
                                                                "pos3",
                                                                "pos_inverse",
                                                                "pos_fraction",
                                                                "pre_lead",
                                                                "paragraph_start",
                                                                "length_log",
                                                                "short",
                                                                "long",
                                                                "centroid",
                                                                "degree",
                                                                "lead_similarity",
                                                                "salience",
                                                                "date",
                                                                "quote_start",
                                                                "has_quote",
                                                                "question",
                                                                "no_final_mark",
                                                                "digit_fraction",
                                                                "title_similarity",
                                                                "lowercase_fraction",
                                                                "pos4_6",
                                                                "pos7_10",
                                                                "pronoun_start",
                                                                "conjunction_start",
                                                                "content_fraction",
                                                                "attribution",
                                                                "mid_length",
                                                                "word_probability",
                                                                "early_degree",
                                                                "early_centroid",
                                                                "early_length"};

constexpr std::uint32_t kShortWords = 8;
constexpr std::uint32_t kLongWords = 40;
constexpr std::uint32_t kLeadSentences = 3;
// Degree centrality compares every pair of sentences; in longer documents only the first
// kDegreeSentences take part (the rest get 0), which keeps the cost bounded.
constexpr std::size_t kDegreeSentences = 1000;

struct Term {
  std::uint32_t id;
  float weight;
};

// TF-ISF vectors of content words, one per sentence, sorted by id, with their norms.
struct Vectors {
  std::vector<std::vector<Term>> rows;
  std::vector<float> norms;
};

Vectors build_vectors(const Analysis& a) {
  Vectors v;
  const auto n = static_cast<float>(a.sentences.size());
  v.rows.resize(a.sentences.size());
  v.norms.resize(a.sentences.size());
  std::vector<std::uint32_t> ids;
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    const SentenceInfo& s = a.sentences[i];
    ids.clear();
    for (std::uint32_t w = s.first_word; w < s.last_word; ++w) {
      if (!a.words[w].stop) ids.push_back(a.words[w].id);
    }
    std::sort(ids.begin(), ids.end());
    auto& row = v.rows[i];
    float norm = 0;
    for (std::size_t k = 0; k < ids.size();) {
      std::size_t e = k;
      while (e < ids.size() && ids[e] == ids[k]) ++e;
      const float isf = std::log(1.0f + n / static_cast<float>(a.sentence_frequency[ids[k]]));
      const float w = static_cast<float>(e - k) * isf;
      row.push_back(Term{ids[k], w});
      norm += w * w;
      k = e;
    }
    v.norms[i] = std::sqrt(norm);
  }
  return v;
}

float dot_dense(const std::vector<Term>& row, const std::vector<float>& dense) {
  float d = 0;
  for (const Term& t : row) d += t.weight * dense[t.id];
  return d;
}

// The sentence holding view offset `at` (sentences.size() when none).
std::size_t sentence_at(const Analysis& a, std::uint32_t at) {
  auto it = std::upper_bound(a.sentences.begin(), a.sentences.end(), at,
                             [](std::uint32_t x, const SentenceInfo& s) { return x < s.begin; });
  if (it == a.sentences.begin()) return a.sentences.size();
  --it;
  return at < it->end ? static_cast<std::size_t>(it - a.sentences.begin()) : a.sentences.size();
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) noexcept {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

void normalize_by_max(std::vector<float>& v) {
  float m = 0;
  for (float x : v) m = std::max(m, x);
  if (m > 0) {
    for (float& x : v) x /= m;
  }
}

// Salience from capitalized words inside sentences (not the first word), weighted by how often
// the word is capitalized in the document: a stand-in for entities when no stage found them.
std::vector<float> capitalized_salience(const Analysis& a) {
  std::vector<std::uint32_t> count(a.vocabulary.size(), 0);
  for (const SentenceInfo& s : a.sentences) {
    for (std::uint32_t w = s.first_word + 1; w < s.last_word; ++w) {
      if (a.words[w].capitalized && !a.words[w].stop) ++count[a.words[w].id];
    }
  }
  std::vector<float> out(a.sentences.size(), 0.0f);
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    const SentenceInfo& s = a.sentences[i];
    for (std::uint32_t w = s.first_word; w < s.last_word; ++w) {
      const std::uint32_t c = count[a.words[w].id];
      if (c >= 2 && !a.words[w].stop) out[i] += std::log(static_cast<float>(c));
    }
  }
  return out;
}

}  // namespace

std::string_view feature_name(int f) noexcept {
  return f >= 0 && f < kFeatureCount ? kNames[static_cast<std::size_t>(f)] : std::string_view();
}

int feature_index(std::string_view name) noexcept {
  for (int f = 0; f < kFeatureCount; ++f) {
    if (kNames[static_cast<std::size_t>(f)] == name) return f;
  }
  return -1;
}

Hints read_hints(const Document& doc, const Analysis& a) {
  Hints h;
  const TextView& view = doc.view();
  if (const Layer* entities = doc.find_layer("entity")) {
    h.has_entities = true;
    std::vector<std::int64_t> clusters;
    clusters.reserve(entities->size());
    std::int64_t max_cluster = -1;
    for (const Annotation& e : *entities) {
      const Value* c = e.attrs.find("cluster");
      const std::int64_t id = c != nullptr ? c->int_or(-1) : -1;
      clusters.push_back(id);
      max_cluster = std::max(max_cluster, id);
    }
    std::vector<std::uint32_t> mentions(static_cast<std::size_t>(max_cluster + 1), 0);
    for (std::int64_t c : clusters) {
      if (c >= 0) ++mentions[static_cast<std::size_t>(c)];
    }
    std::size_t k = 0;
    for (const Annotation& e : *entities) {
      const std::int64_t c = clusters[k++];
      const float count = c >= 0 ? static_cast<float>(mentions[static_cast<std::size_t>(c)]) : 1.0f;
      const Span v = view.from_original(Span{e.begin, e.end});
      h.entities.push_back(Mention{static_cast<std::uint32_t>(v.begin),
                                   static_cast<std::uint32_t>(v.end), std::log(1.0f + count)});
    }
  }
  if (const Layer* timexes = doc.find_layer("timex")) {
    h.has_timex = true;
    for (const Annotation& t : *timexes) {
      const Span v = view.from_original(Span{t.begin, t.end});
      h.timexes.push_back(
          Mention{static_cast<std::uint32_t>(v.begin), static_cast<std::uint32_t>(v.end), 1.0f});
    }
  }
  if (const Value* title = doc.meta().find("title"); title != nullptr && title->is_string()) {
    std::unordered_set<std::string> words;
    std::string w;
    for (char c : title->as_string() + " ") {
      const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (alnum) {
        w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      } else if (!w.empty()) {
        words.insert(w);
        w.clear();
      }
    }
    std::vector<bool> stop(a.vocabulary.size(), false);
    for (const WordRef& r : a.words) stop[r.id] = r.stop;
    for (std::uint32_t id = 0; id < a.vocabulary.size(); ++id) {
      if (!stop[id] && words.contains(a.vocabulary[id])) h.title_words.push_back(id);
    }
  }
  return h;
}

std::vector<FeatureRow> compute_features(const Analysis& a, const Hints& hints) {
  const std::size_t n = a.sentences.size();
  std::vector<FeatureRow> rows(n);
  if (n == 0) return rows;
  const Vectors vec = build_vectors(a);

  // Centroid and degree centrality.
  std::vector<float> dense(a.vocabulary.size(), 0.0f);
  for (const auto& row : vec.rows) {
    for (const Term& t : row) dense[t.id] += t.weight;
  }
  float centroid_norm = 0;
  for (float x : dense) centroid_norm += x * x;
  centroid_norm = std::sqrt(centroid_norm);
  std::vector<float> centroid(n, 0.0f), degree(n, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    if (vec.norms[i] > 0 && centroid_norm > 0) {
      centroid[i] = dot_dense(vec.rows[i], dense) / (vec.norms[i] * centroid_norm);
    }
  }
  std::fill(dense.begin(), dense.end(), 0.0f);
  const std::size_t graph = std::min(n, kDegreeSentences);
  for (std::size_t i = 0; i < graph; ++i) {
    if (vec.norms[i] == 0) continue;
    for (const Term& t : vec.rows[i]) dense[t.id] = t.weight;
    for (std::size_t j = i + 1; j < graph; ++j) {
      if (vec.norms[j] == 0) continue;
      const float c = dot_dense(vec.rows[j], dense) / (vec.norms[i] * vec.norms[j]);
      degree[i] += c;
      degree[j] += c;
    }
    for (const Term& t : vec.rows[i]) dense[t.id] = 0.0f;
  }
  normalize_by_max(degree);

  // Similarity to the other lead sentences: the lead's summed vector L, then
  // cos(s, L - s) = (s.L - |s|^2) / (|s| |L - s|).
  std::vector<float> lead_similarity(n, 0.0f);
  const std::size_t lead_end = std::min<std::size_t>(n, a.lead_sentence + kLeadSentences);
  if (a.lead_sentence < n) {
    std::vector<std::uint32_t> lead_ids;
    for (std::size_t i = a.lead_sentence; i < lead_end; ++i) {
      for (const Term& t : vec.rows[i]) {
        if (dense[t.id] == 0.0f) lead_ids.push_back(t.id);
        dense[t.id] += t.weight;
      }
    }
    float lead_sq = 0;
    for (std::uint32_t id : lead_ids) lead_sq += dense[id] * dense[id];
    for (std::size_t i = 0; i < n; ++i) {
      if (vec.norms[i] == 0) continue;
      const float d = dot_dense(vec.rows[i], dense);
      const bool in_lead = i >= a.lead_sentence && i < lead_end;
      const float s_sq = vec.norms[i] * vec.norms[i];
      const float rest_sq = in_lead ? lead_sq - 2 * d + s_sq : lead_sq;
      const float num = in_lead ? d - s_sq : d;
      if (rest_sq > 1e-9f)
        lead_similarity[i] = std::max(0.0f, num / (vec.norms[i] * std::sqrt(rest_sq)));
    }
    for (std::uint32_t id : lead_ids) dense[id] = 0.0f;
  }

  // Salience and dates.
  std::vector<float> salience(n, 0.0f);
  if (hints.has_entities) {
    for (const Mention& m : hints.entities) {
      const std::size_t s = sentence_at(a, m.begin);
      if (s < n) salience[s] += m.weight;
    }
  } else {
    salience = capitalized_salience(a);
  }
  normalize_by_max(salience);
  std::vector<float> dates(n, 0.0f);
  if (hints.has_timex) {
    for (const Mention& m : hints.timexes) {
      const std::size_t s = sentence_at(a, m.begin);
      if (s < n) dates[s] = 1.0f;
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) dates[i] = a.sentences[i].calendar > 0 ? 1.0f : 0.0f;
  }

  // Title similarity (binary vectors).
  std::vector<float> title(n, 0.0f);
  if (!hints.title_words.empty()) {
    for (std::uint32_t id : hints.title_words) dense[id] = 1.0f;
    for (std::size_t i = 0; i < n; ++i) {
      float d = 0;
      for (const Term& t : vec.rows[i]) d += dense[t.id];
      const float len = static_cast<float>(vec.rows[i].size());
      if (len > 0) title[i] = d / std::sqrt(len * static_cast<float>(hints.title_words.size()));
    }
    for (std::uint32_t id : hints.title_words) dense[id] = 0.0f;
  }

  // SumBasic: the mean document probability of a sentence's content words.
  std::vector<float> word_probability(n, 0.0f);
  {
    std::vector<std::uint32_t> tf(a.vocabulary.size(), 0);
    std::uint32_t content = 0;
    for (const WordRef& w : a.words) {
      if (!w.stop) {
        ++tf[w.id];
        ++content;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      const SentenceInfo& s = a.sentences[i];
      float sum = 0;
      std::uint32_t k = 0;
      for (std::uint32_t w = s.first_word; w < s.last_word; ++w) {
        if (a.words[w].stop) continue;
        sum += static_cast<float>(tf[a.words[w].id]) / static_cast<float>(content);
        ++k;
      }
      if (k > 0) word_probability[i] = sum / static_cast<float>(k);
    }
    normalize_by_max(word_probability);
  }

  const float after_lead = static_cast<float>(n > a.lead_sentence ? n - a.lead_sentence : 1);
  for (std::size_t i = 0; i < n; ++i) {
    const SentenceInfo& s = a.sentences[i];
    FeatureRow& f = rows[i];
    f.fill(0.0f);
    f[kBias] = 1.0f;
    const bool pre = s.paragraph < a.lead_paragraph || i < a.lead_sentence;
    if (pre) {
      f[kPreLead] = 1.0f;
      f[kPosFraction] = 1.0f;
    } else {
      const std::size_t rel = i - a.lead_sentence;
      f[kPos0] = rel == 0;
      f[kPos1] = rel == 1;
      f[kPos2] = rel == 2;
      f[kPos3] = rel == 3;
      f[kPosInverse] = 1.0f / static_cast<float>(rel + 1);
      f[kPosFraction] = static_cast<float>(rel) / after_lead;
    }
    f[kParagraphStart] = s.paragraph_start;
    const std::uint32_t words = s.word_count();
    f[kLengthLog] = std::log(1.0f + static_cast<float>(words));
    f[kShort] = words < kShortWords;
    f[kLong] = words > kLongWords;
    f[kCentroid] = centroid[i];
    f[kDegree] = degree[i];
    f[kLeadSimilarity] = lead_similarity[i];
    f[kSalience] = salience[i];
    f[kDate] = dates[i];
    f[kQuoteStart] = s.starts_with_quote;
    f[kHasQuote] = s.has_quote;
    f[kQuestion] = s.question;
    f[kNoFinalMark] = !s.ends_with_punct;
    f[kDigitFraction] = words ? static_cast<float>(s.digits) / static_cast<float>(words) : 0.0f;
    f[kTitleSimilarity] = title[i];
    f[kLowercaseFraction] =
        words ? static_cast<float>(s.lowercase) / static_cast<float>(words) : 0.0f;
    if (!pre) {
      const std::size_t rel = i - a.lead_sentence;
      f[kPos4To6] = rel >= 4 && rel <= 6;
      f[kPos7To10] = rel >= 7 && rel <= 10;
    }
    std::uint32_t content = 0;
    bool attribution = false;
    for (std::uint32_t w = s.first_word; w < s.last_word; ++w) {
      if (!a.words[w].stop) ++content;
      attribution = attribution || (a.word_flags[a.words[w].id] & kAttributionWord) != 0;
    }
    if (words > 0) {
      // The first word, after a dateline that opens the sentence.
      std::uint32_t first = s.first_word;
      if (a.dateline_end > s.begin && a.dateline_end < s.end) {
        while (first + 1 < s.last_word && a.words[first].begin < a.dateline_end) ++first;
      }
      const std::string& w0 = a.vocabulary[a.words[first].id];
      f[kPronounStart] = one_of(w0, {"he", "she", "it", "they", "this", "these", "those", "his",
                                     "her", "their", "its", "we", "i"});
      f[kConjunctionStart] = one_of(w0, {"but", "and", "so", "however", "yet", "also"});
      f[kContentFraction] = static_cast<float>(content) / static_cast<float>(words);
    }
    f[kAttribution] = attribution;
    f[kMidLength] = words >= 12 && words <= 30;
    f[kWordProbability] = word_probability[i];
    f[kEarlyDegree] = f[kPosInverse] * f[kDegree];
    f[kEarlyCentroid] = f[kPosInverse] * f[kCentroid];
    f[kEarlyLength] = f[kPosInverse] * f[kLengthLog];
  }
  return rows;
}

}  // namespace docpipe::summarize
