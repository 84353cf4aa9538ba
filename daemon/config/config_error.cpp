#include "daemon/config/config_error.hpp"

namespace crmsync::config {

std::string ConfigError::to_string() const {
  return location.to_string() + ": " + message;
}

}  // namespace crmsync::config
