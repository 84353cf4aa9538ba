#include "hubspot_connector.hpp"

#include <exception>

#include "hubspot_settings.hpp"
#include "hubspot_source.hpp"
#include "misconfigured_source.hpp"

namespace crmsync::hubspot {

sdk::ConfigSpec HubSpotConnector::config_spec() const {
  return HubSpotSettings::spec();
}

std::vector<sdk::ConfigProblem> HubSpotConnector::validate(const sdk::ConfigValue& options) const {
  std::vector<sdk::ConfigProblem> problems;
  try {
    (void)HubSpotSettings::parse(options, problems);
  } catch (const std::exception& e) {
    problems.push_back({"", std::string("cannot check the options: ") + e.what()});
  }
  return problems;
}

std::unique_ptr<sdk::SourceConnector> HubSpotConnector::create_source(
    const sdk::InstanceContext& context) const {
  try {
    std::vector<sdk::ConfigProblem> problems;
    auto settings = HubSpotSettings::parse(context.options, problems);
    if (!settings) {
      std::string text;
      for (const auto& problem : problems)
        text += (text.empty() ? "" : "; ") + problem.path + ": " + problem.message;
      return std::make_unique<MisconfiguredSource>(text);
    }
    return std::make_unique<HubSpotSource>(std::move(*settings), context.instance_name, context.host);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace crmsync::hubspot
