// Loads fine, then throws from every call: the host must catch it all.
#include <stdexcept>

#include "crmsync/sdk/connector.hpp"

namespace {
class ThrowingSource final : public crmsync::sdk::SourceConnector {
 public:
  [[nodiscard]] std::vector<crmsync::sdk::StreamInfo> streams() const override {
    throw std::runtime_error("streams exploded");
  }
  crmsync::sdk::Status read(const std::string&, const std::string&, crmsync::sdk::BatchSink&) override {
    throw std::runtime_error("read exploded");
  }
};

class ThrowingConnector final : public crmsync::sdk::Connector {
 public:
  [[nodiscard]] crmsync::sdk::ConfigSpec config_spec() const override {
    throw std::logic_error("spec exploded");
  }
  [[nodiscard]] std::vector<crmsync::sdk::ConfigProblem> validate(
      const crmsync::sdk::ConfigValue&) const override {
    throw 42;  // not even a std::exception
  }
  [[nodiscard]] std::unique_ptr<crmsync::sdk::SourceConnector> create_source(
      const crmsync::sdk::InstanceContext&) const override {
    return std::make_unique<ThrowingSource>();
  }
};
}  // namespace

CRMSYNC_CONNECTOR(ThrowingConnector, "throwing", "1.0.0", "throws from every call")
