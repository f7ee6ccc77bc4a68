#include "conll_corpus.h"

#include <fstream>
#include <string_view>
#include <utility>

namespace docpipe::entities {
namespace {

struct Row {
  std::string token;
  std::string tag;
};
using Sentence = std::vector<Row>;

std::vector<std::string_view> split_ws(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > b) out.push_back(line.substr(b, i - b));
  }
  return out;
}

// Appends one document built from `sentences` to `out` (text and gold spans, IOB1 or IOB2).
void build_document(const std::vector<Sentence>& sentences, std::vector<ConllDocument>& out) {
  ConllDocument doc;
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    if (si > 0) doc.text += '\n';
    std::uint32_t open_begin = 0, open_end = 0;
    std::string open_label;
    bool open = false;
    auto close = [&] {
      if (open) doc.entities.push_back(GoldEntity{open_begin, open_end, open_label});
      open = false;
    };
    const Sentence& s = sentences[si];
    for (std::size_t ti = 0; ti < s.size(); ++ti) {
      if (ti > 0) doc.text += ' ';
      const auto b = static_cast<std::uint32_t>(doc.text.size());
      doc.text += s[ti].token;
      const auto e = static_cast<std::uint32_t>(doc.text.size());
      const std::string& tag = s[ti].tag;
      const std::size_t dash = tag.find('-');
      const std::string kind = tag.substr(0, dash);
      const std::string label = dash == std::string::npos ? "" : tag.substr(dash + 1);
      if (kind != "B" && kind != "I") {
        close();
        continue;
      }
      const bool begins = kind == "B" || !open || label != open_label;
      if (begins) {
        close();
        open = true;
        open_begin = b;
        open_label = label;
      }
      open_end = e;
    }
    close();
  }
  out.push_back(std::move(doc));
}

}  // namespace

Result<std::vector<ConllDocument>> read_conll(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open CoNLL file " + path);
  std::vector<std::vector<Sentence>> docs;
  std::vector<Sentence> doc;
  Sentence sent;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("-DOCSTART-", 0) == 0) {
      if (!sent.empty()) doc.push_back(std::move(sent));
      sent.clear();
      if (!doc.empty()) docs.push_back(std::move(doc));
      doc.clear();
      continue;
    }
    std::vector<std::string_view> cols = split_ws(line);
    if (cols.empty()) {
      if (!sent.empty()) doc.push_back(std::move(sent));
      sent.clear();
      continue;
    }
    sent.push_back(Row{std::string(cols.front()), std::string(cols.back())});
  }
  if (!sent.empty()) doc.push_back(std::move(sent));
  if (!doc.empty()) docs.push_back(std::move(doc));
  if (docs.size() == 1 && docs[0].size() > 50) {  // as conll2jsonl.py does
    std::vector<Sentence> all = std::move(docs[0]);
    docs.clear();
    for (std::size_t i = 0; i < all.size(); i += 50) {
      docs.emplace_back(std::make_move_iterator(all.begin() + i),
                        std::make_move_iterator(all.begin() + std::min(all.size(), i + 50)));
    }
  }
  std::vector<ConllDocument> out;
  out.reserve(docs.size());
  for (const auto& d : docs) build_document(d, out);
  return out;
}

}  // namespace docpipe::entities
