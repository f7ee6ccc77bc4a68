#include "record_writer.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <numeric>

#include "docpipe/version.h"

namespace docpipe::engine {
namespace {

void append_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr - buf);
}

void append_int(std::string& out, std::int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr - buf);
}

bool layer_wanted(const std::string& name, const OutputConfig& output) {
  if (std::find(output.exclude_layers.begin(), output.exclude_layers.end(), name) !=
      output.exclude_layers.end()) {
    return false;
  }
  return output.layers.empty() ||
         std::find(output.layers.begin(), output.layers.end(), name) != output.layers.end();
}

// Annotation indexes of a layer sorted by (begin, end), stable.
std::vector<std::uint32_t> sorted_order(const Layer& layer) {
  const auto& anns = layer.annotations();
  std::vector<std::uint32_t> idx(anns.size());
  std::iota(idx.begin(), idx.end(), 0u);
  bool sorted = true;
  for (std::size_t i = 1; i < anns.size() && sorted; ++i) {
    sorted = anns[i - 1].begin < anns[i].begin ||
             (anns[i - 1].begin == anns[i].begin && anns[i - 1].end <= anns[i].end);
  }
  if (!sorted) {
    std::stable_sort(idx.begin(), idx.end(), [&](std::uint32_t a, std::uint32_t b) {
      return anns[a].begin != anns[b].begin ? anns[a].begin < anns[b].begin
                                            : anns[a].end < anns[b].end;
    });
  }
  return idx;
}

void append_object(std::string& out, const Value::Object& o) {
  out.push_back('{');
  bool first = true;
  for (const auto& [k, v] : o) {
    if (!first) out.push_back(',');
    first = false;
    append_json_string(out, k);
    out.push_back(':');
    append_json(out, v);
  }
  out.push_back('}');
}

void write_json(std::string& out, const Document& doc, const RunInfo& run,
                const OutputConfig& output) {
  out += "{\"schema_version\":";
  append_int(out, kOutputSchemaVersion);
  out += ",\"id\":";
  append_json_string(out, doc.id());
  out += ",\"offset_unit\":\"utf8_byte\",\"text\":";
  append_json_string(out, doc.text());
  out += ",\"meta\":";
  append_object(out, doc.meta());
  out += ",\"annotations\":[";
  bool first = true;
  const std::string_view text = doc.text();
  for (const Layer& layer : doc.layers()) {
    if (!layer_wanted(layer.name(), output)) continue;
    const auto& anns = layer.annotations();
    for (std::uint32_t i : sorted_order(layer)) {
      const Annotation& a = anns[i];
      if (!first) out.push_back(',');
      first = false;
      out += "{\"layer\":";
      append_json_string(out, layer.name());
      out += ",\"begin\":";
      append_uint(out, a.begin);
      out += ",\"end\":";
      append_uint(out, a.end);
      out += ",\"text\":";
      append_json_string(out, a.end <= text.size() ? text.substr(a.begin, a.end - a.begin)
                                                   : std::string_view());
      out += ",\"attrs\":";
      append_object(out, a.attrs);
      out += ",\"producer\":";
      append_json_string(out, a.producer < doc.producers().size() ? doc.producers()[a.producer]
                                                                  : std::string("?"));
      out.push_back('}');
    }
  }
  out.push_back(']');
  if (!doc.summary().empty()) {
    out += ",\"summary\":";
    append_object(out, doc.summary());
  }
  if (output.views && doc.view_count() > 1) {
    out += ",\"views\":[";
    for (std::size_t i = 1; i < doc.views().size(); ++i) {
      const TextView& v = doc.views()[i];
      if (i > 1) out.push_back(',');
      out += "{\"name\":";
      append_json_string(out, v.name());
      out += ",\"text\":";
      append_json_string(out, v.text());
      out.push_back('}');
    }
    out.push_back(']');
  }
  out += ",\"run\":{\"pipeline\":";
  append_json_string(out, run.pipeline);
  out += ",\"docpipe\":\"" DOCPIPE_SDK_VERSION_STRING "\",\"status\":";
  append_json_string(out, run.status);
  out += ",\"stages\":[";
  for (std::size_t i = 0; i < run.stages.size(); ++i) {
    const StageTiming& s = run.stages[i];
    if (i) out.push_back(',');
    out += "{\"name\":";
    append_json_string(out, s.name);
    out += ",\"plugin\":";
    append_json_string(out, s.plugin);
    out += ",\"version\":";
    append_json_string(out, s.version);
    out += ",\"micros\":";
    append_int(out, s.micros);
    out.push_back('}');
  }
  out += "],\"errors\":[";
  for (std::size_t i = 0; i < run.errors.size(); ++i) {
    const StageError& e = run.errors[i];
    if (i) out.push_back(',');
    out += "{\"stage\":";
    append_json_string(out, e.stage);
    out += ",\"plugin\":";
    append_json_string(out, e.plugin);
    out += ",\"code\":";
    append_json_string(out, e.code);
    out += ",\"message\":";
    append_json_string(out, e.message);
    out.push_back('}');
  }
  out += "]}}";
}

}  // namespace

bool parse_output_format(std::string_view name, OutputFormat* out) {
  if (name == "jsonl" || name == "json") *out = OutputFormat::kJsonl;
  else if (name == "pretty") *out = OutputFormat::kPretty;
  else if (name == "text") *out = OutputFormat::kText;
  else if (name == "timeml") *out = OutputFormat::kTimeml;
  else return false;
  return true;
}

void append_pretty_json(std::string& out, std::string_view s) {
  int depth = 0;
  bool in_string = false;
  auto newline = [&] {
    out.push_back('\n');
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < s.size()) {
        out.push_back(s[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        out.push_back(c);
        break;
      case '{':
      case '[': {
        const char close = c == '{' ? '}' : ']';
        if (i + 1 < s.size() && s[i + 1] == close) {  // empty: keep on one line
          out.push_back(c);
          out.push_back(close);
          ++i;
          break;
        }
        out.push_back(c);
        ++depth;
        newline();
        break;
      }
      case '}':
      case ']':
        --depth;
        newline();
        out.push_back(c);
        break;
      case ',':
        out.push_back(c);
        newline();
        break;
      case ':':
        out += ": ";
        break;
      default:
        out.push_back(c);
    }
  }
  out.push_back('\n');
}

void write_dead_letter(std::string& out, const DeadLetter& d) {
  out += "{\"schema_version\":";
  append_int(out, kOutputSchemaVersion);
  out += ",\"kind\":\"dead_letter\",\"id\":";
  append_json_string(out, d.id);
  out += ",\"source\":";
  append_json_string(out, d.source);
  if (d.line) {
    out += ",\"line\":";
    append_uint(out, d.line);
  }
  out += ",\"stage\":";
  if (d.stage.empty()) out += "null";
  else append_json_string(out, d.stage);
  out += ",\"plugin\":";
  if (d.plugin.empty()) out += "null";
  else append_json_string(out, d.plugin);
  out += ",\"reason\":";
  append_json_string(out, d.reason);
  if (d.has_input) {
    out += ",\"input\":{\"id\":";
    append_json_string(out, d.input_id);
    out += ",\"text\":";
    append_json_string(out, d.input_text);
    out += ",\"meta\":";
    append_object(out, d.input_meta);
    out.push_back('}');
  } else if (!d.raw.empty()) {
    out += ",\"raw\":";
    append_json_string(out, d.raw);
  }
  out += "}\n";
}

void write_record(std::string& out, OutputFormat format, const Document& doc, const RunInfo& run,
                  const OutputConfig& output) {
  switch (format) {
    case OutputFormat::kJsonl:
      write_json(out, doc, run, output);
      out.push_back('\n');
      return;
    case OutputFormat::kPretty: {
      std::string compact;
      write_json(compact, doc, run, output);
      append_pretty_json(out, compact);
      return;
    }
    case OutputFormat::kText:
      write_text_report(out, doc, run);
      return;
    case OutputFormat::kTimeml:
      write_timeml(out, doc);
      return;
  }
}

}  // namespace docpipe::engine
