#include "pipeline_setup.h"

#include <cstdio>
#include <filesystem>

namespace docpipe::cli {

void print_error(const std::string& message) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
}

std::vector<engine::SearchDir> search_path_for(const engine::PipelineConfig* config,
                                               const CommonOptions& common) {
  std::vector<engine::SearchDir> dirs;
  if (config != nullptr) {
    const std::string origin =
        "plugin_paths in " + std::filesystem::path(config->file).filename().string();
    for (const auto& p : config->plugin_paths) dirs.push_back({p, origin});
  }
  for (auto& d : engine::PluginLoader::default_search_path(common.plugin_paths)) {
    dirs.push_back(std::move(d));
  }
  return dirs;
}

std::optional<engine::Pipeline> load_and_build(const std::string& file, const CommonOptions& common,
                                               std::size_t workers,
                                               std::unique_ptr<engine::PluginLoader>* loader) {
  std::vector<engine::Diagnostic> diags;
  auto config = engine::load_pipeline_file(file, &diags);
  if (!config) {
    for (const auto& d : diags) print_error(d.ToString());
    return std::nullopt;
  }
  *loader = std::make_unique<engine::PluginLoader>(search_path_for(&*config, common),
                                                   common.allow_insecure_plugins);
  auto pipeline = engine::Pipeline::build(*config, **loader, workers, &diags);
  if (!pipeline) {
    for (const auto& d : diags) print_error(d.ToString());
    return std::nullopt;
  }
  return pipeline;
}

}  // namespace docpipe::cli
