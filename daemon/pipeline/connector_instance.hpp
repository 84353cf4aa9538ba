#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

#include "daemon/common/expected.hpp"
#include "daemon/config/daemon_config.hpp"
#include "daemon/http_client/instance_http_service.hpp"
#include "daemon/model/record_normalizer.hpp"
#include "daemon/plugin_host/instance_logger.hpp"
#include "daemon/plugin_host/loaded_plugin.hpp"

namespace crmsync::pipeline {

// One configured, running source connector: its config, the plugin object
// made for it, the services lent to that object and its normaliser.
class ConnectorInstance {
 public:
  static Expected<std::shared_ptr<ConnectorInstance>, std::string> create(
      const config::InstanceConfig& config, const std::shared_ptr<plugin_host::LoadedPlugin>& plugin,
      sdk::ConfigValue options, const sdk::Clock& clock, const sdk::Secrets& secrets);

  ConnectorInstance(const ConnectorInstance&) = delete;
  ConnectorInstance& operator=(const ConnectorInstance&) = delete;
  ~ConnectorInstance();

  [[nodiscard]] const std::string& name() const { return config_.name; }
  [[nodiscard]] const config::InstanceConfig& config() const { return config_; }
  [[nodiscard]] const plugin_host::LoadedPlugin& plugin() const { return *plugin_; }
  [[nodiscard]] sdk::SourceConnector& source() { return *source_; }
  [[nodiscard]] const model::RecordNormalizer& normalizer() const { return normalizer_; }
  // The streams the connector declared; a throwing plugin yields an error.
  [[nodiscard]] Expected<std::vector<sdk::StreamInfo>, std::string> streams() const;

  // Asks a run in progress to stop after the batch in flight (on removal at reload).
  void request_cancel() { cancelled_.store(true); }
  [[nodiscard]] bool cancelled() const { return cancelled_.load(); }

  // What identifies this instance's configuration: equal fingerprints mean a
  // reload can keep the running instance.
  [[nodiscard]] const std::string& fingerprint() const { return fingerprint_; }
  static std::string fingerprint_of(const config::InstanceConfig& config, const std::string& plugin_path);

 private:
  ConnectorInstance(config::InstanceConfig config, std::shared_ptr<plugin_host::LoadedPlugin> plugin);

  config::InstanceConfig config_;
  std::shared_ptr<plugin_host::LoadedPlugin> plugin_;
  plugin_host::InstanceLogger logger_;     // declared before source_: outlives it
  http_client::InstanceHttpService http_;  // likewise; its budgets live in the process-wide service
  model::RecordNormalizer normalizer_;
  std::shared_ptr<sdk::SourceConnector> source_;
  std::atomic<bool> cancelled_{false};
  std::string fingerprint_;
};

}  // namespace crmsync::pipeline
