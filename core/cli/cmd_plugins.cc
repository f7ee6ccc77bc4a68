#include <cstdio>

#include "commands.h"
#include "docpipe/params.h"
#include "pipeline_setup.h"
#include "plugin_describe.h"

namespace docpipe::cli {

int plugins_command(const PluginsCommand& cmd) {
  engine::PluginLoader loader(search_path_for(nullptr, cmd.common), cmd.common.allow_insecure_plugins);
  if (!cmd.name.empty()) {
    auto plugin = loader.load(cmd.name);
    if (!plugin.ok()) {
      std::string msg = plugin.status().message();
      if (plugin.status().code() == StatusCode::kNotFound) {
        std::string near = closest_match(cmd.name, loader.available_names());
        if (!near.empty()) msg += "\n(did you mean '" + near + "'?)";
      }
      print_error(msg);
      return 2;
    }
    const auto& p = **plugin;
    if (cmd.json) {
      std::printf("%s\n", to_json(engine::describe_plugin_json(p.spec(), p.path())).c_str());
    } else {
      std::fputs(engine::describe_plugin_text(p.spec(), p.path()).c_str(), stdout);
    }
    return 0;
  }
  auto found = loader.discover();
  int broken = 0;
  if (cmd.json) {
    Value::Array all;
    for (const auto& f : found) {
      if (f.plugin) {
        Value d = engine::describe_plugin_json(f.plugin->spec(), f.path);
        d.as_object().set("origin", f.origin);
        all.push_back(std::move(d));
      } else if (!f.shadowed) {
        ++broken;
        Value::Object o;
        o.set("file", f.path);
        o.set("origin", f.origin);
        o.set("error", f.status.message());
        all.emplace_back(std::move(o));
      }
    }
    std::printf("%s\n", to_json(Value(std::move(all))).c_str());
    return broken ? 1 : 0;
  }
  if (found.empty()) {
    std::printf("no plugins found; searched:\n");
    for (const auto& d : loader.search_path()) std::printf("  %s (%s)\n", d.path.c_str(), d.origin.c_str());
    return 0;
  }
  std::printf("%-14s %-9s %-58s %s\n", "NAME", "VERSION", "DESCRIPTION", "FILE");
  for (const auto& f : found) {
    if (f.plugin) {
      const auto& s = f.plugin->spec();
      std::string desc = s.description.size() > 58 ? s.description.substr(0, 55) + "..." : s.description;
      std::printf("%-14s %-9s %-58s %s\n", s.name.c_str(), s.version.c_str(), desc.c_str(), f.path.c_str());
    } else if (f.shadowed) {
      std::printf("%-14s %-9s %-58s %s\n", "(shadowed)", "", "an earlier folder has a plugin of this name", f.path.c_str());
    } else {
      ++broken;
      std::printf("%-14s %-9s %s\n", "(broken)", "", f.status.message().c_str());
    }
  }
  return broken ? 1 : 0;
}

}  // namespace docpipe::cli
