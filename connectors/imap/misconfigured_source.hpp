#pragma once

#include <string>
#include <utility>
#include <vector>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::imap {

// Stands in for an instance whose options did not pass validate() (a host
// that skipped it): every read fails with the problems, and no login is ever
// tried in clear text.
class MisconfiguredSource final : public sdk::SourceConnector {
 public:
  explicit MisconfiguredSource(std::string problems) : problems_(std::move(problems)) {}

  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override { return {}; }
  sdk::Status read(const std::string& /*stream*/, const std::string& /*cursor*/,
                   sdk::BatchSink& /*sink*/) override {
    return sdk::Status::failure("imap is misconfigured: " + problems_);
  }

 private:
  std::string problems_;
};

}  // namespace crmsync::imap
