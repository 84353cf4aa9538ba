#include "daemon/pipeline/connector_instance.hpp"

#include <exception>

#include <yaml-cpp/yaml.h>

namespace crmsync::pipeline {

ConnectorInstance::ConnectorInstance(config::InstanceConfig config,
                                     std::shared_ptr<plugin_host::LoadedPlugin> plugin)
    : config_(std::move(config)),
      plugin_(std::move(plugin)),
      logger_(config_.name),
      http_(http_client::CurlHttpService::process_wide(), config_.name, &logger_),
      normalizer_(model::NormalizerSettings{config_.default_region, config_.default_currency,
                                            config_.default_timezone}),
      fingerprint_(fingerprint_of(config_, plugin_->path().string())) {}

ConnectorInstance::~ConnectorInstance() {
  // The source goes first, while the logger it was lent still exists.
  source_.reset();
}

Expected<std::shared_ptr<ConnectorInstance>, std::string> ConnectorInstance::create(
    const config::InstanceConfig& config, const std::shared_ptr<plugin_host::LoadedPlugin>& plugin,
    sdk::ConfigValue options, const sdk::Clock& clock, const sdk::Secrets& secrets) {
  std::shared_ptr<ConnectorInstance> instance(new ConnectorInstance(config, plugin));
  sdk::InstanceContext context{config.name, std::move(options),
                               sdk::HostServices{&instance->logger_, &clock, &secrets, &instance->http_}};
  auto source = plugin->create_source(context);
  if (!source) return Unexpected<std::string>(source.error());
  instance->source_ = std::move(source).value();
  return instance;
}

Expected<std::vector<sdk::StreamInfo>, std::string> ConnectorInstance::streams() const {
  try {
    return source_->streams();
  } catch (const std::exception& e) {
    return Unexpected<std::string>(std::string("streams() threw: ") + e.what());
  } catch (...) {
    return Unexpected<std::string>("streams() threw a non-standard exception");
  }
}

std::string ConnectorInstance::fingerprint_of(const config::InstanceConfig& config,
                                              const std::string& plugin_path) {
  YAML::Emitter options;
  options << config.options;
  return config.connector + '\n' + plugin_path + '\n' + std::to_string(config.schedule.count()) + '\n' +
         (config.enabled ? "on" : "off") + '\n' + config.default_region + '\n' + config.default_currency +
         '\n' + config.default_timezone + '\n' + options.c_str();
}

}  // namespace crmsync::pipeline
