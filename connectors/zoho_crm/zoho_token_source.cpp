#include "zoho_token_source.hpp"

#include <nlohmann/json.hpp>

#include "json_text.hpp"
#include "url_encoding.hpp"

namespace crmsync::zoho_crm {

ZohoTokenSource::ZohoTokenSource(const ZohoSettings& settings) : settings_(settings) {}

sdk::HttpRequest ZohoTokenSource::token_request() const {
  sdk::HttpRequest request;
  request.method = "POST";
  const char separator = settings_.token_url.find('?') == std::string::npos ? '?' : '&';
  request.url = settings_.token_url + separator + "refresh_token=" + url_encode(settings_.refresh_token) +
                "&client_id=" + url_encode(settings_.client_id) +
                "&client_secret=" + url_encode(settings_.client_secret) + "&grant_type=refresh_token";
  request.authorize = false;
  return request;
}

std::optional<sdk::AccessToken> ZohoTokenSource::parse_token(const sdk::HttpResponse& response,
                                                             std::string& error) const {
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    error = "token endpoint answered HTTP " + std::to_string(response.status) + " without a JSON object";
    return std::nullopt;
  }
  // Zoho reports a refused refresh token as {"error":"invalid_code"}, often with HTTP 200.
  if (const auto refusal = member_text(body, "error")) {
    error = "token endpoint refused the refresh token: " + *refusal;
    if (const auto description = member_text(body, "error_description")) error += " (" + *description + ")";
    return std::nullopt;
  }
  const auto value = member_text(body, "access_token");
  if (!value) {
    error = "token endpoint answered HTTP " + std::to_string(response.status) + " without an access_token";
    return std::nullopt;
  }
  sdk::AccessToken token;
  token.value = *value;
  if (const auto lifetime = member_text(body, "expires_in")) {
    try {
      token.lifetime = std::chrono::seconds(std::stoll(*lifetime));
    } catch (...) {
      token.lifetime = std::chrono::seconds(3600);
    }
  }
  if (const auto api_domain = member_text(body, "api_domain"))
    token.extras.emplace_back("api_domain", *api_domain);
  return token;
}

void ZohoTokenSource::apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const {
  request.headers.emplace_back("Authorization", "Zoho-oauthtoken " + token.value);
}

bool ZohoTokenSource::rejects_token(const sdk::HttpResponse& response) const {
  if (response.status == 401) return true;
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  const auto code = member_text(body, "code");
  return code && (*code == "INVALID_TOKEN" || *code == "AUTHENTICATION_FAILURE");
}

}  // namespace crmsync::zoho_crm
