// PipelineConfig: what a pipeline file says, checked for form but not yet for meaning (plugins
// are resolved and parameters validated by Pipeline::build). Holds source positions so that
// every later error can point at the line that caused it. No YAML types here.
//
// Pipeline file format, version 1:
//   version: 1                    # optional; the format version of this file
//   name: news                    # required
//   description: ...              # optional
//   plugin_paths: [plugins/]      # optional; relative to the file's folder
//   defaults: {on_error: skip}    # optional; stage settings every stage inherits
//   limits: {max_document_bytes: 67108864, max_stage_ms: 60000}
//   output: {exclude_layers: [token], views: false}
//   x-anything: ...               # keys starting with "x-" are ignored (room for YAML anchors)
//   stages:                       # required, at least one
//     - plugin: dating            # required
//       name: dating              # optional; unique; defaults to the plugin name
//       on_error: fail|skip|drop  # optional; defaults.on_error, else fail
//       params: {mode: news}      # optional
#ifndef DOCPIPE_ENGINE_PIPELINE_CONFIG_H_
#define DOCPIPE_ENGINE_PIPELINE_CONFIG_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "docpipe/value.h"

namespace docpipe::engine {

inline constexpr int kPipelineFormatVersion = 1;

enum class OnError { kFail, kSkip, kDrop };
const char* on_error_name(OnError e) noexcept;

struct StageConfig {
  std::string plugin;
  std::string name;          // instance name; the plugin name when not given
  bool name_given = false;
  OnError on_error = OnError::kFail;
  Value::Object params;
  SourcePos pos;             // the stage entry
  SourcePos plugin_pos;
  SourcePos name_pos;
  SourcePos params_pos;
  std::map<std::string, SourcePos> param_pos;  // each param key
};

struct Limits {
  std::uint64_t max_document_bytes = 64ull << 20;  // 0: no limit
  std::uint64_t max_stage_ms = 60'000;             // per stage per document; 0: no limit
};

struct OutputConfig {
  std::vector<std::string> layers;          // when non-empty, only these layers are written
  std::vector<std::string> exclude_layers;  // never written
  bool views = false;                       // write the derived texts as "views"
};

struct PipelineConfig {
  std::string file;       // as given (for messages)
  std::string directory;  // absolute folder of the file; relative paths resolve against it
  int version = kPipelineFormatVersion;
  std::string name;
  std::string description;
  std::vector<std::string> plugin_paths;  // absolute
  std::vector<SourcePos> plugin_path_pos;
  OnError default_on_error = OnError::kFail;
  Limits limits;
  OutputConfig output;
  std::vector<StageConfig> stages;
  std::string source_text;  // the file's text (hashing, diagnostics)
};

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_PIPELINE_CONFIG_H_
