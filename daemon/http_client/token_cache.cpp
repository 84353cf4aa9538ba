#include "daemon/http_client/token_cache.hpp"

namespace crmsync::http_client {

const sdk::AccessToken* TokenCache::usable(TimePoint now) const {
  if (!token_ || now >= refresh_at_) return nullptr;
  return &*token_;
}

void TokenCache::store(sdk::AccessToken token, TimePoint now) {
  const auto lifetime = std::chrono::duration_cast<std::chrono::milliseconds>(token.lifetime);
  refresh_at_ = now + lifetime * 9 / 10;
  token_ = std::move(token);
}

void TokenCache::invalidate() {
  token_.reset();
}

}  // namespace crmsync::http_client
