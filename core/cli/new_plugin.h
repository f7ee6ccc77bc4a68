// `docpipe new-plugin NAME [DIR]`: writes a ready plugin project that builds against the
// installed SDK (find_package(docpipe)), with one source file holding the stage skeleton and
// its parameter schema, and one GoogleTest file that runs the stage through docpipe/testing.h.
#ifndef DOCPIPE_CLI_NEW_PLUGIN_H_
#define DOCPIPE_CLI_NEW_PLUGIN_H_

#include <string>
#include <vector>

#include "docpipe/status.h"

namespace docpipe::cli {

struct GeneratedFile {
  std::string path;  // relative to the project folder
  std::string content;
};

// The files of a new plugin project called `name` (validated: [a-z][a-z0-9_-]*).
Result<std::vector<GeneratedFile>> plugin_project_files(const std::string& name);

}  // namespace docpipe::cli

#endif  // DOCPIPE_CLI_NEW_PLUGIN_H_
