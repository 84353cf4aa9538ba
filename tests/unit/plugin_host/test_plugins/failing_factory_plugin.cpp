// Its Connector's constructor throws: the factory answers nullptr.
#include <stdexcept>

#include "crmsync/sdk/connector.hpp"

namespace {
class FailingConnector final : public crmsync::sdk::Connector {
 public:
  FailingConnector() { throw std::runtime_error("cannot construct"); }
  [[nodiscard]] crmsync::sdk::ConfigSpec config_spec() const override { return {}; }
};
}  // namespace

CRMSYNC_CONNECTOR(FailingConnector, "failing_factory", "1.0.0", "throws on construction")
