#pragma once

#include <string>

namespace crmsync::scheduler {

// Survey and unsubscribe links carry HMAC-SHA256(signing key, idempotency
// key) in base64url: unguessable without the key, and the same for the same
// planned message, so a re-rendered mail keeps its links.
class SurveyTokenSigner {
 public:
  explicit SurveyTokenSigner(std::string signing_key);

  [[nodiscard]] std::string sign(const std::string& idempotency_key) const;
  // Constant time: how many leading characters match leaks nothing.
  [[nodiscard]] bool verify(const std::string& token, const std::string& idempotency_key) const;

 private:
  std::string signing_key_;
};

}  // namespace crmsync::scheduler
