// A JSON Schema (draft 2020-12) for pipeline files, made from the pipeline format and the
// declared parameters of the plugins given: editors that read JSON Schema (VS Code's YAML
// extension, IntelliJ) complete stage names and parameters and check them as you type.
#ifndef DOCPIPE_ENGINE_PIPELINE_SCHEMA_H_
#define DOCPIPE_ENGINE_PIPELINE_SCHEMA_H_

#include <vector>

#include "docpipe/plugin.h"
#include "docpipe/value.h"

namespace docpipe::engine {

Value pipeline_json_schema(const std::vector<const PluginSpec*>& plugins);

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_PIPELINE_SCHEMA_H_
