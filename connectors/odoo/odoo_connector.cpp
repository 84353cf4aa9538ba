#include "odoo_connector.hpp"

#include <exception>

#include "misconfigured_odoo_source.hpp"
#include "odoo_settings.hpp"
#include "odoo_source.hpp"

namespace crmsync::odoo {

sdk::ConfigSpec OdooConnector::config_spec() const {
  return OdooSettings::spec();
}

std::vector<sdk::ConfigProblem> OdooConnector::validate(const sdk::ConfigValue& options) const {
  std::vector<sdk::ConfigProblem> problems;
  try {
    (void)OdooSettings::parse(options, problems);
  } catch (const std::exception& e) {
    problems.push_back({"", std::string("cannot check the options: ") + e.what()});
  }
  return problems;
}

std::unique_ptr<sdk::SourceConnector> OdooConnector::create_source(
    const sdk::InstanceContext& context) const {
  try {
    std::vector<sdk::ConfigProblem> problems;
    auto settings = OdooSettings::parse(context.options, problems);
    if (!settings) {
      std::string text;
      for (const auto& problem : problems)
        text += (text.empty() ? "" : "; ") + problem.path + ": " + problem.message;
      return std::make_unique<MisconfiguredOdooSource>(context.instance_name, text);
    }
    return std::make_unique<OdooSource>(context.instance_name, std::move(*settings), context.host);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace crmsync::odoo
