// Value: a JSON-compatible value (null, bool, integer, double, string, array, object).
//
// Used for document metadata, annotation attributes, summaries and stage parameters, so that
// everything a stage records can be written to JSON without loss. Objects keep insertion
// order (output is stable and readable) and are looked up linearly: they are small in practice.
// Value has value semantics (deep copies). Strings are UTF-8.
#ifndef DOCPIPE_VALUE_H_
#define DOCPIPE_VALUE_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace docpipe {

class Value {
 public:
  enum class Type { kNull, kBool, kInt, kDouble, kString, kArray, kObject };
  using Array = std::vector<Value>;
  using Member = std::pair<std::string, Value>;

  // An insertion-ordered string -> Value map.
  class Object {
   public:
    Object() = default;
    Object(std::initializer_list<Member> members);

    // Returns nullptr when absent.
    const Value* find(std::string_view key) const noexcept;
    Value* find(std::string_view key) noexcept;
    bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
    // Inserts or overwrites; keeps the position of an existing key.
    Value& set(std::string key, Value value);
    // Returns the value for key, inserting null when absent.
    Value& operator[](std::string_view key);
    // Returns true when the key existed.
    bool erase(std::string_view key);

    std::size_t size() const noexcept { return members_.size(); }
    bool empty() const noexcept { return members_.empty(); }
    void clear() noexcept { members_.clear(); }
    void reserve(std::size_t n) { members_.reserve(n); }
    auto begin() noexcept { return members_.begin(); }
    auto end() noexcept { return members_.end(); }
    auto begin() const noexcept { return members_.begin(); }
    auto end() const noexcept { return members_.end(); }
    // Appends without checking for an existing key. REQUIRES: key is not present.
    void append_unchecked(std::string key, Value value);

    friend bool operator==(const Object& a, const Object& b);

   private:
    std::vector<Member> members_;
  };

  Value() noexcept = default;  // null
  Value(std::nullptr_t) noexcept {}                       // NOLINT
  Value(bool b) noexcept : v_(b) {}                       // NOLINT
  template <typename I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
  Value(I i) noexcept : v_(static_cast<std::int64_t>(i)) {}  // NOLINT
  Value(double d) noexcept : v_(d) {}                     // NOLINT
  Value(float d) noexcept : v_(static_cast<double>(d)) {} // NOLINT
  Value(const char* s) : v_(std::string(s)) {}            // NOLINT
  Value(std::string s) noexcept : v_(std::move(s)) {}     // NOLINT
  Value(std::string_view s) : v_(std::string(s)) {}       // NOLINT
  Value(Array a) noexcept : v_(std::move(a)) {}           // NOLINT
  Value(Object o) noexcept : v_(std::move(o)) {}          // NOLINT

  static Value array() { return Value(Array{}); }
  static Value object() { return Value(Object{}); }

  Type type() const noexcept { return static_cast<Type>(v_.index()); }
  bool is_null() const noexcept { return type() == Type::kNull; }
  bool is_bool() const noexcept { return type() == Type::kBool; }
  bool is_int() const noexcept { return type() == Type::kInt; }
  bool is_double() const noexcept { return type() == Type::kDouble; }
  bool is_number() const noexcept { return is_int() || is_double(); }
  bool is_string() const noexcept { return type() == Type::kString; }
  bool is_array() const noexcept { return type() == Type::kArray; }
  bool is_object() const noexcept { return type() == Type::kObject; }

  // Accessors. REQUIRES: the value holds that type (as_double also accepts an integer).
  bool as_bool() const { return std::get<bool>(v_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
  double as_double() const;
  const std::string& as_string() const { return std::get<std::string>(v_); }
  std::string& as_string() { return std::get<std::string>(v_); }
  const Array& as_array() const { return std::get<Array>(v_); }
  Array& as_array() { return std::get<Array>(v_); }
  const Object& as_object() const { return std::get<Object>(v_); }
  Object& as_object() { return std::get<Object>(v_); }

  // Lenient accessors: the fallback when the type differs.
  bool bool_or(bool fallback) const noexcept { return is_bool() ? as_bool() : fallback; }
  std::int64_t int_or(std::int64_t fallback) const noexcept { return is_int() ? as_int() : fallback; }
  double number_or(double fallback) const noexcept { return is_number() ? as_double() : fallback; }
  std::string_view string_or(std::string_view fallback) const noexcept {
    return is_string() ? std::string_view(as_string()) : fallback;
  }

  // Object member lookup; nullptr when this is not an object or the key is absent.
  const Value* find(std::string_view key) const noexcept;
  // Object member access; a null value first becomes an empty object.
  // REQUIRES: is_null() || is_object()
  Value& operator[](std::string_view key);

  // The name of a type as a person says it: "string", "integer"...
  static const char* type_name(Type t) noexcept;

  friend bool operator==(const Value& a, const Value& b);
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

 private:
  std::variant<std::monostate, bool, std::int64_t, double, std::string, Array, Object> v_;
};

// Compact JSON text for a value (UTF-8, no insignificant whitespace). Invalid UTF-8 in strings
// is written as U+FFFD so the output is always valid JSON.
std::string to_json(const Value& v);
// Appends the JSON text of v to out.
void append_json(std::string& out, const Value& v);
// Appends s as a JSON string literal (with quotes) to out; see to_json about invalid UTF-8.
void append_json_string(std::string& out, std::string_view s);

}  // namespace docpipe

#endif  // DOCPIPE_VALUE_H_
