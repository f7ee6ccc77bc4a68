#include "document_maker.h"

#include <simdjson.h>

#include "text_decode.h"

namespace docpipe::engine {
namespace {

constexpr int kMaxDepth = 64;

// simdjson's DOM API picks the fastest kernel for the CPU at run time (the On-Demand API
// would be fixed at compile time to the portable fallback without -march flags).
Status json_error(simdjson::error_code e) {
  return Status::DataError(std::string("not valid JSON: ") + simdjson::error_message(e));
}

Status convert(simdjson::dom::element v, Value* out, int depth) {
  if (depth > kMaxDepth) return Status::DataError("JSON nested more than 64 levels deep");
  switch (v.type()) {
    case simdjson::dom::element_type::NULL_VALUE: *out = Value(); return Status::OK();
    case simdjson::dom::element_type::BOOL: *out = Value(bool(v.get_bool().value_unsafe())); return Status::OK();
    case simdjson::dom::element_type::INT64: *out = Value(v.get_int64().value_unsafe()); return Status::OK();
    case simdjson::dom::element_type::UINT64:
      *out = Value(static_cast<double>(v.get_uint64().value_unsafe()));
      return Status::OK();
    case simdjson::dom::element_type::DOUBLE: *out = Value(v.get_double().value_unsafe()); return Status::OK();
    case simdjson::dom::element_type::STRING: *out = Value(v.get_string().value_unsafe()); return Status::OK();
    case simdjson::dom::element_type::ARRAY: {
      Value::Array a;
      simdjson::dom::array arr = v.get_array().value_unsafe();
      a.reserve(arr.size());
      for (simdjson::dom::element e : arr) {
        Value x;
        if (Status s = convert(e, &x, depth + 1); !s.ok()) return s;
        a.push_back(std::move(x));
      }
      *out = Value(std::move(a));
      return Status::OK();
    }
    case simdjson::dom::element_type::OBJECT: {
      Value::Object o;
      const simdjson::dom::object obj = v.get_object().value_unsafe();  // a copy: the result is a temporary
      for (auto field : obj) {
        Value x;
        if (Status s = convert(field.value, &x, depth + 1); !s.ok()) return s;
        o.set(std::string(field.key), std::move(x));
      }
      *out = Value(std::move(o));
      return Status::OK();
    }
  }
  return Status::DataError("not valid JSON");
}

struct ThreadParser {
  simdjson::dom::parser parser;
  std::string buffer;  // the text, with simdjson's padding behind it
};

ThreadParser& thread_parser() {
  thread_local ThreadParser p;
  return p;
}

simdjson::simdjson_result<simdjson::dom::element> parse_padded(std::string_view json) {
  ThreadParser& tp = thread_parser();
  tp.buffer.assign(json);
  tp.buffer.append(simdjson::SIMDJSON_PADDING, '\0');
  return tp.parser.parse(tp.buffer.data(), json.size(), false);
}

// Parses `line` as a document object {"id", "text", "meta"}.
Status parse_line(std::string_view line, std::string* id, std::string* text, Value::Object* meta,
                  bool* has_id) {
  simdjson::dom::element root;
  if (auto e = parse_padded(line).get(root)) return json_error(e);
  if (root.type() != simdjson::dom::element_type::OBJECT) {
    return Status::DataError("a JSONL line must be a JSON object with a \"text\" field");
  }
  bool has_text = false;
  *has_id = false;
  const simdjson::dom::object obj = root.get_object().value_unsafe();
  for (auto field : obj) {
    const std::string_view key = field.key;
    simdjson::dom::element v = field.value;
    if (key == "text") {
      if (v.type() != simdjson::dom::element_type::STRING) {
        return Status::DataError("field \"text\" must be a string");
      }
      text->assign(v.get_string().value_unsafe());
      has_text = true;
    } else if (key == "id") {
      switch (v.type()) {
        case simdjson::dom::element_type::STRING: id->assign(v.get_string().value_unsafe()); break;
        case simdjson::dom::element_type::INT64: *id = std::to_string(v.get_int64().value_unsafe()); break;
        case simdjson::dom::element_type::UINT64: *id = std::to_string(v.get_uint64().value_unsafe()); break;
        default: return Status::DataError("field \"id\" must be a string or an integer");
      }
      *has_id = true;
    } else if (key == "meta") {
      if (v.type() == simdjson::dom::element_type::NULL_VALUE) continue;
      if (v.type() != simdjson::dom::element_type::OBJECT) {
        return Status::DataError("field \"meta\" must be an object");
      }
      Value m;
      if (Status s = convert(v, &m, 1); !s.ok()) return s;
      *meta = std::move(m.as_object());
    }
    // Other fields (an earlier run's annotations, say) are not input and are ignored.
  }
  if (!has_text) return Status::DataError("a JSONL line must be a JSON object with a \"text\" field");
  return Status::OK();
}

bool looks_binary(std::string_view data) {
  const std::size_t n = std::min<std::size_t>(data.size(), 8192);
  if (n == 0) return false;
  std::size_t control = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(data[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++control;
  }
  // More than 10% control bytes (NUL among them), and enough of them that a short text with a
  // few stray NULs still counts as text.
  return control * 10 > n && control >= 16;
}

}  // namespace

Result<Value> parse_json(std::string_view json) {
  simdjson::dom::element root;
  if (auto e = parse_padded(json).get(root)) return json_error(e);
  Value out;
  if (Status s = convert(root, &out, 0); !s.ok()) return s;
  return out;
}

Result<Document> make_document(RawRecord& record, std::uint64_t max_document_bytes) {
  switch (record.kind) {
    case RawRecord::Kind::kError: return Status::DataError(record.error);
    case RawRecord::Kind::kText: {
      if (looks_binary(record.data)) {
        return Status::DataError(record.source +
                                 ": looks like a binary file (over 10% control bytes in its "
                                 "first 8 KiB), not text");
      }
      DecodeReport r = decode_to_utf8(record.data);
      Value::Object meta;
      meta.append_unchecked("source", record.source);
      if (r.encoding != DecodeReport::Encoding::kUtf8) {
        meta.append_unchecked("input_encoding", encoding_name(r.encoding));
        if (r.replaced) meta.append_unchecked("input_invalid_utf8", static_cast<std::int64_t>(r.replaced));
      }
      Document doc(record.id, std::move(record.data), std::move(meta));
      doc.set_source(record.source);
      return doc;
    }
    case RawRecord::Kind::kJsonLine: {
      std::string id, text;
      Value::Object meta;
      bool has_id = false;
      std::size_t repaired = 0;
      Status s = parse_line(record.data, &id, &text, &meta, &has_id);
      if (!s.ok() && s.message().find("UTF-8") != std::string::npos) {
        // Damaged UTF-8 inside the line: repair and try again, noting it.
        std::string fixed = record.data;
        repaired = replace_invalid_utf8(fixed);
        id.clear();
        text.clear();
        meta.clear();
        s = parse_line(fixed, &id, &text, &meta, &has_id);
      }
      if (!s.ok()) return Status::DataError("line " + std::to_string(record.line) + ": " + s.message());
      if (max_document_bytes != 0 && text.size() > max_document_bytes) {
        return Status::DataError("line " + std::to_string(record.line) + ": the text is " +
                                 std::to_string(text.size()) +
                                 " bytes, more than limits.max_document_bytes (" +
                                 std::to_string(max_document_bytes) + ")");
      }
      if (!has_id) id = record.source;
      if (repaired) meta.set("input_invalid_utf8", static_cast<std::int64_t>(repaired));
      Document doc(std::move(id), std::move(text), std::move(meta));
      doc.set_source(record.source);
      return doc;
    }
  }
  return Status::Internal("unknown record kind");
}

}  // namespace docpipe::engine
