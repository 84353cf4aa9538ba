#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "crmsync/sdk/http.hpp"

namespace crmsync::sdk {

enum class LogLevel { debug, info, warning, error };

// Logging owned by the host: lines carry the connector instance name, go to
// the journal or the terminal, and have every secret the host knows redacted.
class Logger {
 public:
  virtual ~Logger() = default;
  virtual void log(LogLevel level, const std::string& message) = 0;

  void debug(const std::string& m) { log(LogLevel::debug, m); }
  void info(const std::string& m) { log(LogLevel::info, m); }
  void warning(const std::string& m) { log(LogLevel::warning, m); }
  void error(const std::string& m) { log(LogLevel::error, m); }
};

// Time as the host sees it; tests substitute a fixed clock.
class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual std::chrono::system_clock::time_point now() const = 0;
};

// Secrets by name, from the systemd credential directory or the environment.
class Secrets {
 public:
  virtual ~Secrets() = default;
  [[nodiscard]] virtual std::optional<std::string> get(const std::string& name) const = 0;
};

// What the host lends a connector instance for its lifetime. The pointers
// stay valid until the connector object is destroyed.
struct HostServices {
  Logger* logger = nullptr;
  const Clock* clock = nullptr;
  const Secrets* secrets = nullptr;
  HttpService* http = nullptr;  // libcurl-backed; retries, rate budgets and tokens
};

}  // namespace crmsync::sdk
