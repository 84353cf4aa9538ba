#pragma once

#include <string>
#include <utility>
#include <vector>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::odoo {

// An instance whose options did not pass validate() (a host that skipped
// it): every read fails naming the problems.
class MisconfiguredOdooSource final : public sdk::SourceConnector {
 public:
  MisconfiguredOdooSource(std::string instance, std::string problems)
      : instance_(std::move(instance)), problems_(std::move(problems)) {}

  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override { return {}; }
  sdk::Status read(const std::string& stream, const std::string& /*cursor*/,
                   sdk::BatchSink& /*sink*/) override {
    return sdk::Status::failure("instance '" + instance_ + "' stream '" + stream +
                                "': odoo is misconfigured: " + problems_);
  }

 private:
  std::string instance_;
  std::string problems_;
};

}  // namespace crmsync::odoo
