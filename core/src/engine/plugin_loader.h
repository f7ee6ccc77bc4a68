// Finding and loading plugin libraries. The only place that uses Boost.DLL.
//
// A plugin named NAME lives in a file docpipe_NAME.so. The loader looks for it in the search
// path, in this order: the pipeline's plugin_paths, --plugin-path folders, DOCPIPE_PLUGIN_PATH
// (colon-separated), then the built-in plugin folder next to the docpipe executable
// (<exe>/../<libdir>/docpipe/plugins). The first file found wins.
//
// Loading checks, each with its own message naming the file: the file exists; it is not
// world-writable, nor its folder (unless insecure plugins are allowed); the library loads with
// every symbol resolved (RTLD_NOW; the dynamic loader's text is quoted); it exports
// docpipe_plugin_entry; its ABI major equals the host's and its minor is not newer; its
// toolchain tag matches; its spec is well formed and its name matches the file name; no other
// loaded file declares the same plugin name.
//
// Lifetime: a LoadedPlugin keeps its library loaded; every stage instance holds a reference to
// its LoadedPlugin, so a library is unloaded only after the last instance is destroyed.
// Thread safety: a PluginLoader is used from one thread; LoadedPlugin and stages created from
// it may be used from many.
#ifndef DOCPIPE_ENGINE_PLUGIN_LOADER_H_
#define DOCPIPE_ENGINE_PLUGIN_LOADER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "docpipe/plugin.h"
#include "docpipe/status.h"

namespace docpipe::engine {

struct SearchDir {
  std::string path;    // absolute
  std::string origin;  // "plugin_paths in news.yaml", "--plugin-path", "DOCPIPE_PLUGIN_PATH", "built-in"
};

class LoadedPlugin {
 public:
  LoadedPlugin(std::string path, std::shared_ptr<void> library, const docpipe_plugin_entry_t* entry,
               const PluginSpec* spec)
      : path_(std::move(path)), library_(std::move(library)), entry_(entry), spec_(spec) {}
  const std::string& path() const noexcept { return path_; }
  const PluginSpec& spec() const noexcept { return *spec_; }
  const docpipe_plugin_entry_t& entry() const noexcept { return *entry_; }

 private:
  std::string path_;
  std::shared_ptr<void> library_;  // boost::dll::shared_library, type-erased
  const docpipe_plugin_entry_t* entry_;
  const PluginSpec* spec_;
};

// Destroys a stage inside its plugin library, then releases the library.
struct StageDeleter {
  std::shared_ptr<const LoadedPlugin> plugin;
  void operator()(Stage* stage) const noexcept {
    if (stage != nullptr) plugin->entry().destroy(stage);
  }
};
using StagePtr = std::unique_ptr<Stage, StageDeleter>;

// A new, unconfigured stage from a loaded plugin.
Result<StagePtr> create_stage(const std::shared_ptr<const LoadedPlugin>& plugin);

class PluginLoader {
 public:
  PluginLoader(std::vector<SearchDir> search_path, bool allow_insecure);

  // The default search path: --plugin-path folders, DOCPIPE_PLUGIN_PATH, built-in folder.
  static std::vector<SearchDir> default_search_path(const std::vector<std::string>& cli_paths);
  // The folder built-in plugins live in, from the executable's location.
  static std::string builtin_plugin_dir();

  // Loads the plugin called `name` (cached: the second call returns the same object).
  Result<std::shared_ptr<const LoadedPlugin>> load(const std::string& name);

  struct Found {
    std::string path;
    std::string origin;
    std::shared_ptr<const LoadedPlugin> plugin;  // null when loading failed
    Status status;                               // why it failed
    bool shadowed = false;  // an earlier folder has a plugin of the same name
  };
  // Every docpipe_*.so in the search path, loaded (for `docpipe plugins`).
  std::vector<Found> discover();

  // Names of the plugins in the search path (file names only, nothing loaded).
  std::vector<std::string> available_names() const;
  const std::vector<SearchDir>& search_path() const noexcept { return search_path_; }

 private:
  Result<std::shared_ptr<const LoadedPlugin>> load_path(const std::string& path,
                                                        const std::string& expected_name);
  std::vector<SearchDir> search_path_;
  bool allow_insecure_;
  std::map<std::string, std::shared_ptr<const LoadedPlugin>> by_name_;  // plugin name -> plugin
  std::map<std::string, std::shared_ptr<const LoadedPlugin>> by_path_;  // canonical path -> plugin
};

// "docpipe_NAME.so"
std::string plugin_file_name(const std::string& name);

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_PLUGIN_LOADER_H_
