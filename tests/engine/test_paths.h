// Paths the engine tests share.
#ifndef DOCPIPE_TESTS_ENGINE_TEST_PATHS_H_
#define DOCPIPE_TESTS_ENGINE_TEST_PATHS_H_

#include <filesystem>
#include <string>

namespace docpipe::testing_paths {

inline std::string fixture_dir() { return DOCPIPE_BUILD_DIR "/tests/fixture-plugins"; }
inline std::string docpipe_binary() { return DOCPIPE_BUILD_DIR "/bin/docpipe"; }

// A fresh empty folder under the system temp folder, removed by the destructor.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "docpipe-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace docpipe::testing_paths

#endif  // DOCPIPE_TESTS_ENGINE_TEST_PATHS_H_
