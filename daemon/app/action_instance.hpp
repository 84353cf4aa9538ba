#pragma once

#include <memory>
#include <string>

#include "crmsync/sdk/connector.hpp"

#include "daemon/common/expected.hpp"
#include "daemon/config/daemon_config.hpp"
#include "daemon/http_client/instance_http_service.hpp"
#include "daemon/plugin_host/instance_logger.hpp"
#include "daemon/plugin_host/loaded_plugin.hpp"

namespace crmsync::app {

// One configured action connector (a journey channel such as smtp): the
// plugin object made for it and the services lent to that object.
class ActionInstance {
 public:
  static Expected<std::shared_ptr<ActionInstance>, std::string> create(
      const config::InstanceConfig& config, const std::shared_ptr<plugin_host::LoadedPlugin>& plugin,
      sdk::ConfigValue options, const sdk::Clock& clock, const sdk::Secrets& secrets);

  ActionInstance(const ActionInstance&) = delete;
  ActionInstance& operator=(const ActionInstance&) = delete;
  ~ActionInstance();

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] sdk::ActionConnector& action() { return *action_; }

 private:
  ActionInstance(std::string name, std::shared_ptr<plugin_host::LoadedPlugin> plugin);

  std::string name_;
  std::shared_ptr<plugin_host::LoadedPlugin> plugin_;  // the library outlives the object it made
  plugin_host::InstanceLogger logger_;                 // declared before action_: outlives it
  http_client::InstanceHttpService http_;
  std::shared_ptr<sdk::ActionConnector> action_;
};

}  // namespace crmsync::app
