#include <cstdio>

#include "commands.h"
#include "pipeline_schema.h"
#include "pipeline_setup.h"
#include "record_writer.h"

namespace docpipe::cli {

int schema_command(const SchemaCommand& cmd) {
  engine::PluginLoader loader(search_path_for(nullptr, cmd.common), cmd.common.allow_insecure_plugins);
  std::vector<const PluginSpec*> specs;
  for (const auto& f : loader.discover()) {
    if (f.plugin) specs.push_back(&f.plugin->spec());
  }
  std::string out;
  engine::append_pretty_json(out, to_json(engine::pipeline_json_schema(specs)));
  std::fputs(out.c_str(), stdout);
  return 0;
}

}  // namespace docpipe::cli
