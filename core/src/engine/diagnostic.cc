#include "diagnostic.h"

namespace docpipe::engine {

std::string Diagnostic::ToString() const {
  std::string out = file;
  if (pos.line > 0) {
    out += ":" + std::to_string(pos.line);
    if (pos.column > 0) out += ":" + std::to_string(pos.column);
  }
  if (!out.empty()) out += ": ";
  out += message;
  return out;
}

Status to_status(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return Status::OK();
  std::string msg;
  for (const auto& d : diagnostics) {
    if (!msg.empty()) msg += "\n";
    msg += d.ToString();
  }
  return Status::InvalidArgument(std::move(msg));
}

}  // namespace docpipe::engine
