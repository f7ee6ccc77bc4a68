// Pipeline: a PipelineConfig made real. Build() resolves every plugin, validates every
// parameter against its plugin's schema, checks that each stage's required layers are produced
// by an earlier stage, then creates and configures the stage instances. Nothing is half-built:
// either every stage is configured or the diagnostics say why not, each at its file:line:col.
#ifndef DOCPIPE_ENGINE_PIPELINE_H_
#define DOCPIPE_ENGINE_PIPELINE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "docpipe/params.h"
#include "pipeline_config.h"
#include "plugin_loader.h"

namespace docpipe::engine {

struct BuiltStage {
  StageConfig config;
  std::shared_ptr<const LoadedPlugin> plugin;
  Params params;
  // One shared instance when the plugin is thread-safe, else one per worker.
  std::vector<StagePtr> instances;
  Stage& instance_for(std::size_t worker) {
    return *instances[instances.size() == 1 ? 0 : worker];
  }
};

class Pipeline {
 public:
  // `workers` is how many threads will call the stages (instances are made for each when a
  // plugin is not thread-safe).
  static std::optional<Pipeline> build(const PipelineConfig& config, PluginLoader& loader,
                                       std::size_t workers, std::vector<Diagnostic>* diagnostics);

  const PipelineConfig& config() const noexcept { return config_; }
  std::vector<BuiltStage>& stages() noexcept { return stages_; }
  const std::vector<BuiltStage>& stages() const noexcept { return stages_; }
  std::size_t workers() const noexcept { return workers_; }
  // A stable hash of what decides the output: the pipeline text and each plugin's name and
  // version (hex, 16 digits).
  std::string fingerprint() const;

 private:
  PipelineConfig config_;
  std::vector<BuiltStage> stages_;
  std::size_t workers_ = 1;
};

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_PIPELINE_H_
