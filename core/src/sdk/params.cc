#include "docpipe/params.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace docpipe {

const char* param_type_name(ParamType t) noexcept {
  switch (t) {
    case ParamType::kBool: return "bool";
    case ParamType::kInt: return "int";
    case ParamType::kNumber: return "number";
    case ParamType::kString: return "string";
    case ParamType::kChoice: return "choice";
    case ParamType::kStringList: return "string list";
    case ParamType::kPath: return "path";
  }
  return "?";
}

namespace param {

ParamSpec boolean(std::string name, bool default_value, std::string doc) {
  return ParamSpec{.name = std::move(name), .type = ParamType::kBool,
                   .default_value = default_value, .doc = std::move(doc)};
}
ParamSpec integer(std::string name, std::int64_t default_value, std::string doc) {
  return ParamSpec{.name = std::move(name), .type = ParamType::kInt,
                   .default_value = default_value, .doc = std::move(doc)};
}
ParamSpec number(std::string name, double default_value, std::string doc) {
  return ParamSpec{.name = std::move(name), .type = ParamType::kNumber,
                   .default_value = default_value, .doc = std::move(doc)};
}
ParamSpec string(std::string name, std::string default_value, std::string doc) {
  return ParamSpec{.name = std::move(name), .type = ParamType::kString,
                   .default_value = std::move(default_value), .doc = std::move(doc)};
}
ParamSpec choice(std::string name, std::string default_value, std::vector<std::string> choices,
                 std::string doc) {
  return ParamSpec{.name = std::move(name), .type = ParamType::kChoice,
                   .default_value = std::move(default_value), .doc = std::move(doc),
                   .choices = std::move(choices)};
}
ParamSpec string_list(std::string name, std::vector<std::string> default_value, std::string doc) {
  Value::Array items;
  for (auto& s : default_value) items.emplace_back(std::move(s));
  return ParamSpec{.name = std::move(name), .type = ParamType::kStringList,
                   .default_value = std::move(items), .doc = std::move(doc)};
}
ParamSpec path(std::string name, std::string default_value, std::string doc) {
  return ParamSpec{.name = std::move(name), .type = ParamType::kPath,
                   .default_value = std::move(default_value), .doc = std::move(doc)};
}
ParamSpec required(std::string name, ParamType type, std::string doc) {
  return ParamSpec{.name = std::move(name), .type = type, .required = true, .doc = std::move(doc)};
}

}  // namespace param

// ---- Params ----

const Value& Params::get(std::string_view name) const {
  const Value* v = values_.find(name);
  if (v == nullptr) throw std::out_of_range("undeclared parameter '" + std::string(name) + "'");
  return *v;
}

std::vector<std::string> Params::get_string_list(std::string_view name) const {
  std::vector<std::string> out;
  const Value& v = get(name);
  if (v.is_array()) {
    for (const auto& e : v.as_array()) out.push_back(e.as_string());
  }
  return out;
}

bool Params::has(std::string_view name) const noexcept { return values_.find(name) != nullptr; }

bool Params::is_set(std::string_view name) const noexcept {
  return std::find(set_.begin(), set_.end(), name) != set_.end();
}

// ---- validation ----

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      // Transposition ("nkfc" for "nfkc") counts as one edit.
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev[j - 1]);  // approximation of Damerau distance
      }
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string describe(const Value& v) {
  std::string s = Value::type_name(v.type());
  if (v.is_string()) s += " \"" + v.as_string() + "\"";
  if (v.is_int()) s += " " + std::to_string(v.as_int());
  if (v.is_bool()) s += v.as_bool() ? " true" : " false";
  return s;
}

std::string join_quoted(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += "\"" + items[i] + "\"";
  }
  return out;
}

std::string format_number(double d) {
  std::ostringstream o;
  o << d;
  return o.str();
}

// Checks one value against its spec; appends issues; returns the (possibly converted) value.
bool check_value(const ParamSpec& spec, const Value& v, std::vector<ParamIssue>* issues) {
  auto type_issue = [&](const char* expected) {
    issues->push_back({ParamIssue::Kind::kType, spec.name,
                       "parameter '" + spec.name + "' must be " + expected + ", got " + describe(v),
                       {}});
    return false;
  };
  switch (spec.type) {
    case ParamType::kBool:
      if (!v.is_bool()) return type_issue("a bool (true or false)");
      return true;
    case ParamType::kInt:
    case ParamType::kNumber: {
      if (spec.type == ParamType::kInt && !v.is_int()) return type_issue("an integer");
      if (spec.type == ParamType::kNumber && !v.is_number()) return type_issue("a number");
      const double d = v.as_double();
      if ((spec.min && d < *spec.min) || (spec.max && d > *spec.max)) {
        std::string range = spec.min && spec.max ? "between " + format_number(*spec.min) +
                                                       " and " + format_number(*spec.max)
                            : spec.min ? "at least " + format_number(*spec.min)
                                       : "at most " + format_number(*spec.max);
        issues->push_back({ParamIssue::Kind::kRange, spec.name,
                           "parameter '" + spec.name + "' must be " + range + ", got " +
                               format_number(d),
                           {}});
        return false;
      }
      return true;
    }
    case ParamType::kString:
    case ParamType::kPath:
      if (!v.is_string()) return type_issue("a string");
      return true;
    case ParamType::kChoice: {
      if (!v.is_string()) return type_issue(("one of " + join_quoted(spec.choices)).c_str());
      if (std::find(spec.choices.begin(), spec.choices.end(), v.as_string()) == spec.choices.end()) {
        issues->push_back({ParamIssue::Kind::kChoice, spec.name,
                           "parameter '" + spec.name + "' must be one of " +
                               join_quoted(spec.choices) + ", got \"" + v.as_string() + "\"",
                           closest_match(v.as_string(), spec.choices)});
        return false;
      }
      return true;
    }
    case ParamType::kStringList: {
      if (!v.is_array()) return type_issue("a list of strings");
      for (const auto& e : v.as_array()) {
        if (!e.is_string()) return type_issue("a list of strings");
        if (!spec.choices.empty() &&
            std::find(spec.choices.begin(), spec.choices.end(), e.as_string()) ==
                spec.choices.end()) {
          issues->push_back({ParamIssue::Kind::kChoice, spec.name,
                             "parameter '" + spec.name + "' may only hold " +
                                 join_quoted(spec.choices) + ", got \"" + e.as_string() + "\"",
                             closest_match(e.as_string(), spec.choices)});
          return false;
        }
      }
      return true;
    }
  }
  return false;
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = static_cast<std::size_t>(-1);
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  // Close enough to be a typo: at most a third of the word, and at least one edit allowed.
  const std::size_t limit = std::max<std::size_t>(1, std::max(word.size(), best.size()) / 3);
  if (best_d == 0 || best_d > limit) return {};
  return best;
}

std::optional<Params> validate_params(const std::vector<ParamSpec>& schema,
                                      const Value::Object& given,
                                      std::vector<ParamIssue>* issues) {
  std::vector<ParamIssue> local;
  if (issues == nullptr) issues = &local;
  const std::size_t before = issues->size();
  std::vector<std::string> names;
  names.reserve(schema.size());
  for (const auto& s : schema) names.push_back(s.name);

  Value::Object values;
  std::vector<std::string> set;
  for (const auto& member : given) {
    const std::string& key = member.first;
    const Value& v = member.second;
    auto it = std::find_if(schema.begin(), schema.end(),
                           [&key](const ParamSpec& s) { return s.name == key; });
    if (it == schema.end()) {
      std::string suggestion = closest_match(key, names);
      std::string msg = "unknown parameter '" + key + "'";
      if (!suggestion.empty()) msg += " (did you mean '" + suggestion + "'?)";
      issues->push_back({ParamIssue::Kind::kUnknown, key, std::move(msg), suggestion});
      continue;
    }
    if (check_value(*it, v, issues)) set.push_back(key);
  }
  for (const auto& s : schema) {
    const Value* v = given.find(s.name);
    if (v != nullptr) {
      values.append_unchecked(s.name, *v);
    } else if (s.required) {
      issues->push_back({ParamIssue::Kind::kMissing, s.name,
                         "missing required parameter '" + s.name + "' (" +
                             param_type_name(s.type) + ": " + s.doc + ")",
                         {}});
    } else {
      values.append_unchecked(s.name, s.default_value);
    }
  }
  if (issues->size() != before) return std::nullopt;
  return Params(std::move(values), std::move(set));
}

}  // namespace docpipe
