#include "sample_token_source.hpp"

#include <nlohmann/json.hpp>

#include "url_encoding.hpp"

namespace crmsync::conformance::sample {

SampleTokenSource::SampleTokenSource(const SampleSettings& settings) : settings_(settings) {}

sdk::HttpRequest SampleTokenSource::token_request() const {
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = settings_.base_url + "/oauth/token";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  request.body = "grant_type=client_credentials&client_id=" + url_encode(settings_.client_id) +
                 "&client_secret=" + url_encode(settings_.client_secret);
  return request;
}

std::optional<sdk::AccessToken> SampleTokenSource::parse_token(const sdk::HttpResponse& response,
                                                               std::string& error) const {
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status != 200 || !body.is_object() || !body.contains("access_token") ||
      !body["access_token"].is_string()) {
    error = body.is_object() ? body.value("error", std::string("no access_token in the answer"))
                             : "the answer is not JSON";
    return std::nullopt;
  }
  sdk::AccessToken token;
  token.value = body["access_token"].get<std::string>();
  if (body.contains("expires_in") && body["expires_in"].is_number_integer()) {
    token.lifetime = std::chrono::seconds(body["expires_in"].get<long>());
  }
  return token;
}

void SampleTokenSource::apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const {
  request.headers.emplace_back("Authorization", "Bearer " + token.value);
}

bool SampleTokenSource::rejects_token(const sdk::HttpResponse& response) const {
  if (response.status == 401) return true;
  if (response.status != 200) return false;
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  return body.is_object() && body.contains("error_code") && body["error_code"] == "TOKEN_EXPIRED";
}

}  // namespace crmsync::conformance::sample
