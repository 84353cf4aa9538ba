#include "zoho_crm_connector.hpp"

#include <exception>

#include "misconfigured_source.hpp"
#include "zoho_crm_source.hpp"
#include "zoho_settings.hpp"

namespace crmsync::zoho_crm {

sdk::ConfigSpec ZohoCrmConnector::config_spec() const {
  return ZohoSettings::spec();
}

std::vector<sdk::ConfigProblem> ZohoCrmConnector::validate(const sdk::ConfigValue& options) const {
  std::vector<sdk::ConfigProblem> problems;
  try {
    (void)ZohoSettings::parse(options, problems);
  } catch (const std::exception& e) {
    problems.push_back({"", std::string("cannot check the options: ") + e.what()});
  }
  return problems;
}

std::unique_ptr<sdk::SourceConnector> ZohoCrmConnector::create_source(
    const sdk::InstanceContext& context) const {
  try {
    std::vector<sdk::ConfigProblem> problems;
    auto settings = ZohoSettings::parse(context.options, problems);
    if (!settings) {
      std::string text;
      for (const auto& problem : problems)
        text += (text.empty() ? "" : "; ") + problem.path + ": " + problem.message;
      return std::make_unique<MisconfiguredSource>(text);
    }
    return std::make_unique<ZohoCrmSource>(std::move(*settings), context.instance_name, context.host);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace crmsync::zoho_crm
