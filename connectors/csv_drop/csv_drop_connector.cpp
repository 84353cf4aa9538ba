#include "csv_drop_connector.hpp"

#include <exception>

#include "csv_drop_settings.hpp"
#include "csv_drop_source.hpp"
#include "misconfigured_source.hpp"

namespace crmsync::csv_drop {

sdk::ConfigSpec CsvDropConnector::config_spec() const {
  return CsvDropSettings::spec();
}

std::vector<sdk::ConfigProblem> CsvDropConnector::validate(const sdk::ConfigValue& options) const {
  std::vector<sdk::ConfigProblem> problems;
  try {
    (void)CsvDropSettings::parse(options, problems);
  } catch (const std::exception& e) {
    problems.push_back({"", std::string("cannot check the options: ") + e.what()});
  }
  return problems;
}

std::unique_ptr<sdk::SourceConnector> CsvDropConnector::create_source(
    const sdk::InstanceContext& context) const {
  try {
    std::vector<sdk::ConfigProblem> problems;
    auto settings = CsvDropSettings::parse(context.options, problems);
    if (!settings) {
      std::string text;
      for (const auto& problem : problems)
        text += (text.empty() ? "" : "; ") + problem.path + ": " + problem.message;
      return std::make_unique<MisconfiguredSource>(text);
    }
    return std::make_unique<CsvDropSource>(std::move(*settings), context.host);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace crmsync::csv_drop
