#pragma once

#include <memory>
#include <vector>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::odoo {

// The odoo plugin's factory: declares the option table, checks the options
// and creates sources over checked settings.
class OdooConnector final : public sdk::Connector {
 public:
  [[nodiscard]] sdk::ConfigSpec config_spec() const override;
  [[nodiscard]] std::vector<sdk::ConfigProblem> validate(const sdk::ConfigValue& options) const override;
  [[nodiscard]] std::unique_ptr<sdk::SourceConnector> create_source(
      const sdk::InstanceContext& context) const override;
};

}  // namespace crmsync::odoo
