#pragma once

#include <memory>
#include <vector>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::smtp {

// The smtp plugin's factory: the option table, its cross-field checks, and
// action instances that share their checked settings.
class SmtpConnector final : public sdk::Connector {
 public:
  [[nodiscard]] sdk::ConfigSpec config_spec() const override;
  [[nodiscard]] std::vector<sdk::ConfigProblem> validate(const sdk::ConfigValue& options) const override;
  [[nodiscard]] std::unique_ptr<sdk::ActionConnector> create_action(
      const sdk::InstanceContext& context) const override;
};

}  // namespace crmsync::smtp
