// Status and Result<T>: errors as values.
//
// A Status is either OK or carries a code and a message meant for the person running the
// pipeline. An OK status allocates nothing. Status is a plain value: copyable, movable, safe to
// pass across the plugin boundary. Thread safety: distinct objects may be used concurrently;
// one object is not synchronised.
//
//   docpipe::Status s = stage.process(doc);
//   if (!s.ok()) return s;
#ifndef DOCPIPE_STATUS_H_
#define DOCPIPE_STATUS_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace docpipe {

enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument = 1,  // a parameter, a file or a value is not what it must be
  kNotFound = 2,         // a file, plugin, layer or key does not exist
  kDataError = 3,        // the document cannot be processed (bad encoding, too large...)
  kUnavailable = 4,      // a resource (model file, server) cannot be reached or read
  kTimeout = 5,          // a time limit was exceeded
  kInternal = 6,         // a bug or an unexpected exception
};

// Returns a short lowercase name such as "invalid_argument".
const char* status_code_name(StatusCode code) noexcept;

class Status {
 public:
  Status() noexcept = default;  // OK
  Status(StatusCode code, std::string message);

  static Status OK() noexcept { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status DataError(std::string msg) {
    return Status(StatusCode::kDataError, std::move(msg));
  }
  static Status Unavailable(std::string msg) {
    return Status(StatusCode::kUnavailable, std::move(msg));
  }
  static Status Timeout(std::string msg) { return Status(StatusCode::kTimeout, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }

  bool ok() const noexcept { return state_ == nullptr; }
  StatusCode code() const noexcept { return state_ ? state_->code : StatusCode::kOk; }
  // Empty for OK.
  const std::string& message() const noexcept;
  // "invalid_argument: message", or "ok".
  std::string ToString() const;

  // Returns a status with the same code and "context: message".
  Status WithContext(std::string_view context) const;

 private:
  struct State {
    StatusCode code;
    std::string message;
  };
  std::shared_ptr<const State> state_;  // null means OK
};

// A value or the Status that explains why there is none.
//   Result<Params> r = validate(...);
//   if (!r.ok()) return r.status();
//   use(*r);
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}         // NOLINT: must not be OK
  bool ok() const noexcept { return v_.index() == 0; }
  // REQUIRES: ok()
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  // OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<1>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace docpipe

#endif  // DOCPIPE_STATUS_H_
