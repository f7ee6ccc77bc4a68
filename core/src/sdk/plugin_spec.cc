#include <set>

#include "docpipe/plugin.h"

namespace docpipe {
namespace {

bool is_plugin_name(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return s[0] >= 'a' && s[0] <= 'z';
}

bool default_fits(const ParamSpec& p) {
  const Value& d = p.default_value;
  if (d.is_null()) return true;  // no default
  switch (p.type) {
    case ParamType::kBool: return d.is_bool();
    case ParamType::kInt: return d.is_int();
    case ParamType::kNumber: return d.is_number();
    case ParamType::kString:
    case ParamType::kPath: return d.is_string();
    case ParamType::kChoice: {
      if (!d.is_string()) return false;
      for (const auto& c : p.choices) {
        if (c == d.as_string()) return true;
      }
      return false;
    }
    case ParamType::kStringList: {
      if (!d.is_array()) return false;
      for (const auto& e : d.as_array()) {
        if (!e.is_string()) return false;
      }
      return true;
    }
  }
  return false;
}

}  // namespace

Status check_plugin_spec(const PluginSpec& spec) {
  if (!is_plugin_name(spec.name)) {
    return Status::InvalidArgument("plugin name '" + spec.name +
                                   "' is not valid (lowercase letters, digits, '_' and '-', "
                                   "starting with a letter, at most 64)");
  }
  if (spec.version.empty()) return Status::InvalidArgument("plugin '" + spec.name + "' has no version");
  std::set<std::string> seen;
  for (const auto& p : spec.params) {
    if (p.name.empty()) return Status::InvalidArgument("plugin '" + spec.name + "' has a parameter with no name");
    if (!seen.insert(p.name).second) {
      return Status::InvalidArgument("plugin '" + spec.name + "' declares parameter '" + p.name +
                                     "' twice");
    }
    if (p.type == ParamType::kChoice && p.choices.empty()) {
      return Status::InvalidArgument("plugin '" + spec.name + "': choice parameter '" + p.name +
                                     "' lists no choices");
    }
    if (!default_fits(p)) {
      return Status::InvalidArgument("plugin '" + spec.name + "': the default of parameter '" +
                                     p.name + "' does not fit its type " +
                                     param_type_name(p.type));
    }
    if (p.required && !p.default_value.is_null()) {
      return Status::InvalidArgument("plugin '" + spec.name + "': required parameter '" + p.name +
                                     "' must not have a default");
    }
  }
  return Status::OK();
}

}  // namespace docpipe
