// Stage parameters: the schema a plugin declares, and the validated values a stage receives.
//
// The schema is the single source for validation, for `docpipe plugins NAME`, for the YAML
// reference and for the JSON Schema of pipeline files: declare every parameter once.
//
//   {param::boolean("nfkc", false, "Apply NFKC instead of NFC."),
//    param::integer("max_sentences", 3, "Summary length in sentences.").range(1, 100),
//    param::choice("mode", "news", {"news", "narrative"}, "What dates anchor on.")}
#ifndef DOCPIPE_PARAMS_H_
#define DOCPIPE_PARAMS_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/value.h"

namespace docpipe {

enum class ParamType : int {
  kBool = 0,
  kInt = 1,
  kNumber = 2,      // integer or floating point
  kString = 3,
  kChoice = 4,      // one string of `choices`
  kStringList = 5,  // list of strings
  kPath = 6,        // a file path; relative paths are resolved against the pipeline file's folder
};

// "bool", "int", "number", "string", "choice", "string list", "path".
const char* param_type_name(ParamType t) noexcept;

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::kString;
  Value default_value;  // null when there is none (then the param is optional-and-unset or required)
  bool required = false;
  std::string doc;
  std::vector<std::string> choices;  // kChoice (and allowed items for kStringList when non-empty)
  std::optional<double> min;         // kInt / kNumber, inclusive
  std::optional<double> max;         // kInt / kNumber, inclusive

  ParamSpec& range(double lo, double hi) {
    min = lo;
    max = hi;
    return *this;
  }
  ParamSpec& at_least(double lo) {
    min = lo;
    return *this;
  }
};

namespace param {
ParamSpec boolean(std::string name, bool default_value, std::string doc);
ParamSpec integer(std::string name, std::int64_t default_value, std::string doc);
ParamSpec number(std::string name, double default_value, std::string doc);
ParamSpec string(std::string name, std::string default_value, std::string doc);
ParamSpec choice(std::string name, std::string default_value, std::vector<std::string> choices,
                 std::string doc);
ParamSpec string_list(std::string name, std::vector<std::string> default_value, std::string doc);
ParamSpec path(std::string name, std::string default_value, std::string doc);
// A parameter with no default that must be given.
ParamSpec required(std::string name, ParamType type, std::string doc);
}  // namespace param

// Validated parameter values: every declared parameter is present, with its default when the
// pipeline did not set it (null when it has neither). Read with the typed getters.
class Params {
 public:
  Params() = default;
  explicit Params(Value::Object values, std::vector<std::string> explicitly_set = {})
      : values_(std::move(values)), set_(std::move(explicitly_set)) {}

  // REQUIRES for the typed getters: the parameter is declared with that type and not null.
  const Value& get(std::string_view name) const;
  bool get_bool(std::string_view name) const { return get(name).as_bool(); }
  std::int64_t get_int(std::string_view name) const { return get(name).as_int(); }
  double get_number(std::string_view name) const { return get(name).as_double(); }
  const std::string& get_string(std::string_view name) const { return get(name).as_string(); }
  std::vector<std::string> get_string_list(std::string_view name) const;

  bool has(std::string_view name) const noexcept;
  // True when the pipeline gave the parameter (not a default).
  bool is_set(std::string_view name) const noexcept;
  const Value::Object& values() const noexcept { return values_; }

 private:
  Value::Object values_;
  std::vector<std::string> set_;
};

// One problem found by validate_params.
struct ParamIssue {
  enum class Kind { kUnknown, kMissing, kType, kRange, kChoice };
  Kind kind;
  std::string key;         // the parameter name as written
  std::string message;     // a complete sentence-fragment naming the key, e.g. "expected bool..."
  std::string suggestion;  // a close declared name for kUnknown ("did you mean"), else empty
};

// Checks `given` against `schema` and fills in defaults. Integers are accepted where numbers
// are expected. Returns the Params when there is no issue; issues are appended in the order
// the keys appear in `given`, then missing required params in schema order.
std::optional<Params> validate_params(const std::vector<ParamSpec>& schema,
                                      const Value::Object& given, std::vector<ParamIssue>* issues);

// The closest candidate to `word` by edit distance, when close enough to be a likely typo
// (used for "did you mean"); empty otherwise.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace docpipe

#endif  // DOCPIPE_PARAMS_H_
