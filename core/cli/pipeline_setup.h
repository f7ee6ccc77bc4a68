// Shared by the verbs: loading a pipeline file and building it with the right plugin search
// path, printing diagnostics to standard error.
#ifndef DOCPIPE_CLI_PIPELINE_SETUP_H_
#define DOCPIPE_CLI_PIPELINE_SETUP_H_

#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "config_loader.h"
#include "pipeline.h"
#include "plugin_loader.h"

namespace docpipe::cli {

// The search path for a pipeline: its plugin_paths first, then the command line's, the
// environment's and the built-in folder.
std::vector<engine::SearchDir> search_path_for(const engine::PipelineConfig* config,
                                               const CommonOptions& common);

// Loads and builds; prints every diagnostic as "error: file:line:col: message".
std::optional<engine::Pipeline> load_and_build(const std::string& file, const CommonOptions& common,
                                               std::size_t workers,
                                               std::unique_ptr<engine::PluginLoader>* loader);

void print_error(const std::string& message);

}  // namespace docpipe::cli

#endif  // DOCPIPE_CLI_PIPELINE_SETUP_H_
