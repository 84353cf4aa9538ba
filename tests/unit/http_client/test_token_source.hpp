#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/http.hpp"

namespace crmsync::testing {

// The OAuth2 client-credentials flow of the scripted server: POST <base>/token,
// Bearer header, and "expired" said either as a 401 or as a 200 whose body
// carries {"error_code": "TOKEN_EXPIRED"}.
class TestTokenSource final : public sdk::TokenSource {
 public:
  explicit TestTokenSource(std::string base_url) : base_url_(std::move(base_url)) {}

  [[nodiscard]] sdk::HttpRequest token_request() const override {
    sdk::HttpRequest request;
    request.method = "POST";
    request.url = base_url_ + "/token";
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    request.body = "grant_type=client_credentials&client_id=crm-client&client_secret=s3cr3t-client-value";
    return request;
  }

  [[nodiscard]] std::optional<sdk::AccessToken> parse_token(const sdk::HttpResponse& response,
                                                            std::string& error) const override {
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (response.status != 200 || !body.is_object() || !body.contains("access_token")) {
      error = "no access_token in the answer: " + response.body;
      return std::nullopt;
    }
    sdk::AccessToken token;
    token.value = body["access_token"].get<std::string>();
    token.lifetime = std::chrono::seconds(body.value("expires_in", 3600));
    return token;
  }

  void apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const override {
    request.headers.emplace_back("Authorization", "Bearer " + token.value);
  }

  [[nodiscard]] bool rejects_token(const sdk::HttpResponse& response) const override {
    if (response.status == 401) return true;
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    return response.status == 200 && body.is_object() && body.value("error_code", "") == "TOKEN_EXPIRED";
  }

 private:
  std::string base_url_;
};

}  // namespace crmsync::testing
