#pragma once

#include <memory>
#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

#include "fxiaoke_record_mapper.hpp"
#include "fxiaoke_settings.hpp"
#include "fxiaoke_token_source.hpp"

namespace crmsync::fxiaoke {

// One configured fxiaoke instance: its streams and their reads. The HTTP
// client (and so the corpAccessToken) is shared by all streams.
class FxiaokeSource final : public sdk::SourceConnector {
 public:
  FxiaokeSource(FxiaokeSettings settings, std::string instance_name, sdk::HostServices host);

  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override;
  sdk::Status read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) override;

 private:
  sdk::Status read_checked(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink,
                           const std::string& place);

  FxiaokeSettings settings_;
  std::string instance_name_;
  sdk::HostServices host_;
  FxiaokeTokenSource token_source_;
  FxiaokeRecordMapper mapper_;
  std::unique_ptr<sdk::HttpClient> client_;
};

}  // namespace crmsync::fxiaoke
