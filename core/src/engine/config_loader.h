// Reads a pipeline file (YAML) into a PipelineConfig. The only place that uses yaml-cpp.
//
// Every problem of form is reported, not just the first: malformed YAML, unknown keys (with
// "did you mean"), wrong types, missing required keys, bad on_error values, duplicate keys.
// Aliases are allowed, but the expanded document may hold at most kMaxNodes nodes, so alias
// bombs fail fast with a clear message instead of exhausting memory or time.
#ifndef DOCPIPE_ENGINE_CONFIG_LOADER_H_
#define DOCPIPE_ENGINE_CONFIG_LOADER_H_

#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "pipeline_config.h"

namespace docpipe::engine {

inline constexpr std::size_t kMaxPipelineNodes = 100'000;
inline constexpr std::size_t kMaxPipelineFileBytes = 4u << 20;

// Reads and checks `path`. On failure returns nullopt and appends to `diagnostics`.
std::optional<PipelineConfig> load_pipeline_file(const std::string& path,
                                                 std::vector<Diagnostic>* diagnostics);

// The same for text in memory; `file` names it in messages and `directory` anchors relative
// paths.
std::optional<PipelineConfig> load_pipeline_text(const std::string& text, const std::string& file,
                                                 const std::string& directory,
                                                 std::vector<Diagnostic>* diagnostics);

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_CONFIG_LOADER_H_
