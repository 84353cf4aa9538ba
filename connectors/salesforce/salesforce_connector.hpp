#pragma once

#include <memory>
#include <vector>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::salesforce {

// The salesforce plugin's factory: the option table, the checks it cannot
// express, and sources built from checked settings.
class SalesforceConnector final : public sdk::Connector {
 public:
  [[nodiscard]] sdk::ConfigSpec config_spec() const override;
  [[nodiscard]] std::vector<sdk::ConfigProblem> validate(const sdk::ConfigValue& options) const override;
  [[nodiscard]] std::unique_ptr<sdk::SourceConnector> create_source(
      const sdk::InstanceContext& context) const override;
};

}  // namespace crmsync::salesforce
