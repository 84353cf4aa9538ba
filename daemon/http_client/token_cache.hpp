#pragma once

#include <chrono>
#include <optional>

#include "crmsync/sdk/http.hpp"

namespace crmsync::http_client {

// The access token a client holds, and when to fetch a fresh one: at 90 % of
// its lifetime, so a long page loop never sends a token about to die.
class TokenCache {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  [[nodiscard]] const sdk::AccessToken* usable(TimePoint now) const;
  void store(sdk::AccessToken token, TimePoint now);
  void invalidate();
  [[nodiscard]] const sdk::AccessToken* last() const { return token_ ? &*token_ : nullptr; }

 private:
  std::optional<sdk::AccessToken> token_;
  TimePoint refresh_at_{};
};

}  // namespace crmsync::http_client
