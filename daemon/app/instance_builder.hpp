#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "daemon/app/action_instance.hpp"
#include "daemon/config/daemon_config.hpp"
#include "daemon/pipeline/connector_instance.hpp"
#include "daemon/plugin_host/plugin_registry.hpp"

namespace crmsync::app {

// The instances a config describes, or every reason some could not be made.
struct InstanceBuild {
  std::vector<std::shared_ptr<pipeline::ConnectorInstance>> instances;
  // Instances the journey names as channels, as action connectors. A CRM
  // that also reads is in `instances` as well.
  std::vector<std::shared_ptr<ActionInstance>> actions;
  std::vector<std::string> problems;  // "file:line:col: message"
};

// Makes ConnectorInstances from a config: finds each instance's plugin,
// validates its options against the plugin's option table and the plugin's
// own checks, and creates the source object.
class InstanceBuilder {
 public:
  InstanceBuilder(const plugin_host::PluginRegistry& registry, const sdk::Clock& clock,
                  const sdk::Secrets& secrets);

  // `reuse` holds running instances whose fingerprint may match: those are kept
  // as they are instead of being made again.
  [[nodiscard]] InstanceBuild build(
      const config::DaemonConfig& config,
      const std::map<std::string, std::shared_ptr<pipeline::ConnectorInstance>>& reuse = {}) const;

 private:
  const plugin_host::PluginRegistry& registry_;
  const sdk::Clock& clock_;
  const sdk::Secrets& secrets_;
};

}  // namespace crmsync::app
