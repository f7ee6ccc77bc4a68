// Diagnostics: errors found in user input (pipeline files, command lines) with the place they
// come from, printed as "file:line:col: message" the way compilers do.
#ifndef DOCPIPE_ENGINE_DIAGNOSTIC_H_
#define DOCPIPE_ENGINE_DIAGNOSTIC_H_

#include <string>
#include <vector>

#include "docpipe/status.h"

namespace docpipe::engine {

// A place in a text file; 1-based. line == 0 means "the file as a whole".
struct SourcePos {
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  std::string file;
  SourcePos pos;
  std::string message;
  // "file:line:col: message" (or "file: message" without a position).
  std::string ToString() const;
};

// Joins diagnostics into one InvalidArgument status (one per line), or OK when empty.
Status to_status(const std::vector<Diagnostic>& diagnostics);

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_DIAGNOSTIC_H_
