#pragma once

#include <cstdint>
#include <string>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::connectors::template_connector {

// A source holding `customers` generated customers with ids 1..N. Its cursor
// is the last id emitted, so a read resumes exactly where the host's last
// committed batch ended.
class TemplateSource final : public sdk::SourceConnector {
 public:
  explicit TemplateSource(const sdk::InstanceContext& context);
  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override;
  sdk::Status read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) override;

 private:
  std::int64_t customers_;
  std::int64_t batch_size_;
  std::string name_prefix_;
  sdk::Logger& logger_;
};

}  // namespace crmsync::connectors::template_connector
