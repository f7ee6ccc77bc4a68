#include "config_loader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "docpipe/params.h"

namespace docpipe::engine {

const char* on_error_name(OnError e) noexcept {
  switch (e) {
    case OnError::kFail: return "fail";
    case OnError::kSkip: return "skip";
    case OnError::kDrop: return "drop";
  }
  return "?";
}

namespace {

namespace fs = std::filesystem;

SourcePos pos_of(const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.is_null()) return {};
  return {m.line + 1, m.column + 1};
}

SourcePos pos_of(const YAML::Mark& m) {
  if (m.is_null()) return {};
  return {m.line + 1, m.column + 1};
}

const char* kind_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null: return "null";
    case YAML::NodeType::Scalar: return "a scalar";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    default: return "nothing";
  }
}

// Walks a parsed YAML document into the config, collecting diagnostics.
class Reader {
 public:
  Reader(std::string file, std::vector<Diagnostic>* diags) : file_(std::move(file)), diags_(diags) {}

  void error(SourcePos pos, std::string msg) { diags_->push_back({file_, pos, std::move(msg)}); }
  void error(const YAML::Node& n, std::string msg) { error(pos_of(n), std::move(msg)); }
  bool failed() const { return !diags_->empty(); }

  // Counts nodes as the document is expanded (aliases included).
  bool budget(const YAML::Node& n) {
    if (++nodes_ <= kMaxPipelineNodes) return true;
    if (!budget_reported_) {
      budget_reported_ = true;
      error(n, "the pipeline expands to more than " + std::to_string(kMaxPipelineNodes) +
                   " YAML nodes (an alias bomb?); refusing to read it");
    }
    return false;
  }

  // Plain YAML scalars resolved with the YAML 1.2 core schema; quoted ones are strings.
  Value scalar_value(const YAML::Node& n) {
    const std::string& s = n.Scalar();
    if (n.Tag() == "!") return Value(s);  // quoted
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return Value();
    if (s == "true" || s == "True" || s == "TRUE") return Value(true);
    if (s == "false" || s == "False" || s == "FALSE") return Value(false);
    {
      std::int64_t i;
      const char* b = s.data();
      const char* e = s.data() + s.size();
      if (*b == '+') ++b;
      auto r = std::from_chars(b, e, i);
      if (r.ec == std::errc() && r.ptr == e && b != e) return Value(i);
    }
    {
      bool numeric = !s.empty();
      for (char c : s) {
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
          numeric = false;
          break;
        }
      }
      if (numeric && s.find_first_of("0123456789") != std::string::npos) {
        double d;
        auto r = std::from_chars(s.data(), s.data() + s.size(), d);
        if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return Value(d);
      }
      if (s == ".inf" || s == ".Inf" || s == "+.inf") return Value(HUGE_VAL);
      if (s == "-.inf" || s == "-.Inf") return Value(-HUGE_VAL);
    }
    return Value(s);
  }

  Value to_value(const YAML::Node& n, int depth = 0) {
    if (!budget(n)) return Value();
    if (depth > 64) {
      error(n, "value nested more than 64 levels deep");
      return Value();
    }
    switch (n.Type()) {
      case YAML::NodeType::Scalar: return scalar_value(n);
      case YAML::NodeType::Sequence: {
        Value::Array a;
        for (const auto& e : n) {
          a.push_back(to_value(e, depth + 1));
          if (budget_reported_) break;
        }
        return Value(std::move(a));
      }
      case YAML::NodeType::Map: {
        Value::Object o;
        for (const auto& kv : n) {
          std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
          if (!kv.first.IsScalar()) error(kv.first, "mapping keys must be plain strings");
          if (o.contains(key)) error(kv.first, "duplicate key '" + key + "'");
          o.set(key, to_value(kv.second, depth + 1));
          if (budget_reported_) break;
        }
        return Value(std::move(o));
      }
      default: return Value();
    }
  }

  // Checks a mapping's keys against `allowed`, reporting unknown and duplicate ones.
  // `extensions`: keys starting with "x-" are free for the user (to hold YAML anchors, say).
  void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                  const std::string& where, bool extensions = false) {
    std::set<std::string> seen;
    for (const auto& kv : map) {
      if (!budget(kv.first)) return;
      if (!kv.first.IsScalar()) {
        error(kv.first, "keys in " + where + " must be plain strings");
        continue;
      }
      const std::string& k = kv.first.Scalar();
      if (!seen.insert(k).second) error(kv.first, "duplicate key '" + k + "' in " + where);
      bool known = extensions && k.rfind("x-", 0) == 0;
      for (const auto& a : allowed) known = known || a == k;
      if (!known) {
        std::string msg = "unknown key '" + k + "' in " + where;
        std::string near = closest_match(k, allowed);
        if (!near.empty()) msg += " (did you mean '" + near + "'?)";
        else msg += " (allowed: " + join(allowed) + ")";
        error(kv.first, std::move(msg));
      }
    }
  }

  static std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
  }

  bool expect_map(const YAML::Node& n, const std::string& what) {
    if (n.IsMap()) return true;
    error(n, what + " must be a mapping, got " + kind_name(n));
    return false;
  }

  std::optional<std::string> string_of(const YAML::Node& n, const std::string& what) {
    if (!n.IsScalar() || n.Scalar().empty()) {
      error(n, what + " must be a non-empty string, got " + kind_name(n));
      return std::nullopt;
    }
    return n.Scalar();
  }

  std::optional<OnError> on_error_of(const YAML::Node& n) {
    if (n.IsScalar()) {
      const std::string& s = n.Scalar();
      if (s == "fail") return OnError::kFail;
      if (s == "skip") return OnError::kSkip;
      if (s == "drop") return OnError::kDrop;
      std::string msg = "on_error must be fail, skip or drop, got '" + s + "'";
      std::string near = closest_match(s, {"fail", "skip", "drop"});
      if (!near.empty()) msg += " (did you mean '" + near + "'?)";
      error(n, std::move(msg));
      return std::nullopt;
    }
    error(n, std::string("on_error must be fail, skip or drop, got ") + kind_name(n));
    return std::nullopt;
  }

  std::optional<std::uint64_t> count_of(const YAML::Node& n, const std::string& what) {
    Value v = n.IsScalar() ? scalar_value(n) : Value();
    if (!v.is_int() || v.as_int() < 0) {
      error(n, what + " must be a whole number >= 0, got " +
                   (n.IsScalar() ? "'" + n.Scalar() + "'" : std::string(kind_name(n))));
      return std::nullopt;
    }
    return static_cast<std::uint64_t>(v.as_int());
  }

  std::vector<std::string> string_list(const YAML::Node& n, const std::string& what) {
    std::vector<std::string> out;
    if (!n.IsSequence()) {
      error(n, what + " must be a list of strings, got " + kind_name(n));
      return out;
    }
    for (const auto& e : n) {
      if (!budget(e)) break;
      if (auto s = string_of(e, "each entry of " + what)) out.push_back(*s);
    }
    return out;
  }

  void read_stage(const YAML::Node& n, std::size_t index, PipelineConfig& cfg) {
    const std::string where = "stage " + std::to_string(index + 1);
    if (!expect_map(n, where)) return;
    check_keys(n, {"plugin", "name", "on_error", "params"}, where);
    StageConfig st;
    st.pos = pos_of(n);
    st.on_error = cfg.default_on_error;
    bool ok = true;
    if (const YAML::Node p = n["plugin"]) {
      st.plugin_pos = pos_of(p);
      if (auto s = string_of(p, where + ": plugin")) st.plugin = *s; else ok = false;
    } else {
      error(n, where + ": missing required key 'plugin'");
      ok = false;
    }
    if (const YAML::Node p = n["name"]) {
      st.name_pos = pos_of(p);
      if (auto s = string_of(p, where + ": name")) {
        st.name = *s;
        st.name_given = true;
      }
    } else {
      st.name = st.plugin;
      st.name_pos = st.plugin_pos;
    }
    if (const YAML::Node p = n["on_error"]) {
      if (auto e = on_error_of(p)) st.on_error = *e;
    }
    if (const YAML::Node p = n["params"]) {
      st.params_pos = pos_of(p);
      if (p.IsNull()) {
        // "params:" with nothing after it: no parameters.
      } else if (expect_map(p, where + ": params")) {
        for (const auto& kv : p) {
          if (!budget(kv.first)) break;
          if (!kv.first.IsScalar()) {
            error(kv.first, where + ": parameter names must be plain strings");
            continue;
          }
          const std::string& key = kv.first.Scalar();
          if (st.params.contains(key)) {
            error(kv.first, where + ": duplicate parameter '" + key + "'");
            continue;
          }
          st.param_pos[key] = pos_of(kv.first);
          st.params.set(key, to_value(kv.second));
        }
      }
    } else {
      st.params_pos = st.pos;
    }
    if (ok) cfg.stages.push_back(std::move(st));
  }

  void read(const YAML::Node& root, PipelineConfig& cfg) {
    if (!root.IsMap()) {
      error(root, std::string("a pipeline file must be a mapping with 'name' and 'stages', got ") +
                      kind_name(root));
      return;
    }
    check_keys(root, {"version", "name", "description", "plugin_paths", "defaults", "limits",
                      "output", "stages"},
               "the pipeline", /*extensions=*/true);
    if (budget_reported_) return;
    if (const YAML::Node v = root["version"]) {
      Value x = v.IsScalar() ? scalar_value(v) : Value();
      if (!x.is_int() || x.as_int() != kPipelineFormatVersion) {
        error(v, "unsupported pipeline format version " +
                     (v.IsScalar() ? "'" + v.Scalar() + "'" : std::string(kind_name(v))) +
                     "; this docpipe reads version " + std::to_string(kPipelineFormatVersion));
      }
    }
    if (const YAML::Node v = root["name"]) {
      if (auto s = string_of(v, "name")) cfg.name = *s;
    } else {
      error(SourcePos{1, 1}, "missing required key 'name'");
    }
    if (const YAML::Node v = root["description"]) {
      if (v.IsScalar()) cfg.description = v.Scalar();
      else error(v, "description must be a string");
    }
    if (const YAML::Node v = root["plugin_paths"]) {
      for (const auto& p : string_list(v, "plugin_paths")) {
        fs::path path(p);
        if (path.is_relative()) path = fs::path(cfg.directory) / path;
        cfg.plugin_paths.push_back(path.lexically_normal().string());
      }
    }
    if (const YAML::Node v = root["defaults"]) {
      if (expect_map(v, "defaults")) {
        check_keys(v, {"on_error"}, "defaults");
        if (const YAML::Node e = v["on_error"]) {
          if (auto x = on_error_of(e)) cfg.default_on_error = *x;
        }
      }
    }
    if (const YAML::Node v = root["limits"]) {
      if (expect_map(v, "limits")) {
        check_keys(v, {"max_document_bytes", "max_stage_ms"}, "limits");
        if (const YAML::Node e = v["max_document_bytes"]) {
          if (auto x = count_of(e, "limits.max_document_bytes")) cfg.limits.max_document_bytes = *x;
        }
        if (const YAML::Node e = v["max_stage_ms"]) {
          if (auto x = count_of(e, "limits.max_stage_ms")) cfg.limits.max_stage_ms = *x;
        }
      }
    }
    if (const YAML::Node v = root["output"]) {
      if (expect_map(v, "output")) {
        check_keys(v, {"layers", "exclude_layers", "views"}, "output");
        if (const YAML::Node e = v["layers"]) cfg.output.layers = string_list(e, "output.layers");
        if (const YAML::Node e = v["exclude_layers"]) {
          cfg.output.exclude_layers = string_list(e, "output.exclude_layers");
        }
        if (const YAML::Node e = v["views"]) {
          Value x = e.IsScalar() ? scalar_value(e) : Value();
          if (x.is_bool()) cfg.output.views = x.as_bool();
          else error(e, "output.views must be true or false");
        }
      }
    }
    const YAML::Node stages = root["stages"];
    if (!stages) {
      error(SourcePos{1, 1}, "missing required key 'stages'");
      return;
    }
    if (!stages.IsSequence() || stages.size() == 0) {
      error(stages, std::string("stages must be a non-empty list, got ") +
                        (stages.IsSequence() ? "an empty list" : kind_name(stages)));
      return;
    }
    std::size_t i = 0;
    for (const auto& s : stages) {
      if (!budget(s)) break;
      read_stage(s, i++, cfg);
    }
  }

 private:
  std::string file_;
  std::vector<Diagnostic>* diags_;
  std::size_t nodes_ = 0;
  bool budget_reported_ = false;
};

}  // namespace

std::optional<PipelineConfig> load_pipeline_text(const std::string& text, const std::string& file,
                                                 const std::string& directory,
                                                 std::vector<Diagnostic>* diagnostics) {
  const std::size_t before = diagnostics->size();
  std::vector<Diagnostic> local;
  Reader reader(file, &local);
  PipelineConfig cfg;
  cfg.file = file;
  cfg.directory = directory;
  cfg.source_text = text;
  try {
    YAML::Node root = YAML::Load(text);
    if (!root || root.IsNull()) {
      local.push_back({file, {}, "the pipeline file is empty"});
    } else {
      reader.read(root, cfg);
    }
  } catch (const YAML::DeepRecursion& e) {
    local.push_back({file, pos_of(e.mark),
                     "YAML nested more than " + std::to_string(e.depth() - 1) +
                         " levels deep; refusing to read it"});
  } catch (const YAML::ParserException& e) {
    local.push_back({file, pos_of(e.mark), "malformed YAML: " + e.msg});
  } catch (const YAML::Exception& e) {
    local.push_back({file, pos_of(e.mark), "cannot read YAML: " + e.msg});
  } catch (const std::exception& e) {
    local.push_back({file, {}, std::string("cannot read YAML: ") + e.what()});
  }
  diagnostics->insert(diagnostics->end(), local.begin(), local.end());
  if (diagnostics->size() != before) return std::nullopt;
  return cfg;
}

std::optional<PipelineConfig> load_pipeline_file(const std::string& path,
                                                 std::vector<Diagnostic>* diagnostics) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    diagnostics->push_back({path, {}, fs::exists(path, ec) ? "not a regular file"
                                                          : "no such pipeline file"});
    return std::nullopt;
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxPipelineFileBytes) {
    diagnostics->push_back({path, {}, "pipeline file is " + std::to_string(size) +
                                          " bytes; the limit is " +
                                          std::to_string(kMaxPipelineFileBytes)});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics->push_back({path, {}, std::string("cannot open: ") + std::strerror(errno)});
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string dir = fs::absolute(fs::path(path), ec).parent_path().lexically_normal().string();
  return load_pipeline_text(ss.str(), path, dir, diagnostics);
}

}  // namespace docpipe::engine
