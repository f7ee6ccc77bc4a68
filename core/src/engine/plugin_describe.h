// Descriptions of plugins for people and programs: the text `docpipe plugins NAME` prints and
// the JSON `docpipe plugins --json` prints, both made from the plugin's declared spec.
#ifndef DOCPIPE_ENGINE_PLUGIN_DESCRIBE_H_
#define DOCPIPE_ENGINE_PLUGIN_DESCRIBE_H_

#include <string>

#include "docpipe/plugin.h"
#include "docpipe/value.h"

namespace docpipe::engine {

// {"name", "version", "description", "file", "thread_safe", "produces", "requires", "uses",
//  "params": [{"name", "type", "default", "required", "doc", "choices", "min", "max"}]}
Value describe_plugin_json(const PluginSpec& spec, const std::string& file);

// A multi-line description for a terminal.
std::string describe_plugin_text(const PluginSpec& spec, const std::string& file);

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_PLUGIN_DESCRIBE_H_
