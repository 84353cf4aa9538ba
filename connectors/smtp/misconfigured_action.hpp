#pragma once

#include <string>
#include <utility>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::smtp {

// Stands in for an instance whose options did not pass validate() (a host
// that skipped it): every delivery fails with the problems, and nothing is
// ever sent in clear text or from a bad address.
class MisconfiguredAction final : public sdk::ActionConnector {
 public:
  explicit MisconfiguredAction(std::string problems) : problems_(std::move(problems)) {}

  sdk::Status deliver(const sdk::Action& action) override {
    return sdk::Status::failure("action " + action.idempotency_key + ": smtp is misconfigured: " + problems_);
  }

 private:
  std::string problems_;
};

}  // namespace crmsync::smtp
