#include "daemon/app/instance_builder.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "daemon/config/config_problem_locator.hpp"
#include "daemon/config/option_validator.hpp"

namespace crmsync::app {
namespace {

std::string known_connectors(const plugin_host::PluginRegistry& registry) {
  std::string names;
  for (const auto& plugin : registry.plugins()) names += (names.empty() ? "" : ", ") + plugin->name();
  return names.empty() ? "none" : names;
}

bool is_journey_channel(const config::DaemonConfig& config, const std::string& instance) {
  const auto& journey = config.journey;
  if (!journey.enabled) return false;
  if (journey.reminders.channel == instance) return true;
  return std::any_of(journey.surveys.begin(), journey.surveys.end(),
                     [&](const config::SurveyRule& rule) { return rule.channel == instance; });
}

}  // namespace

InstanceBuilder::InstanceBuilder(const plugin_host::PluginRegistry& registry, const sdk::Clock& clock,
                                 const sdk::Secrets& secrets)
    : registry_(registry), clock_(clock), secrets_(secrets) {}

InstanceBuild InstanceBuilder::build(
    const config::DaemonConfig& config,
    const std::map<std::string, std::shared_ptr<pipeline::ConnectorInstance>>& reuse) const {
  InstanceBuild build;
  const config::OptionValidator validator;
  for (const auto& instance : config.instances) {
    const auto problem_at = [&](const config::SourceLocation& where, const std::string& message) {
      build.problems.push_back(config::ConfigError{where, message}.to_string());
    };
    auto plugin = registry_.find(instance.connector);
    if (!plugin) {
      problem_at(instance.location,
                 fmt::format("instance '{}': no connector plugin named '{}' (loaded: {})", instance.name,
                             instance.connector, known_connectors(registry_)));
      continue;
    }
    auto spec = plugin->config_spec();
    if (!spec) {
      problem_at(instance.location, spec.error());
      continue;
    }
    auto options = validator.validate(instance, spec.value(), config);
    if (!options) {
      for (const auto& error : options.error()) build.problems.push_back(error.to_string());
      continue;
    }
    const auto plugin_problems = plugin->validate(options.value());
    if (!plugin_problems.empty()) {
      for (const auto& problem : plugin_problems) {
        build.problems.push_back(config::ConfigProblemLocator::locate(instance.options, problem,
                                                                      instance.location.file,
                                                                      instance.location, *config.secrets)
                                     .to_string());
      }
      continue;
    }

    if (is_journey_channel(config, instance.name)) {
      auto action = ActionInstance::create(instance, plugin, options.value(), clock_, secrets_);
      if (!action) {
        problem_at(instance.location, fmt::format("instance '{}': {}", instance.name, action.error()));
        continue;
      }
      build.actions.push_back(std::move(action).value());
      // A CRM that creates tasks may read as well; an smtp channel does not.
      auto source =
          pipeline::ConnectorInstance::create(instance, plugin, std::move(options).value(), clock_, secrets_);
      if (source) build.instances.push_back(std::move(source).value());
      continue;
    }
    // An unchanged instance keeps running as it is: its connection state,
    // its place in the schedule.
    auto running = reuse.find(instance.name);
    if (running != reuse.end() &&
        running->second->fingerprint() ==
            pipeline::ConnectorInstance::fingerprint_of(instance, plugin->path().string())) {
      build.instances.push_back(running->second);
      continue;
    }
    auto made =
        pipeline::ConnectorInstance::create(instance, plugin, std::move(options).value(), clock_, secrets_);
    if (!made) {
      problem_at(instance.location, fmt::format("instance '{}': {}", instance.name, made.error()));
      continue;
    }
    build.instances.push_back(std::move(made).value());
  }
  return build;
}

}  // namespace crmsync::app
