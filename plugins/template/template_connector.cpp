#include "template_connector.hpp"

#include "template_source.hpp"

namespace crmsync::connectors::template_connector {

sdk::ConfigSpec TemplateConnector::config_spec() const {
  return {
      {"customers", sdk::OptionType::integer, "10", false, false,
       "How many example customers the source holds."},
      {"batch_size", sdk::OptionType::integer, "100", false, false, "Records per emitted batch."},
      {"name_prefix", sdk::OptionType::string, "Example Customer", false, false,
       "Prefix of generated names."},
  };
}

std::vector<sdk::ConfigProblem> TemplateConnector::validate(const sdk::ConfigValue& options) const {
  std::vector<sdk::ConfigProblem> problems;
  if (options.integer("customers").value_or(0) < 0) problems.push_back({"customers", "must not be negative"});
  if (options.integer("batch_size").value_or(1) < 1) problems.push_back({"batch_size", "must be at least 1"});
  return problems;
}

std::unique_ptr<sdk::SourceConnector> TemplateConnector::create_source(
    const sdk::InstanceContext& context) const {
  return std::make_unique<TemplateSource>(context);
}

}  // namespace crmsync::connectors::template_connector
