#include "model.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace docpipe::summarize {

float Model::score(const FeatureRow& row) const noexcept {
  float z = 0;
  for (int f = 0; f < kFeatureCount; ++f) z += weights[f] * row[f];
  return 1.0f / (1.0f + std::exp(-z));
}

Result<Model> parse_model(std::string_view text, std::string_view what) {
  Model m;
  std::size_t pos = 0;
  int line_no = 0;
  bool magic = false;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    const std::string where = std::string(what) + ":" + std::to_string(line_no) + ": ";
    if (!magic) {
      if (line != kModelMagic) {
        return Status::InvalidArgument(where + "not a summarize model (expected '" +
                                       std::string(kModelMagic) + "')");
      }
      magic = true;
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) {
      return Status::InvalidArgument(where + "expected 'feature weight'");
    }
    const std::string_view name = line.substr(0, space);
    const int f = feature_index(name);
    if (f < 0)
      return Status::InvalidArgument(where + "unknown feature '" + std::string(name) + "'");
    const std::string number(line.substr(space + 1));
    char* end = nullptr;
    const double w = std::strtod(number.c_str(), &end);
    if (end == number.c_str() || *end != '\0' || !std::isfinite(w)) {
      return Status::InvalidArgument(where + "bad weight '" + number + "'");
    }
    m.weights[f] = static_cast<float>(w);
  }
  if (!magic) return Status::InvalidArgument(std::string(what) + ": empty model file");
  return m;
}

std::string format_model(const Model& model, std::string_view comment) {
  std::string out(kModelMagic);
  out += '\n';
  std::size_t pos = 0;
  while (pos < comment.size()) {
    std::size_t eol = comment.find('\n', pos);
    if (eol == std::string_view::npos) eol = comment.size();
    out += "# ";
    out += comment.substr(pos, eol - pos);
    out += '\n';
    pos = eol + 1;
  }
  char buf[64];
  for (int f = 0; f < kFeatureCount; ++f) {
    std::snprintf(buf, sizeof buf, " %.6g\n", static_cast<double>(model.weights[f]));
    out += feature_name(f);
    out += buf;
  }
  return out;
}

}  // namespace docpipe::summarize
