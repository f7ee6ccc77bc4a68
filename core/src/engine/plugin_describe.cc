#include "plugin_describe.h"

#include <algorithm>

namespace docpipe::engine {
namespace {

Value string_array(const std::vector<std::string>& v) {
  Value::Array a;
  for (const auto& s : v) a.emplace_back(s);
  return Value(std::move(a));
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out.empty() ? "-" : out;
}

}  // namespace

Value describe_plugin_json(const PluginSpec& spec, const std::string& file) {
  Value::Object o;
  o.set("name", spec.name);
  o.set("version", spec.version);
  o.set("description", spec.description);
  o.set("file", file);
  o.set("thread_safe", spec.thread_safe);
  o.set("produces", string_array(spec.produced_layers));
  o.set("requires", string_array(spec.required_layers));
  o.set("uses", string_array(spec.optional_layers));
  Value::Array params;
  for (const auto& p : spec.params) {
    Value::Object po;
    po.set("name", p.name);
    po.set("type", param_type_name(p.type));
    po.set("default", p.default_value);
    po.set("required", p.required);
    po.set("doc", p.doc);
    if (!p.choices.empty()) po.set("choices", string_array(p.choices));
    if (p.min) po.set("min", *p.min);
    if (p.max) po.set("max", *p.max);
    params.emplace_back(std::move(po));
  }
  o.set("params", Value(std::move(params)));
  return Value(std::move(o));
}

std::string describe_plugin_text(const PluginSpec& spec, const std::string& file) {
  std::string out;
  out += spec.name + " " + spec.version + " - " + spec.description + "\n";
  out += "  file:        " + file + "\n";
  out += "  thread-safe: " + std::string(spec.thread_safe ? "yes" : "no (one instance per worker)") + "\n";
  out += "  produces:    " + join(spec.produced_layers) + "\n";
  out += "  requires:    " + join(spec.required_layers) + "\n";
  out += "  uses:        " + join(spec.optional_layers) + " (when present)\n";
  if (spec.params.empty()) {
    out += "  parameters:  none\n";
    return out;
  }
  out += "  parameters:\n";
  std::size_t width = 4;
  for (const auto& p : spec.params) width = std::max(width, p.name.size());
  for (const auto& p : spec.params) {
    std::string type = param_type_name(p.type);
    if (!p.choices.empty()) type += " (" + join(p.choices, "|") + ")";
    if (p.min || p.max) {
      auto num = [](double d) {
        std::string s = to_json(Value(d));
        if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
        return s;
      };
      type += " [" + (p.min ? num(*p.min) : std::string("")) + ".." +
              (p.max ? num(*p.max) : std::string("")) + "]";
    }
    std::string def = p.required ? "required" : "default " + to_json(p.default_value);
    out += "    " + p.name + std::string(width - p.name.size() + 2, ' ') + type + ", " + def + "\n";
    out += "    " + std::string(width + 2, ' ') + p.doc + "\n";
  }
  return out;
}

}  // namespace docpipe::engine
