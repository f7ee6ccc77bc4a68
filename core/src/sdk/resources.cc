#include "docpipe/resources.h"

#include <dlfcn.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace docpipe {

Result<std::string> find_plugin_data(const void* anchor, std::string_view plugin,
                                     std::string_view file) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("DOCPIPE_DATA_DIR"); env != nullptr && *env) {
    candidates.push_back(fs::path(env) / plugin / file);
  }
  Dl_info info{};
  if (anchor != nullptr && ::dladdr(anchor, &info) != 0 && info.dli_fname != nullptr) {
    std::error_code ec;
    fs::path dir = fs::weakly_canonical(fs::path(info.dli_fname), ec).parent_path();
    // <root>/bin, <root>/lib, <root>/lib/docpipe/plugins, <root>/lib/<arch>/docpipe/plugins:
    // walk up to four levels.
    for (int up = 0; up < 5 && !dir.empty(); ++up) {
      candidates.push_back(dir / "share" / "docpipe" / plugin / file);
      dir = dir.parent_path();
    }
  }
  std::string searched;
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(c, ec)) return c.lexically_normal().string();
    searched += "\n    " + c.lexically_normal().string();
  }
  return Status::NotFound("data file '" + std::string(file) + "' of plugin '" +
                          std::string(plugin) + "' not found; looked in:" + searched +
                          "\n  (set DOCPIPE_DATA_DIR to the folder that holds " +
                          std::string(plugin) + "/" + std::string(file) + ")");
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Unavailable(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::Unavailable(path + ": read failed");
  return ss.str();
}

}  // namespace docpipe
