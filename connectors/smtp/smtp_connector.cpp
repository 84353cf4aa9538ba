#include "smtp_connector.hpp"

#include <exception>
#include <string>

#include "misconfigured_action.hpp"
#include "smtp_action.hpp"
#include "smtp_settings.hpp"

namespace crmsync::smtp {

sdk::ConfigSpec SmtpConnector::config_spec() const {
  return SmtpSettings::spec();
}

std::vector<sdk::ConfigProblem> SmtpConnector::validate(const sdk::ConfigValue& options) const {
  std::vector<sdk::ConfigProblem> problems;
  try {
    (void)SmtpSettings::parse(options, problems);
  } catch (const std::exception& e) {
    problems.push_back({"", std::string("cannot check the options: ") + e.what()});
  }
  return problems;
}

std::unique_ptr<sdk::ActionConnector> SmtpConnector::create_action(
    const sdk::InstanceContext& context) const {
  try {
    std::vector<sdk::ConfigProblem> problems;
    auto settings = SmtpSettings::parse(context.options, problems);
    if (!settings) {
      std::string text;
      for (const auto& problem : problems)
        text += (text.empty() ? "" : "; ") + problem.path + ": " + problem.message;
      return std::make_unique<MisconfiguredAction>(text);
    }
    return std::make_unique<SmtpAction>(context.instance_name, std::move(*settings), context.host);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace crmsync::smtp
