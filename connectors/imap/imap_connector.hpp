#pragma once

#include <memory>
#include <vector>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::imap {

// The imap plugin's factory: the option table, its cross-field checks, and
// sources of the "replies" stream that share their checked settings.
class ImapConnector final : public sdk::Connector {
 public:
  [[nodiscard]] sdk::ConfigSpec config_spec() const override;
  [[nodiscard]] std::vector<sdk::ConfigProblem> validate(const sdk::ConfigValue& options) const override;
  [[nodiscard]] std::unique_ptr<sdk::SourceConnector> create_source(
      const sdk::InstanceContext& context) const override;
};

}  // namespace crmsync::imap
