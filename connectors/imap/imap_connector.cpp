#include "imap_connector.hpp"

#include <exception>
#include <string>

#include "imap_settings.hpp"
#include "imap_source.hpp"
#include "misconfigured_source.hpp"

namespace crmsync::imap {

sdk::ConfigSpec ImapConnector::config_spec() const {
  return ImapSettings::spec();
}

std::vector<sdk::ConfigProblem> ImapConnector::validate(const sdk::ConfigValue& options) const {
  std::vector<sdk::ConfigProblem> problems;
  try {
    (void)ImapSettings::parse(options, problems);
  } catch (const std::exception& e) {
    problems.push_back({"", std::string("cannot check the options: ") + e.what()});
  }
  return problems;
}

std::unique_ptr<sdk::SourceConnector> ImapConnector::create_source(
    const sdk::InstanceContext& context) const {
  try {
    std::vector<sdk::ConfigProblem> problems;
    auto settings = ImapSettings::parse(context.options, problems);
    if (!settings) {
      std::string text;
      for (const auto& problem : problems)
        text += (text.empty() ? "" : "; ") + problem.path + ": " + problem.message;
      return std::make_unique<MisconfiguredSource>(text);
    }
    return std::make_unique<ImapSource>(context.instance_name, std::move(*settings), context.host);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace crmsync::imap
