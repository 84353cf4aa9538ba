#include "daemon/plugin_host/instance_logger.hpp"

#include <spdlog/spdlog.h>

namespace crmsync::plugin_host {

InstanceLogger::InstanceLogger(std::string instance) : instance_(std::move(instance)) {}

void InstanceLogger::log(sdk::LogLevel level, const std::string& message) {
  switch (level) {
    case sdk::LogLevel::debug:
      spdlog::debug("instance={}: {}", instance_, message);
      break;
    case sdk::LogLevel::info:
      spdlog::info("instance={}: {}", instance_, message);
      break;
    case sdk::LogLevel::warning:
      spdlog::warn("instance={}: {}", instance_, message);
      break;
    case sdk::LogLevel::error:
      spdlog::error("instance={}: {}", instance_, message);
      break;
  }
}

}  // namespace crmsync::plugin_host
