#include "pipeline_schema.h"

#include "pipeline_config.h"

namespace docpipe::engine {
namespace {

using Object = Value::Object;
using Array = Value::Array;

Value strings(const std::vector<std::string>& v) {
  Array a;
  for (const auto& s : v) a.emplace_back(s);
  return Value(std::move(a));
}

Value param_schema(const ParamSpec& p) {
  Object s;
  switch (p.type) {
    case ParamType::kBool: s.set("type", "boolean"); break;
    case ParamType::kInt: s.set("type", "integer"); break;
    case ParamType::kNumber: s.set("type", "number"); break;
    case ParamType::kString:
    case ParamType::kPath: s.set("type", "string"); break;
    case ParamType::kChoice: s.set("enum", strings(p.choices)); break;
    case ParamType::kStringList: {
      Object items{{"type", "string"}};
      if (!p.choices.empty()) items.set("enum", strings(p.choices));
      s.set("type", "array");
      s.set("items", Value(std::move(items)));
      break;
    }
  }
  if (p.min) s.set("minimum", *p.min);
  if (p.max) s.set("maximum", *p.max);
  s.set("description", p.doc);
  if (!p.default_value.is_null()) s.set("default", p.default_value);
  return Value(std::move(s));
}

Value params_schema(const PluginSpec& spec) {
  Object props;
  Array required;
  for (const auto& p : spec.params) {
    props.set(p.name, param_schema(p));
    if (p.required) required.emplace_back(p.name);
  }
  Object s{{"type", "object"},
           {"description", "Parameters of plugin " + spec.name + " " + spec.version},
           {"properties", Value(std::move(props))},
           {"additionalProperties", false}};
  if (!required.empty()) s.set("required", Value(std::move(required)));
  return Value(std::move(s));
}

}  // namespace

Value pipeline_json_schema(const std::vector<const PluginSpec*>& plugins) {
  const Value on_error = Value(Object{{"enum", Value(Array{"fail", "skip", "drop"})},
                                      {"description", "What happens to a document when this "
                                                      "stage fails: stop the run, record the "
                                                      "error and go on, or send the document to "
                                                      "the dead letters."}});
  Array names;
  Array conditionals;
  Object defs;
  for (const PluginSpec* p : plugins) {
    names.emplace_back(p->name);
    defs.set("params_" + p->name, params_schema(*p));
    conditionals.emplace_back(Object{
        {"if", Value(Object{{"properties", Value(Object{{"plugin", Value(Object{{"const", p->name}})}})},
                            {"required", Value(Array{"plugin"})}})},
        {"then", Value(Object{{"properties",
                               Value(Object{{"params", Value(Object{{"$ref", "#/$defs/params_" + p->name}})}})}})}});
  }
  Object plugin_prop{{"description", "The plugin this stage runs (file docpipe_<plugin>.so)."},
                     {"anyOf", Value(Array{Value(Object{{"enum", Value(std::move(names))}}),
                                           Value(Object{{"type", "string"},
                                                        {"pattern", "^[a-z][a-z0-9_-]*$"}})})}};
  Object stage{{"type", "object"},
               {"required", Value(Array{"plugin"})},
               {"properties",
                Value(Object{{"plugin", Value(std::move(plugin_prop))},
                             {"name", Value(Object{{"type", "string"},
                                                   {"description", "Instance name, unique in the "
                                                                   "pipeline (default: the plugin name)."}})},
                             {"on_error", Value(Object{{"$ref", "#/$defs/on_error"}})},
                             {"params", Value(Object{{"type", "object"}})}})},
               {"additionalProperties", false}};
  if (!conditionals.empty()) stage.set("allOf", Value(std::move(conditionals)));
  defs.set("stage", Value(std::move(stage)));
  defs.set("on_error", on_error);

  Object props{
      {"version", Value(Object{{"const", kPipelineFormatVersion},
                               {"description", "Format version of this file."}})},
      {"name", Value(Object{{"type", "string"}, {"minLength", 1}})},
      {"description", Value(Object{{"type", "string"}})},
      {"plugin_paths", Value(Object{{"type", "array"},
                                    {"items", Value(Object{{"type", "string"}})},
                                    {"description", "Folders searched for plugins first, "
                                                    "relative to this file."}})},
      {"defaults", Value(Object{{"type", "object"},
                                {"properties", Value(Object{{"on_error", Value(Object{{"$ref", "#/$defs/on_error"}})}})},
                                {"additionalProperties", false}})},
      {"limits", Value(Object{{"type", "object"},
                              {"properties",
                               Value(Object{{"max_document_bytes",
                                             Value(Object{{"type", "integer"}, {"minimum", 0},
                                                          {"default", static_cast<std::int64_t>(Limits{}.max_document_bytes)}})},
                                            {"max_stage_ms",
                                             Value(Object{{"type", "integer"}, {"minimum", 0},
                                                          {"default", static_cast<std::int64_t>(Limits{}.max_stage_ms)}})}})},
                              {"additionalProperties", false}})},
      {"output", Value(Object{{"type", "object"},
                              {"properties",
                               Value(Object{{"layers", Value(Object{{"type", "array"}, {"items", Value(Object{{"type", "string"}})}})},
                                            {"exclude_layers", Value(Object{{"type", "array"}, {"items", Value(Object{{"type", "string"}})}})},
                                            {"views", Value(Object{{"type", "boolean"}})}})},
                              {"additionalProperties", false}})},
      {"stages", Value(Object{{"type", "array"},
                              {"minItems", 1},
                              {"items", Value(Object{{"$ref", "#/$defs/stage"}})}})}};
  return Value(Object{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                      {"title", "docpipe pipeline (format version 1)"},
                      {"type", "object"},
                      {"required", Value(Array{"name", "stages"})},
                      {"properties", Value(std::move(props))},
                      {"patternProperties", Value(Object{{"^x-", Value(Object{})}})},
                      {"additionalProperties", false},
                      {"$defs", Value(std::move(defs))}});
}

}  // namespace docpipe::engine
