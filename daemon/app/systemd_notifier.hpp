#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace crmsync::app {

// The sd_notify protocol: tells systemd (or whoever set $NOTIFY_SOCKET) when
// the daemon is ready, what it is doing, that it is alive and that it stops.
// Does nothing when $NOTIFY_SOCKET is unset.
class SystemdNotifier {
 public:
  SystemdNotifier();
  void ready(const std::string& status);
  void status(const std::string& status);
  void stopping(const std::string& status);
  void reloading();
  void watchdog();
  // Half of $WATCHDOG_USEC when the watchdog is enabled for this process.
  [[nodiscard]] std::optional<std::chrono::microseconds> watchdog_interval() const {
    return watchdog_interval_;
  }

 private:
  void send(const std::string& state);
  std::optional<std::chrono::microseconds> watchdog_interval_;
};

}  // namespace crmsync::app
