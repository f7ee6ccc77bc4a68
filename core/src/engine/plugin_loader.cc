#include "plugin_loader.h"

#include <dlfcn.h>
#include <sys/stat.h>

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>

#include "docpipe/version.h"

namespace docpipe::engine {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPrefix = "docpipe_";
constexpr std::string_view kSuffix = ".so";

std::string canonical_or_same(const std::string& p) {
  std::error_code ec;
  fs::path c = fs::canonical(p, ec);
  return ec ? p : c.string();
}

// The plugin name of a file called docpipe_NAME.so, or "" when the name does not fit.
std::string name_from_file(const fs::path& file) {
  const std::string f = file.filename().string();
  if (f.size() <= kPrefix.size() + kSuffix.size()) return {};
  if (f.compare(0, kPrefix.size(), kPrefix) != 0) return {};
  if (f.compare(f.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) return {};
  return f.substr(kPrefix.size(), f.size() - kPrefix.size() - kSuffix.size());
}

Status check_permissions(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return Status::NotFound(path + ": cannot stat: " + std::strerror(errno));
  }
  if (st.st_mode & S_IWOTH) {
    return Status::InvalidArgument(
        path + ": refusing to load a world-writable plugin file (anyone could replace it); "
               "fix its permissions (chmod o-w) or pass --allow-insecure-plugins");
  }
  const std::string dir = fs::path(path).parent_path().string();
  if (::stat(dir.empty() ? "." : dir.c_str(), &st) == 0 && (st.st_mode & S_IWOTH)) {
    return Status::InvalidArgument(
        path + ": refusing to load a plugin from the world-writable folder " + dir +
        " (anyone could put a library there); fix its permissions (chmod o-w) or pass "
        "--allow-insecure-plugins");
  }
  return Status::OK();
}

}  // namespace

std::string plugin_file_name(const std::string& name) {
  return std::string(kPrefix) + name + std::string(kSuffix);
}

Result<StagePtr> create_stage(const std::shared_ptr<const LoadedPlugin>& plugin) {
  std::string error;
  Stage* raw = plugin->entry().create(&error);
  if (raw == nullptr) {
    return Status::Internal("plugin '" + plugin->spec().name + "' (" + plugin->path() +
                            ") could not create a stage: " +
                            (error.empty() ? "no reason given" : error));
  }
  return StagePtr(raw, StageDeleter{plugin});
}

PluginLoader::PluginLoader(std::vector<SearchDir> search_path, bool allow_insecure)
    : search_path_(std::move(search_path)), allow_insecure_(allow_insecure) {}

std::string PluginLoader::builtin_plugin_dir() {
  boost::dll::fs::error_code ec;
  boost::dll::fs::path exe = boost::dll::program_location(ec);
  if (ec) return {};
  return (fs::path(exe.string()).parent_path() / DOCPIPE_PLUGIN_DIR_FROM_BIN).lexically_normal().string();
}

std::vector<SearchDir> PluginLoader::default_search_path(const std::vector<std::string>& cli_paths) {
  std::vector<SearchDir> out;
  for (const auto& p : cli_paths) {
    out.push_back({fs::absolute(p).lexically_normal().string(), "--plugin-path"});
  }
  if (const char* env = std::getenv("DOCPIPE_PLUGIN_PATH"); env != nullptr && *env) {
    std::string all(env);
    std::size_t b = 0;
    while (b <= all.size()) {
      std::size_t e = all.find(':', b);
      if (e == std::string::npos) e = all.size();
      if (e > b) {
        out.push_back({fs::absolute(all.substr(b, e - b)).lexically_normal().string(),
                       "DOCPIPE_PLUGIN_PATH"});
      }
      b = e + 1;
    }
  }
  if (std::string builtin = builtin_plugin_dir(); !builtin.empty()) {
    out.push_back({builtin, "built-in"});
  }
  return out;
}

std::vector<std::string> PluginLoader::available_names() const {
  std::set<std::string> names;
  for (const auto& dir : search_path_) {
    std::error_code ec;
    for (fs::directory_iterator it(dir.path, ec), end; !ec && it != end; it.increment(ec)) {
      std::string n = name_from_file(it->path());
      if (!n.empty()) names.insert(n);
    }
  }
  return {names.begin(), names.end()};
}

Result<std::shared_ptr<const LoadedPlugin>> PluginLoader::load(const std::string& name) {
  if (auto it = by_name_.find(name); it != by_name_.end()) return it->second;
  const std::string file = plugin_file_name(name);
  for (const auto& dir : search_path_) {
    const fs::path candidate = fs::path(dir.path) / file;
    std::error_code ec;
    if (fs::exists(candidate, ec)) return load_path(candidate.string(), name);
  }
  std::string msg = "plugin '" + name + "' not found: no " + file + " in ";
  if (search_path_.empty()) {
    msg += "an empty search path";
  } else {
    msg += "any of:";
    for (const auto& dir : search_path_) msg += "\n    " + dir.path + " (" + dir.origin + ")";
  }
  return Status::NotFound(std::move(msg));
}

Result<std::shared_ptr<const LoadedPlugin>> PluginLoader::load_path(const std::string& path,
                                                                    const std::string& expected) {
  const std::string canon = canonical_or_same(path);
  if (auto it = by_path_.find(canon); it != by_path_.end()) return it->second;
  if (!allow_insecure_) {
    if (Status s = check_permissions(canon); !s.ok()) return s;
  }

  auto lib = std::make_shared<boost::dll::shared_library>();
  boost::dll::fs::error_code ec;
  // Immediate binding: a missing symbol fails here, not on the first document.
  lib->load(boost::dll::fs::path(canon),
            boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, ec);
  if (ec || !lib->is_loaded()) {
    const char* why = ::dlerror();  // Boost.DLL keeps the loader's text there
    return Status::InvalidArgument(path + ": cannot load library: " +
                                   (why != nullptr ? std::string(why) : ec.message()));
  }
  if (!lib->has(DOCPIPE_ENTRY_SYMBOL_NAME)) {
    return Status::InvalidArgument(path + ": not a docpipe plugin (it does not export " +
                                   DOCPIPE_ENTRY_SYMBOL_NAME +
                                   "; was it built with DOCPIPE_PLUGIN and docpipe_add_plugin?)");
  }
  using EntryFn = const docpipe_plugin_entry_t*();
  const docpipe_plugin_entry_t* entry = lib->get<EntryFn>(DOCPIPE_ENTRY_SYMBOL_NAME)();
  if (entry == nullptr) {
    return Status::InvalidArgument(path + ": not a docpipe plugin (its entry point returned null)");
  }
  // The first two fields never move: check them before reading anything else.
  const auto host_major = static_cast<std::uint32_t>(abi_major());
  const auto host_minor = static_cast<std::uint32_t>(abi_minor());
  if (entry->abi_major != host_major || entry->abi_minor > host_minor) {
    return Status::InvalidArgument(
        path + ": plugin ABI mismatch: the plugin was built for docpipe plugin ABI " +
        std::to_string(entry->abi_major) + "." + std::to_string(entry->abi_minor) +
        ", this docpipe provides ABI " + std::to_string(host_major) + "." +
        std::to_string(host_minor) +
        (entry->abi_major != host_major ? " (major versions must be equal)"
                                        : " (the plugin needs a newer minor)") +
        "; rebuild the plugin against this docpipe's SDK");
  }
  if (entry->toolchain == nullptr || std::strcmp(entry->toolchain, DOCPIPE_TOOLCHAIN_TAG) != 0) {
    return Status::InvalidArgument(
        path + ": plugin toolchain mismatch: built with '" +
        std::string(entry->toolchain ? entry->toolchain : "?") + "', docpipe uses '" +
        DOCPIPE_TOOLCHAIN_TAG + "'; rebuild it with the same C++ standard library settings");
  }
  std::string error;
  const PluginSpec* spec = entry->spec(&error);
  if (spec == nullptr) {
    return Status::InvalidArgument(path + ": the plugin failed to describe itself: " + error);
  }
  if (Status s = check_plugin_spec(*spec); !s.ok()) return s.WithContext(path);
  if (auto it = by_name_.find(spec->name); it != by_name_.end()) {
    return Status::InvalidArgument("duplicate plugin name '" + spec->name + "': " + canon +
                                   " and " + it->second->path() + " both declare it");
  }
  if (!expected.empty() && spec->name != expected) {
    return Status::InvalidArgument(path + ": the file is named for plugin '" + expected +
                                   "' but declares plugin '" + spec->name + "'");
  }
  auto plugin = std::make_shared<const LoadedPlugin>(canon, std::shared_ptr<void>(lib), entry, spec);
  by_name_[spec->name] = plugin;
  by_path_[canon] = plugin;
  return plugin;
}

std::vector<PluginLoader::Found> PluginLoader::discover() {
  std::vector<Found> out;
  std::set<std::string> seen_names;
  std::set<std::string> seen_paths;
  for (const auto& dir : search_path_) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir.path, ec), end; !ec && it != end; it.increment(ec)) {
      if (!name_from_file(it->path()).empty()) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const std::string canon = canonical_or_same(f.string());
      if (!seen_paths.insert(canon).second) continue;  // the same folder listed twice
      Found found{f.string(), dir.origin, nullptr, Status::OK(), false};
      const std::string name = name_from_file(f);
      if (seen_names.count(name)) {
        found.shadowed = true;  // an earlier folder wins; not loaded
      } else {
        auto r = load_path(f.string(), name);
        if (r.ok()) {
          found.plugin = *r;
        } else {
          found.status = r.status();
        }
        seen_names.insert(name);
      }
      out.push_back(std::move(found));
    }
  }
  return out;
}

}  // namespace docpipe::engine
