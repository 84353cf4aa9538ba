#include "salesforce_connector.hpp"

#include "salesforce_settings.hpp"
#include "salesforce_source.hpp"

namespace crmsync::salesforce {

sdk::ConfigSpec SalesforceConnector::config_spec() const {
  return SalesforceSettings::spec();
}

std::vector<sdk::ConfigProblem> SalesforceConnector::validate(const sdk::ConfigValue& options) const {
  return SalesforceSettings::check(options);
}

std::unique_ptr<sdk::SourceConnector> SalesforceConnector::create_source(
    const sdk::InstanceContext& context) const {
  return std::make_unique<SalesforceSource>(SalesforceSettings::from(context.options), context.instance_name,
                                            context.host);
}

}  // namespace crmsync::salesforce
