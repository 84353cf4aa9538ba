#pragma once

#include "crmsync/sdk/http.hpp"

#include "sample_settings.hpp"

namespace crmsync::conformance::sample {

// OAuth2 client credentials; an expired token is a 401, or a 200 carrying
// {"error_code": "TOKEN_EXPIRED"}.
class SampleTokenSource final : public sdk::TokenSource {
 public:
  explicit SampleTokenSource(const SampleSettings& settings);

  [[nodiscard]] sdk::HttpRequest token_request() const override;
  [[nodiscard]] std::optional<sdk::AccessToken> parse_token(const sdk::HttpResponse& response,
                                                            std::string& error) const override;
  void apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const override;
  [[nodiscard]] bool rejects_token(const sdk::HttpResponse& response) const override;

 private:
  const SampleSettings& settings_;
};

}  // namespace crmsync::conformance::sample
