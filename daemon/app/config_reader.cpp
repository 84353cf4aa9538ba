#include "daemon/app/config_reader.hpp"

#include "daemon/config/config_loader.hpp"

namespace crmsync::app {

Expected<config::DaemonConfig, std::vector<std::string>> read_config(const std::string& path) {
  auto loaded = config::ConfigLoader().load(path);
  if (loaded) return std::move(loaded).value();
  std::vector<std::string> problems;
  problems.reserve(loaded.error().size());
  for (const auto& error : loaded.error()) problems.push_back(error.to_string());
  return Unexpected<std::vector<std::string>>(std::move(problems));
}

}  // namespace crmsync::app
