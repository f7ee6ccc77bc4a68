#include "plugin_loader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "test_paths.h"

namespace docpipe::engine {
namespace {

using testing_paths::fixture_dir;
using testing_paths::TempDir;
namespace fs = std::filesystem;

PluginLoader fixture_loader() { return PluginLoader({{fixture_dir(), "test"}}, false); }

std::string error_of(PluginLoader& loader, const std::string& name) {
  auto r = loader.load(name);
  EXPECT_FALSE(r.ok()) << name;
  return r.ok() ? "" : r.status().message();
}

TEST(PluginLoader, LoadsAGoodPlugin) {
  PluginLoader loader = fixture_loader();
  auto p = loader.load("noop");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ((*p)->spec().name, "noop");
  EXPECT_EQ((*p)->spec().version, "1.0.0");
  EXPECT_TRUE((*p)->spec().thread_safe);
  // Cached: the same object the second time.
  EXPECT_EQ(loader.load("noop")->get(), p->get());
  auto stage = create_stage(*p);
  ASSERT_TRUE(stage.ok());
  Document doc("d", "text");
  EXPECT_TRUE((*stage)->process(doc).ok());
}

TEST(PluginLoader, NotFoundListsThePlacesSearched) {
  PluginLoader loader({{"/nonexistent/a", "--plugin-path"}, {fixture_dir(), "built-in"}}, false);
  EXPECT_EQ(error_of(loader, "nope"),
            "plugin 'nope' not found: no docpipe_nope.so in any of:\n    /nonexistent/a "
            "(--plugin-path)\n    " + fixture_dir() + " (built-in)");
}

TEST(PluginLoader, RefusesADifferentMajorNamingBothVersions) {
  PluginLoader loader = fixture_loader();
  std::string msg = error_of(loader, "wrong_abi");
  EXPECT_NE(msg.find("plugin ABI mismatch: the plugin was built for docpipe plugin ABI 99.1, "
                     "this docpipe provides ABI 1.1 (major versions must be equal)"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("docpipe_wrong_abi.so"), std::string::npos);
}

TEST(PluginLoader, RefusesANewerMinor) {
  PluginLoader loader = fixture_loader();
  std::string msg = error_of(loader, "newer_minor");
  EXPECT_NE(msg.find("ABI 1.999, this docpipe provides ABI 1.1 (the plugin needs a newer minor)"),
            std::string::npos)
      << msg;
}

TEST(PluginLoader, LoadsAnOlderMinor) {
  PluginLoader loader = fixture_loader();
  auto p = loader.load("older_minor");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ((*p)->entry().abi_minor, 0u);
  auto stage = create_stage(*p);
  ASSERT_TRUE(stage.ok());
  Document doc("d", "x");
  ASSERT_TRUE((*stage)->process(doc).ok());
  EXPECT_TRUE(doc.meta().find("older_minor")->as_bool());
}

TEST(PluginLoader, RefusesALibraryWithoutEntryPoint) {
  PluginLoader loader = fixture_loader();
  std::string msg = error_of(loader, "no_entry");
  EXPECT_NE(msg.find("docpipe_no_entry.so: not a docpipe plugin (it does not export "
                     "docpipe_plugin_entry"),
            std::string::npos)
      << msg;
}

TEST(PluginLoader, UnresolvedSymbolFailsAtLoadWithTheLoadersText) {
  PluginLoader loader = fixture_loader();
  std::string msg = error_of(loader, "unresolved");
  EXPECT_NE(msg.find("cannot load library"), std::string::npos) << msg;
  EXPECT_NE(msg.find("undefined symbol: docpipe_fixture_symbol_that_does_not_exist"),
            std::string::npos)
      << msg;
}

TEST(PluginLoader, FileNameMustMatchTheDeclaredName) {
  TempDir dir;
  ::chmod(dir.path().c_str(), 0755);
  fs::copy_file(fixture_dir() + "/docpipe_noop.so", dir.file("docpipe_other.so"));
  PluginLoader loader({{dir.path(), "test"}}, false);
  std::string msg = error_of(loader, "other");
  EXPECT_NE(msg.find("the file is named for plugin 'other' but declares plugin 'noop'"),
            std::string::npos)
      << msg;
}

TEST(PluginLoader, DuplicatePluginNames) {
  TempDir dir;
  ::chmod(dir.path().c_str(), 0755);
  fs::copy_file(fixture_dir() + "/docpipe_noop.so", dir.file("docpipe_noop.so"));
  fs::copy_file(fixture_dir() + "/docpipe_noop.so", dir.file("docpipe_noop2.so"));
  PluginLoader loader({{dir.path(), "test"}}, false);
  auto found = loader.discover();
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[0].plugin != nullptr);
  ASSERT_TRUE(found[1].plugin == nullptr);
  EXPECT_NE(found[1].status.message().find("duplicate plugin name 'noop'"), std::string::npos)
      << found[1].status.message();
}

TEST(PluginLoader, EarlierFoldersShadowLaterOnes) {
  TempDir dir;
  ::chmod(dir.path().c_str(), 0755);
  fs::copy_file(fixture_dir() + "/docpipe_noop.so", dir.file("docpipe_noop.so"));
  PluginLoader loader({{dir.path(), "first"}, {fixture_dir(), "second"}}, false);
  auto p = loader.load("noop");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ((*p)->path(), fs::canonical(dir.file("docpipe_noop.so")).string());
  bool shadowed = false;
  for (const auto& f : loader.discover()) {
    if (f.path == fixture_dir() + "/docpipe_noop.so") shadowed = f.shadowed;
  }
  EXPECT_TRUE(shadowed);
}

TEST(PluginLoader, RefusesWorldWritablePluginsUnlessAllowed) {
  TempDir dir;
  ::chmod(dir.path().c_str(), 0755);
  fs::copy_file(fixture_dir() + "/docpipe_noop.so", dir.file("docpipe_noop.so"));
  ::chmod(dir.file("docpipe_noop.so").c_str(), 0666);
  {
    PluginLoader loader({{dir.path(), "test"}}, false);
    std::string msg = error_of(loader, "noop");
    EXPECT_NE(msg.find("refusing to load a world-writable plugin file"), std::string::npos) << msg;
  }
  {
    PluginLoader loader({{dir.path(), "test"}}, true);
    EXPECT_TRUE(loader.load("noop").ok());
  }
  ::chmod(dir.file("docpipe_noop.so").c_str(), 0644);
  ::chmod(dir.path().c_str(), 0777);
  PluginLoader loader({{dir.path(), "test"}}, false);
  std::string msg = error_of(loader, "noop");
  EXPECT_NE(msg.find("from the world-writable folder"), std::string::npos) << msg;
}

TEST(PluginLoader, ExceptionsInPluginCodeBecomeStatuses) {
  PluginLoader loader = fixture_loader();
  auto p = loader.load("throws");
  ASSERT_TRUE(p.ok());
  auto stage = create_stage(*p);
  ASSERT_TRUE(stage.ok());
  Value::Object given{{"throw_in_configure", true}};
  auto params = validate_params((*p)->spec().params, given, nullptr);
  ASSERT_TRUE(params.has_value());
  Status s = (*stage)->configure(*params);
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_EQ(s.message(), "configure() threw an exception: bad configuration");
  Document doc("doc-7", "x");
  s = (*stage)->process(doc);
  EXPECT_EQ(s.message(), "process() threw an exception: cannot handle doc-7");
}

TEST(PluginLoader, StagesKeepTheirLibraryAlive) {
  StagePtr stage(nullptr, StageDeleter{});
  {
    PluginLoader loader = fixture_loader();
    auto p = loader.load("older_minor");
    ASSERT_TRUE(p.ok());
    auto s = create_stage(*p);
    ASSERT_TRUE(s.ok());
    stage = std::move(*s);
  }  // the loader and its references are gone; the stage still holds the library
  Document doc("d", "x");
  EXPECT_TRUE(stage->process(doc).ok());
  EXPECT_TRUE(doc.meta().find("older_minor")->as_bool());
}

}  // namespace
}  // namespace docpipe::engine
