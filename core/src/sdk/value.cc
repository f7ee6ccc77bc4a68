#include "docpipe/value.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "docpipe/text/utf8.h"

namespace docpipe {

// ---- Object ----

Value::Object::Object(std::initializer_list<Member> members) {
  members_.reserve(members.size());
  for (const auto& m : members) set(m.first, m.second);
}

const Value* Value::Object::find(std::string_view key) const noexcept {
  for (const auto& m : members_) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

Value* Value::Object::find(std::string_view key) noexcept {
  for (auto& m : members_) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

Value& Value::Object::set(std::string key, Value value) {
  if (Value* v = find(key)) {
    *v = std::move(value);
    return *v;
  }
  members_.emplace_back(std::move(key), std::move(value));
  return members_.back().second;
}

Value& Value::Object::operator[](std::string_view key) {
  if (Value* v = find(key)) return *v;
  members_.emplace_back(std::string(key), Value());
  return members_.back().second;
}

bool Value::Object::erase(std::string_view key) {
  for (auto it = members_.begin(); it != members_.end(); ++it) {
    if (it->first == key) {
      members_.erase(it);
      return true;
    }
  }
  return false;
}

void Value::Object::append_unchecked(std::string key, Value value) {
  members_.emplace_back(std::move(key), std::move(value));
}

bool operator==(const Value::Object& a, const Value::Object& b) {
  if (a.size() != b.size()) return false;
  for (const auto& m : a) {
    const Value* v = b.find(m.first);
    if (!v || !(*v == m.second)) return false;
  }
  return true;
}

// ---- Value ----

double Value::as_double() const {
  if (is_int()) return static_cast<double>(as_int());
  return std::get<double>(v_);
}

const Value* Value::find(std::string_view key) const noexcept {
  return is_object() ? as_object().find(key) : nullptr;
}

Value& Value::operator[](std::string_view key) {
  if (is_null()) v_ = Object{};
  return as_object()[key];
}

const char* Value::type_name(Type t) noexcept {
  switch (t) {
    case Type::kNull: return "null";
    case Type::kBool: return "bool";
    case Type::kInt: return "integer";
    case Type::kDouble: return "number";
    case Type::kString: return "string";
    case Type::kArray: return "list";
    case Type::kObject: return "mapping";
  }
  return "?";
}

bool operator==(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number() && a.type() != b.type()) {
    return a.as_double() == b.as_double();
  }
  return a.v_ == b.v_;
}

// ---- JSON writing ----

namespace {

// 1 for bytes that need more than a copy: controls, '"', '\\' and non-ASCII.
struct EscapeTable {
  bool special[256];
  constexpr EscapeTable() : special() {
    for (int c = 0; c < 256; ++c) special[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  }
};
constexpr EscapeTable kEscape;

void append_double(std::string& out, double d) {
  if (!std::isfinite(d)) {  // JSON has no NaN or infinity
    out += "null";
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  std::string_view s(buf, r.ptr - buf);
  out += s;
  // Keep doubles recognisable as such ("2.0", not "2").
  if (s.find_first_of(".eEn") == std::string_view::npos) out += ".0";
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t run = 0;  // start of the pending run of plain bytes
  std::size_t i = 0;
  while (i < n) {
    if (!kEscape.special[p[i]]) {
      ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    const unsigned char c = p[i];
    if (c >= 0x80) {
      utf8::Decoded d = utf8::decode(s, i);
      if (d.valid) {
        out.append(s.data() + i, d.size);
      } else {
        out += "\xEF\xBF\xBD";
      }
      i += d.size;
    } else {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out.append(esc, 6);
        }
      }
      ++i;
    }
    run = i;
  }
  out.append(s.data() + run, n - run);
  out.push_back('"');
}

void append_json(std::string& out, const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull: out += "null"; return;
    case Value::Type::kBool: out += v.as_bool() ? "true" : "false"; return;
    case Value::Type::kInt: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, v.as_int());
      out.append(buf, r.ptr - buf);
      return;
    }
    case Value::Type::kDouble: append_double(out, v.as_double()); return;
    case Value::Type::kString: append_json_string(out, v.as_string()); return;
    case Value::Type::kArray: {
      out.push_back('[');
      bool first = true;
      for (const auto& e : v.as_array()) {
        if (!first) out.push_back(',');
        first = false;
        append_json(out, e);
      }
      out.push_back(']');
      return;
    }
    case Value::Type::kObject: {
      out.push_back('{');
      bool first = true;
      for (const auto& [k, e] : v.as_object()) {
        if (!first) out.push_back(',');
        first = false;
        append_json_string(out, k);
        out.push_back(':');
        append_json(out, e);
      }
      out.push_back('}');
      return;
    }
  }
}

std::string to_json(const Value& v) {
  std::string out;
  append_json(out, v);
  return out;
}

}  // namespace docpipe
