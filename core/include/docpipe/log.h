// Logging for plugins, routed through the host.
//
// Plugins never own log sinks: messages go to the sink the host installed in the shared SDK
// library, so every plugin writes to the same place, at the same level, as the docpipe CLI
// (which forwards to spdlog). Without a host (a unit test), messages at warn and above go to
// stderr.
//
//   static const docpipe::Logger log("dating");
//   if (log.enabled(docpipe::LogLevel::kDebug)) log.debug("anchored " + value);
#ifndef DOCPIPE_LOG_H_
#define DOCPIPE_LOG_H_

#include <string>
#include <string_view>

namespace docpipe {

enum class LogLevel : int { kTrace = 0, kDebug = 1, kInfo = 2, kWarn = 3, kError = 4, kOff = 6 };

// The host's sink. `logger` names the component ("dating"); `message` is one line of UTF-8.
using LogSink = void (*)(void* context, LogLevel level, std::string_view logger,
                         std::string_view message) noexcept;

// Installs the process-wide sink and minimum level (host only). Pass nullptr to restore the
// default stderr sink. Safe to call from any thread; messages in flight use the old or the new.
void set_log_sink(LogSink sink, void* context, LogLevel min_level) noexcept;
void set_log_level(LogLevel min_level) noexcept;
LogLevel log_level() noexcept;

bool log_enabled(LogLevel level) noexcept;
void log_message(LogLevel level, std::string_view logger, std::string_view message) noexcept;

class Logger {
 public:
  explicit constexpr Logger(std::string_view name) : name_(name) {}
  bool enabled(LogLevel level) const noexcept { return log_enabled(level); }
  void trace(std::string_view m) const noexcept { log_message(LogLevel::kTrace, name_, m); }
  void debug(std::string_view m) const noexcept { log_message(LogLevel::kDebug, name_, m); }
  void info(std::string_view m) const noexcept { log_message(LogLevel::kInfo, name_, m); }
  void warn(std::string_view m) const noexcept { log_message(LogLevel::kWarn, name_, m); }
  void error(std::string_view m) const noexcept { log_message(LogLevel::kError, name_, m); }

 private:
  std::string_view name_;
};

}  // namespace docpipe

#endif  // DOCPIPE_LOG_H_
