#pragma once

#include <string>

#include "crmsync/sdk/host.hpp"

namespace crmsync::plugin_host {

// The Logger a connector instance gets: every line is tagged with the
// instance name and goes through the daemon's logger, which redacts secrets.
class InstanceLogger final : public sdk::Logger {
 public:
  explicit InstanceLogger(std::string instance);
  void log(sdk::LogLevel level, const std::string& message) override;

 private:
  std::string instance_;
};

}  // namespace crmsync::plugin_host
