#include "daemon/app/action_instance.hpp"

#include <utility>

namespace crmsync::app {

ActionInstance::ActionInstance(std::string name, std::shared_ptr<plugin_host::LoadedPlugin> plugin)
    : name_(std::move(name)),
      plugin_(std::move(plugin)),
      logger_(name_),
      http_(http_client::CurlHttpService::process_wide(), name_, &logger_) {}

ActionInstance::~ActionInstance() {
  // The action object goes first, while the logger it was lent still exists.
  action_.reset();
}

Expected<std::shared_ptr<ActionInstance>, std::string> ActionInstance::create(
    const config::InstanceConfig& config, const std::shared_ptr<plugin_host::LoadedPlugin>& plugin,
    sdk::ConfigValue options, const sdk::Clock& clock, const sdk::Secrets& secrets) {
  std::shared_ptr<ActionInstance> instance(new ActionInstance(config.name, plugin));
  sdk::InstanceContext context{config.name, std::move(options),
                               sdk::HostServices{&instance->logger_, &clock, &secrets, &instance->http_}};
  auto action = plugin->create_action(context);
  if (!action) return Unexpected<std::string>(action.error());
  instance->action_ = std::move(action).value();
  return instance;
}

}  // namespace crmsync::app
