// Declaring a plugin: the PluginSpec (name, version, description, parameters, layers) and the
// DOCPIPE_PLUGIN macro that exports it.
//
//   class Redact final : public docpipe::Stage { ... };
//
//   DOCPIPE_PLUGIN(Redact, (docpipe::PluginSpec{
//       .name = "redact",
//       .version = "1.0.0",
//       .description = "Masks e-mail addresses and phone numbers.",
//       .params = {docpipe::param::string("mask", "[REDACTED]", "Replacement text.")},
//       .produced_layers = {"redaction"},
//       .thread_safe = true,
//   }))
//
// The library must be built with hidden visibility (docpipe_add_plugin does that) so that the
// entry point is its only exported symbol. Its file must be named docpipe_<name>.so for the
// loader to find it by name.
//
// The binary contract with the host is the entry struct below. Its first two fields are the ABI
// version and never move; see docpipe/version.h for the rule that bumps them.
#ifndef DOCPIPE_PLUGIN_H_
#define DOCPIPE_PLUGIN_H_

#include <cstdint>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "docpipe/params.h"
#include "docpipe/stage.h"
#include "docpipe/version.h"

namespace docpipe {

struct PluginSpec {
  std::string name;         // what pipelines write after `plugin:`; [a-z0-9_-]+
  std::string version;      // the plugin's own version, e.g. "1.2.0"
  std::string description;  // one line
  std::vector<ParamSpec> params;
  std::vector<std::string> produced_layers;  // layers this stage adds
  std::vector<std::string> required_layers;  // layers an earlier stage must produce
  std::vector<std::string> optional_layers;  // layers it reads when present
  bool thread_safe = false;           // see Stage
  // The engine hands this stage several documents at once through Stage::process_batch
  // (per-document times are then the batch time divided evenly).
  bool prefers_batch = false;
};

// Checks a spec for mistakes a plugin author can make (empty or badly formed name, duplicate
// or unnamed parameters, defaults of the wrong type, bad choices). Used by the loader.
Status check_plugin_spec(const PluginSpec& spec);

}  // namespace docpipe

extern "C" {

// The one symbol a plugin exports. Layout is frozen per ABI major version.
struct docpipe_plugin_entry_t {
  std::uint32_t abi_major;  // never moves
  std::uint32_t abi_minor;  // never moves
  const char* sdk_version;  // DOCPIPE_SDK_VERSION_STRING the plugin was compiled with
  const char* toolchain;    // DOCPIPE_TOOLCHAIN_TAG the plugin was compiled with
  // The spec; nullptr when building it failed (then `error` says why).
  const docpipe::PluginSpec* (*spec)(std::string* error) noexcept;
  // A new, unconfigured stage; nullptr on failure (then `error` says why).
  docpipe::Stage* (*create)(std::string* error) noexcept;
  // Destroys a stage made by create(), inside the plugin library.
  void (*destroy)(docpipe::Stage* stage) noexcept;
};

}  // extern "C"

#define DOCPIPE_ENTRY_SYMBOL_NAME "docpipe_plugin_entry"

#if defined(_WIN32)
#define DOCPIPE_PLUGIN_EXPORT __declspec(dllexport)
#else
#define DOCPIPE_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

// Defined by DOCPIPE_PLUGIN in each plugin library (declared here for tests that link a
// plugin's objects directly; the host looks it up by name instead).
extern "C" DOCPIPE_PLUGIN_EXPORT const docpipe_plugin_entry_t* docpipe_plugin_entry();

namespace docpipe::detail {

// Runs plugin code and turns any exception into a Status, so none crosses the boundary.
template <typename F>
Status guard(const char* what, F&& f) noexcept {
  try {
    return f();
  } catch (const std::exception& e) {
    try {
      return Status::Internal(std::string(what) + " threw an exception: " + e.what());
    } catch (...) {
      return Status(StatusCode::kInternal, {});
    }
  } catch (...) {
    try {
      return Status::Internal(std::string(what) + " threw a non-standard exception");
    } catch (...) {
      return Status(StatusCode::kInternal, {});
    }
  }
}

// Wraps a plugin's stage so that every call is guarded.
template <typename S>
class GuardedStage final : public Stage {
 public:
  GuardedStage() : inner_(std::make_unique<S>()) {}
  Status configure(const Params& params) override {
    return guard("configure()", [&] { return inner_->configure(params); });
  }
  Status process(Document& doc) override {
    return guard("process()", [&] { return inner_->process(doc); });
  }
  void process_batch(std::span<Document* const> docs, std::span<Status> statuses) override {
    Status s = guard("process_batch()", [&] {
      inner_->process_batch(docs, statuses);
      return Status();
    });
    if (!s.ok()) {
      for (auto& st : statuses) st = s;
    }
  }

 private:
  std::unique_ptr<S> inner_;
};

template <typename S>
Stage* create_guarded(std::string* error) noexcept {
  try {
    return new GuardedStage<S>();
  } catch (const std::exception& e) {
    try {
      if (error) *error = std::string("constructing the stage threw: ") + e.what();
    } catch (...) {
    }
  } catch (...) {
    try {
      if (error) *error = "constructing the stage threw a non-standard exception";
    } catch (...) {
    }
  }
  return nullptr;
}

template <typename MakeSpec>
const PluginSpec* spec_once(std::string* error, MakeSpec&& make) noexcept {
  try {
    static const PluginSpec spec = make();
    return &spec;
  } catch (const std::exception& e) {
    try {
      if (error) *error = std::string("building the plugin spec threw: ") + e.what();
    } catch (...) {
    }
  } catch (...) {
  }
  return nullptr;
}

}  // namespace docpipe::detail

// Declares the plugin in this shared library: STAGE is the Stage subclass (default
// constructible), SPEC an expression of type docpipe::PluginSpec, in parentheses.
#define DOCPIPE_PLUGIN(STAGE, SPEC)                                                        \
  namespace {                                                                              \
  const ::docpipe::PluginSpec* docpipe_plugin_spec_fn(std::string* error) noexcept {       \
    return ::docpipe::detail::spec_once(error, []() -> ::docpipe::PluginSpec { return SPEC; }); \
  }                                                                                        \
  ::docpipe::Stage* docpipe_plugin_create_fn(std::string* error) noexcept {                \
    return ::docpipe::detail::create_guarded<STAGE>(error);                                \
  }                                                                                        \
  void docpipe_plugin_destroy_fn(::docpipe::Stage* stage) noexcept { delete stage; }       \
  const ::docpipe_plugin_entry_t docpipe_plugin_entry_value = {                            \
      DOCPIPE_ABI_MAJOR,         DOCPIPE_ABI_MINOR,        DOCPIPE_SDK_VERSION_STRING,     \
      DOCPIPE_TOOLCHAIN_TAG,     &docpipe_plugin_spec_fn,  &docpipe_plugin_create_fn,      \
      &docpipe_plugin_destroy_fn};                                                         \
  }                                                                                        \
  extern "C" DOCPIPE_PLUGIN_EXPORT const ::docpipe_plugin_entry_t* docpipe_plugin_entry() { \
    return &docpipe_plugin_entry_value;                                                    \
  }

#endif  // DOCPIPE_PLUGIN_H_
