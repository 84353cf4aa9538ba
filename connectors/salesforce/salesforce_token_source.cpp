#include "salesforce_token_source.hpp"

#include <initializer_list>

#include <nlohmann/json.hpp>

#include "percent_encoding.hpp"

namespace crmsync::salesforce {
namespace {

// "https://login.salesforce.com/services/oauth2/token" -> "https://login.salesforce.com"
std::string origin_of(const std::string& url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return url;
  const std::size_t path_start = url.find('/', scheme_end + 3);
  return path_start == std::string::npos ? url : url.substr(0, path_start);
}

// The token answer decides where the bearer token is sent next, so it must
// name https, or plain http only on this machine (a local test server).
bool acceptable_instance_url(const std::string& url) {
  if (url.rfind("https://", 0) == 0) return true;
  for (const char* local : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
    const std::string prefix(local);
    if (url.rfind(prefix, 0) == 0 &&
        (url.size() == prefix.size() || url[prefix.size()] == ':' || url[prefix.size()] == '/')) {
      return true;
    }
  }
  return false;
}

std::string string_member(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

SalesforceTokenSource::SalesforceTokenSource(const SalesforceSettings& settings)
    : settings_(settings),
      api_origin_(settings.base_url.empty() ? origin_of(settings.token_url) : settings.base_url) {}

sdk::HttpRequest SalesforceTokenSource::token_request() const {
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = settings_.token_url;
  request.authorize = false;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
  request.body = "grant_type=refresh_token&client_id=" + percent_encode(settings_.client_id) +
                 "&client_secret=" + percent_encode(settings_.client_secret) +
                 "&refresh_token=" + percent_encode(settings_.refresh_token) + "&format=json";
  return request;
}

std::optional<sdk::AccessToken> SalesforceTokenSource::parse_token(const sdk::HttpResponse& response,
                                                                   std::string& error) const {
  const nlohmann::json answer = nlohmann::json::parse(response.body, nullptr, false);
  if (answer.is_discarded() || !answer.is_object()) {
    error = "token endpoint answered HTTP " + std::to_string(response.status) + " without a JSON object";
    return std::nullopt;
  }
  const std::string value = string_member(answer, "access_token");
  if (response.status != 200 || value.empty()) {
    // {"error":"invalid_grant","error_description":"expired access/refresh token"}
    error = string_member(answer, "error");
    const std::string description = string_member(answer, "error_description");
    if (!description.empty()) error += (error.empty() ? "" : ": ") + description;
    if (error.empty()) error = "HTTP " + std::to_string(response.status) + " without an access_token";
    return std::nullopt;
  }
  sdk::AccessToken token;
  token.value = value;
  token.lifetime = settings_.session_lifetime;
  const std::string instance_url = string_member(answer, "instance_url");
  if (!instance_url.empty() && settings_.base_url.empty() && !acceptable_instance_url(instance_url)) {
    error = "instance_url '" + instance_url + "' is neither https nor a loopback address";
    return std::nullopt;
  }
  if (!instance_url.empty()) token.extras.emplace_back(kInstanceUrl, instance_url);
  return token;
}

void SalesforceTokenSource::apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const {
  request.headers.emplace_back("Authorization", "Bearer " + token.value);
  if (!settings_.base_url.empty() || request.url.rfind(api_origin_, 0) != 0) return;
  for (const auto& [key, value] : token.extras) {
    if (key != kInstanceUrl) continue;
    std::string instance = value;
    while (!instance.empty() && instance.back() == '/') instance.pop_back();
    request.url = instance + request.url.substr(api_origin_.size());
  }
}

bool SalesforceTokenSource::rejects_token(const sdk::HttpResponse& response) const {
  // [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]
  return response.status == 401;
}

}  // namespace crmsync::salesforce
