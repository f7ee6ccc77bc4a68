#include "pipeline.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace docpipe::engine {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::optional<Pipeline> Pipeline::build(const PipelineConfig& config, PluginLoader& loader,
                                        std::size_t workers, std::vector<Diagnostic>* diags) {
  const std::size_t before = diags->size();
  auto error = [&](SourcePos pos, std::string msg) {
    diags->push_back({config.file, pos, std::move(msg)});
  };
  Pipeline p;
  p.config_ = config;
  p.workers_ = std::max<std::size_t>(1, workers);

  // 1. Names and plugins.
  std::map<std::string, SourcePos> names;
  std::vector<std::string> available;
  bool listed = false;
  for (const auto& st : config.stages) {
    if (auto [it, fresh] = names.emplace(st.name, st.name_pos); !fresh) {
      error(st.name_pos, "duplicate stage name '" + st.name + "' (first used at line " +
                             std::to_string(it->second.line) + "); give each stage a unique 'name'");
    }
    auto plugin = loader.load(st.plugin);
    if (!plugin.ok()) {
      std::string msg = plugin.status().message();
      if (plugin.status().code() == StatusCode::kNotFound) {
        if (!listed) {
          available = loader.available_names();
          listed = true;
        }
        std::string near = closest_match(st.plugin, available);
        if (!near.empty()) msg = "unknown plugin '" + st.plugin + "' (did you mean '" + near + "'?); " + msg;
        else msg = "unknown plugin '" + st.plugin + "'; " + msg;
      }
      error(st.plugin_pos, std::move(msg));
      continue;
    }
    BuiltStage b;
    b.config = st;
    b.plugin = *plugin;
    p.stages_.push_back(std::move(b));
  }
  if (diags->size() != before) return std::nullopt;

  // 2. Parameters.
  for (auto& b : p.stages_) {
    const StageConfig& st = b.config;
    const PluginSpec& spec = b.plugin->spec();
    std::vector<ParamIssue> issues;
    std::optional<Params> params = validate_params(spec.params, st.params, &issues);
    for (const auto& issue : issues) {
      SourcePos pos = st.params_pos;
      if (auto it = st.param_pos.find(issue.key); it != st.param_pos.end()) pos = it->second;
      error(pos, "stage '" + st.name + "' (plugin " + spec.name + "): " + issue.message);
    }
    if (!params) continue;
    // Relative paths given in the file are relative to the file's folder.
    Value::Object values = params->values();
    for (const auto& ps : spec.params) {
      if (ps.type != ParamType::kPath || !params->is_set(ps.name)) continue;
      Value* v = values.find(ps.name);
      if (v && v->is_string() && !v->as_string().empty() &&
          std::filesystem::path(v->as_string()).is_relative()) {
        *v = (std::filesystem::path(config.directory) / v->as_string()).lexically_normal().string();
      }
    }
    std::vector<std::string> set;
    for (const auto& [k, v] : st.params) {
      if (params->is_set(k)) set.push_back(k);
    }
    b.params = Params(std::move(values), std::move(set));
  }
  if (diags->size() != before) return std::nullopt;

  // 3. Layers: every required layer is produced by an earlier stage.
  std::map<std::string, std::string> produced;  // layer -> stage that produces it
  for (const auto& b : p.stages_) {
    const PluginSpec& spec = b.plugin->spec();
    for (const auto& layer : spec.required_layers) {
      if (produced.count(layer)) continue;
      std::string msg = "stage '" + b.config.name + "' (plugin " + spec.name +
                        ") requires layer '" + layer + "', which no earlier stage produces";
      std::vector<std::string> later;
      for (const auto& o : p.stages_) {
        const auto& pl = o.plugin->spec().produced_layers;
        if (&o != &b && std::find(pl.begin(), pl.end(), layer) != pl.end()) {
          later.push_back(o.config.name);
        }
      }
      if (!later.empty()) msg += " (produced by " + join(later) + ", which must come first)";
      error(b.config.plugin_pos, std::move(msg));
    }
    for (const auto& layer : spec.produced_layers) produced.emplace(layer, b.config.name);
  }
  if (diags->size() != before) return std::nullopt;

  // 4. Instances, configured.
  for (auto& b : p.stages_) {
    const std::size_t n = b.plugin->spec().thread_safe ? 1 : p.workers_;
    for (std::size_t i = 0; i < n; ++i) {
      auto stage = create_stage(b.plugin);
      if (!stage.ok()) {
        error(b.config.pos, "stage '" + b.config.name + "': " + stage.status().message());
        break;
      }
      Status s;
      try {
        s = (*stage)->configure(b.params);
      } catch (const std::exception& e) {  // the SDK wrapper should have caught it
        s = Status::Internal(std::string("configure() threw: ") + e.what());
      } catch (...) {
        s = Status::Internal("configure() threw a non-standard exception");
      }
      if (!s.ok()) {
        error(b.config.pos, "stage '" + b.config.name + "' (plugin " + b.plugin->spec().name +
                                "): configuration failed: " + s.message());
        break;
      }
      b.instances.push_back(std::move(*stage));
    }
  }
  if (diags->size() != before) return std::nullopt;
  return p;
}

std::string Pipeline::fingerprint() const {
  std::uint64_t h = 1469598103934665603ull;
  h = fnv1a(h, config_.source_text);
  for (const auto& b : stages_) {
    h = fnv1a(h, b.plugin->spec().name);
    h = fnv1a(h, "@");
    h = fnv1a(h, b.plugin->spec().version);
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 15];
  return out;
}

}  // namespace docpipe::engine
