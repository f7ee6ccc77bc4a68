#include "analysis.h"

#include <algorithm>
#include <unordered_map>

#include "dateline_scan.h"

namespace docpipe::summarize {
namespace {

// How many paragraphs from the start may hold the dateline (scraped pages put captions and
// teasers first).
constexpr std::uint32_t kDatelineParagraphs = 5;
// A prose sentence has at least this many words.
constexpr std::uint32_t kProseWords = 8;

bool is_quote(std::string_view t) noexcept {
  return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" || t == "``" || t == "''" ||
         t == "\xE2\x80\x98" || t == "\xE2\x80\x99";
}

bool is_final(std::string_view t) noexcept {
  return t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6";
}

bool is_closer(std::string_view t) noexcept { return is_quote(t) || t == ")" || t == "'"; }

void lowercase_into(std::string_view s, std::string& out) {
  out.assign(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

std::uint32_t skip_spaces(std::string_view s, std::uint32_t i) noexcept {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
  return i;
}

// Interns lowercased words, working out each new word's flags once.
class Interner {
 public:
  Interner(Analysis& a, const WordSet& stopwords) : a_(a), stopwords_(stopwords) {}
  std::uint32_t id(const std::string& word) {
    auto it = ids_.find(std::string_view(word));
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(a_.vocabulary.size());
    a_.vocabulary.push_back(word);
    std::uint8_t flags = 0;
    if (stopwords_.contains(std::string_view(word))) flags |= kStopword;
    if (is_calendar_word(word)) flags |= kCalendar;
    if (word == "said" || word == "says" || word == "told" || word == "according") {
      flags |= kAttributionWord;
    }
    a_.word_flags.push_back(flags);
    ids_.emplace(word, id);
    return id;
  }

 private:
  Analysis& a_;
  const WordSet& stopwords_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> ids_;
};

void fill_sentences(const Segmentation& seg, const WordSet& stopwords, Analysis& a) {
  a.text = seg.text();
  const auto tokens = seg.tokens();
  Interner interner(a, stopwords);
  std::string lower;
  a.words.reserve(tokens.size());
  std::uint32_t previous_paragraph = UINT32_MAX;
  for (const Sentence& s : seg.sentences()) {
    SentenceInfo info;
    info.begin = s.begin;
    info.end = s.end;
    info.paragraph = s.paragraph;
    info.paragraph_start = s.paragraph != previous_paragraph;
    previous_paragraph = s.paragraph;
    info.first_word = static_cast<std::uint32_t>(a.words.size());
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
      const Token& t = tokens[k];
      const std::string_view form = seg.text_of(t);
      if (t.kind == TokenKind::kPunct) {
        if (is_quote(form)) {
          info.has_quote = true;
          if (k == s.first_token) info.starts_with_quote = true;
        }
        continue;
      }
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
      lowercase_into(form, lower);
      const std::uint32_t id = interner.id(lower);
      const std::uint8_t flags = a.word_flags[id];
      const bool stop = (flags & kStopword) != 0;
      if (t.kind == TokenKind::kNumber) ++info.digits;
      if (form[0] >= 'a' && form[0] <= 'z') ++info.lowercase;
      if (flags & kCalendar) ++info.calendar;
      const bool capitalized = form[0] >= 'A' && form[0] <= 'Z';
      a.words.push_back(WordRef{id, k, t.begin, stop, capitalized});
    }
    info.last_word = static_cast<std::uint32_t>(a.words.size());
    // Ending: a final mark, possibly followed by closing quotes or brackets.
    for (std::uint32_t k = s.last_token; k > s.first_token; --k) {
      const std::string_view form = seg.text_of(tokens[k - 1]);
      if (is_final(form)) {
        info.ends_with_punct = true;
        info.question = form == "?";
        break;
      }
      if (!is_closer(form)) break;
    }
    a.sentences.push_back(info);
  }
  a.paragraph_count = a.sentences.empty() ? 0 : a.sentences.back().paragraph + 1;
  a.sentence_frequency.assign(a.vocabulary.size(), 0);
  std::vector<std::uint32_t> last_seen(a.vocabulary.size(), UINT32_MAX);
  for (std::uint32_t i = 0; i < a.sentences.size(); ++i) {
    const SentenceInfo& s = a.sentences[i];
    for (std::uint32_t w = s.first_word; w < s.last_word; ++w) {
      const std::uint32_t id = a.words[w].id;
      if (last_seen[id] != i) {
        last_seen[id] = i;
        ++a.sentence_frequency[id];
      }
    }
  }
}

// The index of the first sentence of paragraph `p` (sentences.size() when none).
std::uint32_t first_sentence_of(const Analysis& a, std::uint32_t p) {
  auto it =
      std::lower_bound(a.sentences.begin(), a.sentences.end(), p,
                       [](const SentenceInfo& s, std::uint32_t q) { return s.paragraph < q; });
  return static_cast<std::uint32_t>(it - a.sentences.begin());
}

void set_lead_paragraph(Analysis& a, std::uint32_t p) {
  a.lead_paragraph = p;
  a.lead_sentence = first_sentence_of(a, p);
}

// Finds the lead without help from earlier stages.
void find_lead(Analysis& a) {
  a.lead_paragraph = 0;
  a.lead_sentence = 0;
  if (a.sentences.empty()) return;
  const std::uint32_t scan = std::min(a.paragraph_count, kDatelineParagraphs);
  for (std::uint32_t p = 0; p < scan; ++p) {
    const std::uint32_t first = first_sentence_of(a, p);
    if (first >= a.sentences.size() || a.sentences[first].paragraph != p) continue;
    std::uint32_t last = first;
    while (last + 1 < a.sentences.size() && a.sentences[last + 1].paragraph == p) ++last;
    const std::uint32_t begin = a.sentences[first].begin, end = a.sentences[last].end;
    const std::size_t d = scan_dateline(a.text.substr(begin, end - begin));
    if (d == 0) continue;
    const bool alone = begin + d >= end;
    // A dateline alone on its paragraph opens no sentence: the lead is the next paragraph.
    if (!alone) a.dateline_end = begin + static_cast<std::uint32_t>(d);
    set_lead_paragraph(a, alone && p + 1 < a.paragraph_count ? p + 1 : p);
    return;
  }
  // No dateline: the first paragraph with a prose sentence.
  for (const SentenceInfo& s : a.sentences) {
    if (s.paragraph >= scan) break;
    if (s.word_count() >= kProseWords && s.ends_with_punct) {
      set_lead_paragraph(a, s.paragraph);
      return;
    }
  }
}

// Uses the clean stage's paragraph lead and dateline when present. Returns false when the
// document has no such layers.
bool lead_from_layers(const Document& doc, const TextView& view, Analysis& a) {
  const Layer* paragraphs = doc.find_layer("paragraph");
  if (paragraphs == nullptr) return false;
  bool found = false;
  for (const Annotation& p : *paragraphs) {
    const Value* lead = p.attrs.find("lead");
    if (lead == nullptr || !lead->bool_or(false)) continue;
    const Span v = view.from_original(Span{p.begin, p.end});
    // The paragraph of the first sentence that ends after the lead's start.
    for (const SentenceInfo& s : a.sentences) {
      if (s.end > v.begin) {
        set_lead_paragraph(a, s.paragraph);
        found = true;
        break;
      }
    }
    break;
  }
  if (!found) return false;
  if (const Layer* datelines = doc.find_layer("dateline"); datelines && !datelines->empty()) {
    const Annotation& d = datelines->annotations().front();
    const Span v = view.from_original(Span{d.begin, d.end});
    // Only a dateline that opens the lead (or the paragraph just before it) matters.
    if (a.lead_sentence < a.sentences.size() && v.end <= a.sentences[a.lead_sentence].end) {
      const std::uint32_t end = skip_spaces(a.text, static_cast<std::uint32_t>(v.end));
      if (end > a.sentences[a.lead_sentence].begin) a.dateline_end = end;
    }
  }
  return true;
}

}  // namespace

Analysis analyze_text(const Segmentation& seg, const WordSet& stopwords) {
  Analysis a;
  fill_sentences(seg, stopwords, a);
  find_lead(a);
  return a;
}

Analysis analyze(Document& doc, const WordSet& stopwords) {
  const Segmentation& seg = segment(doc);
  Analysis a;
  fill_sentences(seg, stopwords, a);
  if (!lead_from_layers(doc, doc.view(), a)) find_lead(a);
  return a;
}

}  // namespace docpipe::summarize
