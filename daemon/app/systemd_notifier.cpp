#include "daemon/app/systemd_notifier.hpp"

#include <algorithm>
#include <cstdint>

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

namespace crmsync::app {
namespace {

// STATUS= is one line; a newline would start a new assignment.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

SystemdNotifier::SystemdNotifier() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
    watchdog_interval_ = std::chrono::microseconds(usec / 2);
  }
}

void SystemdNotifier::send(const std::string& state) {
  const int rc = sd_notify(0, state.c_str());
  if (rc < 0) spdlog::debug("sd_notify failed: {}", -rc);
}

void SystemdNotifier::ready(const std::string& status) {
  send("READY=1\nSTATUS=" + one_line(status));
}
void SystemdNotifier::status(const std::string& status) {
  send("STATUS=" + one_line(status));
}
void SystemdNotifier::stopping(const std::string& status) {
  send("STOPPING=1\nSTATUS=" + one_line(status));
}
void SystemdNotifier::reloading() {
  send("RELOADING=1\nSTATUS=reloading configuration");
}
void SystemdNotifier::watchdog() {
  send("WATCHDOG=1");
}

}  // namespace crmsync::app
