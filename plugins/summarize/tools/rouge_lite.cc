#include "rouge_lite.h"

#include <algorithm>

namespace docpipe::summarize::tools {

std::vector<std::string> rouge_tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

Counts ngram_counts(const std::vector<std::string>& tokens, int n) {
  Counts c;
  for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= tokens.size(); ++i) {
    std::string key = tokens[i];
    for (int k = 1; k < n; ++k) key += ' ' + tokens[i + static_cast<std::size_t>(k)];
    ++c[key];
  }
  return c;
}

double rouge_f1(const Counts& system, const Counts& reference) {
  int overlap = 0, ns = 0, nr = 0;
  for (const auto& [g, k] : system) {
    ns += k;
    auto it = reference.find(g);
    if (it != reference.end()) overlap += std::min(k, it->second);
  }
  for (const auto& [g, k] : reference) nr += k;
  if (ns == 0 || nr == 0 || overlap == 0) return 0.0;
  const double p = static_cast<double>(overlap) / ns, r = static_cast<double>(overlap) / nr;
  return 2 * p * r / (p + r);
}

}  // namespace docpipe::summarize::tools
