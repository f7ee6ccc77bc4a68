#include <cstdio>

#include "commands.h"
#include "pipeline_setup.h"

namespace docpipe::cli {

// Validation instantiates and configures every stage: a dry run that configured nothing
// would miss a model file that cannot be read or a parameter a stage rejects.
int validate_command(const ValidateCommand& cmd) {
  int failures = 0;
  for (const auto& file : cmd.pipelines) {
    std::unique_ptr<engine::PluginLoader> loader;
    auto pipeline = load_and_build(file, cmd.common, 1, &loader);
    if (!pipeline) {
      ++failures;
      continue;
    }
    std::printf("%s: ok: pipeline '%s', %zu stage(s):", file.c_str(),
                pipeline->config().name.c_str(), pipeline->stages().size());
    for (const auto& s : pipeline->stages()) {
      std::printf(" %s", s.config.name.c_str());
      if (s.config.name != s.plugin->spec().name) std::printf("(%s)", s.plugin->spec().name.c_str());
    }
    std::printf("\n");
  }
  return failures == 0 ? 0 : 2;
}

}  // namespace docpipe::cli
