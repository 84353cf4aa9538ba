#include "hubspot_token_source.hpp"

#include <nlohmann/json.hpp>

#include "json_text.hpp"
#include "url_encoding.hpp"

namespace crmsync::hubspot {

HubSpotTokenSource::HubSpotTokenSource(const HubSpotSettings& settings) : settings_(settings) {}

sdk::HttpRequest HubSpotTokenSource::token_request() const {
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = settings_.token_url;
  request.authorize = false;
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  request.body = "grant_type=refresh_token&client_id=" + url_encode(settings_.client_id) +
                 "&client_secret=" + url_encode(settings_.client_secret) +
                 "&refresh_token=" + url_encode(settings_.refresh_token);
  return request;
}

std::optional<sdk::AccessToken> HubSpotTokenSource::parse_token(const sdk::HttpResponse& response,
                                                                std::string& error) const {
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    error = "token endpoint answered HTTP " + std::to_string(response.status) + " without a JSON object";
    return std::nullopt;
  }
  const auto value = member_text(body, "access_token");
  if (response.status != 200 || !value) {
    // {"status":"BAD_REFRESH_TOKEN","message":..} or {"error":"invalid_grant","error_description":..}
    std::string reason;
    for (const char* key : {"status", "error", "message", "error_description"}) {
      if (const auto part = member_text(body, key)) reason += (reason.empty() ? "" : ": ") + *part;
    }
    error = "token endpoint refused the refresh token (HTTP " + std::to_string(response.status) + ")" +
            (reason.empty() ? "" : ": " + reason);
    return std::nullopt;
  }
  sdk::AccessToken token;
  token.value = *value;
  if (const auto lifetime = member_text(body, "expires_in")) {
    try {
      token.lifetime = std::chrono::seconds(std::stoll(*lifetime));
    } catch (...) {
      token.lifetime = std::chrono::seconds(1800);
    }
  }
  if (const auto hub = member_text(body, "hub_id")) token.extras.emplace_back("hub_id", *hub);
  return token;
}

void HubSpotTokenSource::apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const {
  request.headers.emplace_back("Authorization", "Bearer " + token.value);
}

bool HubSpotTokenSource::rejects_token(const sdk::HttpResponse& response) const {
  if (response.status != 401) return false;
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  const auto category = member_text(body, "category");
  // A 401 without a category is still an authentication failure worth one refresh.
  return !category || *category == "EXPIRED_AUTHENTICATION" || *category == "INVALID_AUTHENTICATION";
}

}  // namespace crmsync::hubspot
