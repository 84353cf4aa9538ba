#pragma once

#include "crmsync/sdk/connector.hpp"

namespace crmsync::conformance::sample {

// The factory of the sample HTTP source the conformance suite is developed against.
class SampleConnector final : public sdk::Connector {
 public:
  [[nodiscard]] sdk::ConfigSpec config_spec() const override;
  [[nodiscard]] std::vector<sdk::ConfigProblem> validate(const sdk::ConfigValue& options) const override;
  [[nodiscard]] std::unique_ptr<sdk::SourceConnector> create_source(
      const sdk::InstanceContext& context) const override;
};

}  // namespace crmsync::conformance::sample
