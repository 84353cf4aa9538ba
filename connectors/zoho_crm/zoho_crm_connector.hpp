#pragma once

#include <memory>
#include <vector>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::zoho_crm {

// The zoho_crm plugin's factory: declares the option table and creates
// sources from checked settings.
class ZohoCrmConnector final : public sdk::Connector {
 public:
  [[nodiscard]] sdk::ConfigSpec config_spec() const override;
  [[nodiscard]] std::vector<sdk::ConfigProblem> validate(const sdk::ConfigValue& options) const override;
  [[nodiscard]] std::unique_ptr<sdk::SourceConnector> create_source(
      const sdk::InstanceContext& context) const override;
};

}  // namespace crmsync::zoho_crm
