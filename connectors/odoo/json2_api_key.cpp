#include "json2_api_key.hpp"

#include <nlohmann/json.hpp>

#include "odoo_fault.hpp"

namespace crmsync::odoo {
namespace {
constexpr std::chrono::hours kCheckedKeyLifetime{12};
}

sdk::HttpHeaders Json2ApiKey::common_headers() const {
  sdk::HttpHeaders headers{{"Content-Type", "application/json"}};
  if (!settings_.database.empty()) headers.emplace_back("X-Odoo-Database", settings_.database);
  return headers;
}

sdk::HttpRequest Json2ApiKey::token_request() const {
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = settings_.base_url + "/json/2/res.users/context_get";
  request.headers = common_headers();
  request.headers.emplace_back("Authorization", "bearer " + settings_.api_key);
  request.body = "{}";
  request.authorize = false;
  return request;
}

std::optional<sdk::AccessToken> Json2ApiKey::parse_token(const sdk::HttpResponse& response,
                                                         std::string& error) const {
  if (response.status == 200) {
    sdk::AccessToken token;
    token.value = settings_.api_key;
    token.lifetime = kCheckedKeyLifetime;
    return token;
  }
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  error = "checking the API key at " + settings_.base_url + "/json/2/res.users/context_get: HTTP " +
          std::to_string(response.status) + " " + OdooFault::from_json2_body(body).describe();
  if (response.status == 401) error += " (API keys last at most 3 months; issue a new one)";
  return std::nullopt;
}

void Json2ApiKey::apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const {
  request.headers.emplace_back("Authorization", "bearer " + token.value);
}

bool Json2ApiKey::rejects_token(const sdk::HttpResponse& response) const {
  return response.status == 401;
}

}  // namespace crmsync::odoo
