#pragma once

#include "crmsync/sdk/connector.hpp"

namespace crmsync::connectors::template_connector {

// The factory: declares the option table once, validates what the table
// cannot express, and makes one source object per configured instance.
class TemplateConnector final : public sdk::Connector {
 public:
  [[nodiscard]] sdk::ConfigSpec config_spec() const override;
  [[nodiscard]] std::vector<sdk::ConfigProblem> validate(const sdk::ConfigValue& options) const override;
  [[nodiscard]] std::unique_ptr<sdk::SourceConnector> create_source(
      const sdk::InstanceContext& context) const override;
};

}  // namespace crmsync::connectors::template_connector
