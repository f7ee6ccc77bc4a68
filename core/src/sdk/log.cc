#include "docpipe/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace docpipe {
namespace {

void stderr_sink(void*, LogLevel level, std::string_view logger, std::string_view message) noexcept {
  static const char* const kNames[] = {"trace", "debug", "info", "warning", "error", "", "off"};
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  std::fprintf(stderr, "[%s] %.*s: %.*s\n", kNames[static_cast<int>(level)],
               static_cast<int>(logger.size()), logger.data(), static_cast<int>(message.size()),
               message.data());
}

struct SinkState {
  LogSink sink;
  void* context;
};

// The sink is swapped as a whole; readers take a consistent copy under a short lock.
std::mutex g_sink_mu;
SinkState g_sink{&stderr_sink, nullptr};
std::atomic<int> g_level{static_cast<int>(LogLevel::kWarn)};

}  // namespace

void set_log_sink(LogSink sink, void* context, LogLevel min_level) noexcept {
  {
    std::lock_guard<std::mutex> lock(g_sink_mu);
    g_sink = sink ? SinkState{sink, context} : SinkState{&stderr_sink, nullptr};
  }
  g_level.store(static_cast<int>(min_level), std::memory_order_relaxed);
}

void set_log_level(LogLevel min_level) noexcept {
  g_level.store(static_cast<int>(min_level), std::memory_order_relaxed);
}

LogLevel log_level() noexcept { return static_cast<LogLevel>(g_level.load(std::memory_order_relaxed)); }

bool log_enabled(LogLevel level) noexcept {
  return static_cast<int>(level) >= g_level.load(std::memory_order_relaxed) &&
         level != LogLevel::kOff;
}

void log_message(LogLevel level, std::string_view logger, std::string_view message) noexcept {
  if (!log_enabled(level)) return;
  SinkState s;
  {
    std::lock_guard<std::mutex> lock(g_sink_mu);
    s = g_sink;
  }
  s.sink(s.context, level, logger, message);
}

}  // namespace docpipe
