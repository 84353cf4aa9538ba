#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/connector.hpp"

#include "sample_settings.hpp"
#include "sample_token_source.hpp"

namespace crmsync::conformance::sample {

// Reads /api/v1/customers page by page. The committed cursor is the UTC
// `updated_at` of the last record of a batch; the API's `updated_since` is
// inclusive, so a resumed read repeats that record once (an upsert, harmless).
class SampleSource final : public sdk::SourceConnector {
 public:
  explicit SampleSource(const sdk::InstanceContext& context);

  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override;
  sdk::Status read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) override;

 private:
  [[nodiscard]] std::string page_url(const std::string& cursor, const std::string& page_token) const;
  // Turns one page into a batch; `cursor` moves to the last record's time.
  sdk::RecordBatch batch_of(const nlohmann::json& page, std::string& cursor) const;

  SampleSettings settings_;
  SampleTokenSource tokens_;
  std::unique_ptr<sdk::HttpClient> client_;
  sdk::Logger* logger_;
  std::string instance_;
};

}  // namespace crmsync::conformance::sample
