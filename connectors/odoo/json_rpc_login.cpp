#include "json_rpc_login.hpp"

#include <nlohmann/json.hpp>

#include "odoo_fault.hpp"

namespace crmsync::odoo {
namespace {
// A uid does not expire, but asking again now and then notices a revoked key
// before a long read runs into it.
constexpr std::chrono::hours kUidLifetime{12};
}  // namespace

sdk::HttpRequest JsonRpcLogin::token_request() const {
  const nlohmann::json body = {
      {"jsonrpc", "2.0"},
      {"method", "call"},
      {"id", 0},
      {"params",
       {{"service", "common"},
        {"method", "authenticate"},
        {"args", {settings_.database, settings_.login, settings_.api_key, nlohmann::json::object()}}}}};
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = endpoint();
  request.headers = {{"Content-Type", "application/json"}};
  request.body = body.dump();
  request.authorize = false;
  return request;
}

std::optional<sdk::AccessToken> JsonRpcLogin::parse_token(const sdk::HttpResponse& response,
                                                          std::string& error) const {
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  const std::string where = "authenticate at " + endpoint();
  if (response.status != 200 || !body.is_object()) {
    error = where + ": HTTP " + std::to_string(response.status) + " without a JSON-RPC answer";
    return std::nullopt;
  }
  if (const auto fault = body.find("error"); fault != body.end()) {
    error = where + ": " + OdooFault::from_jsonrpc_error(*fault).describe();
    return std::nullopt;
  }
  const auto result = body.find("result");
  if (result == body.end() || !result->is_number_integer() || result->get<long long>() < 1) {
    // Odoo answers bad credentials with result false rather than an error.
    error = where + ": Odoo refused login '" + settings_.login + "' on database '" + settings_.database +
            "' (wrong login or API key, or the key expired)";
    return std::nullopt;
  }
  sdk::AccessToken token;
  token.value = std::to_string(result->get<long long>());
  token.lifetime = kUidLifetime;
  return token;
}

void JsonRpcLogin::apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const {
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (!body.is_object()) return;
  auto& args = body["params"]["args"];
  if (!args.is_array() || args.size() < 2) return;
  args[1] = std::stoll(token.value);
  request.body = body.dump();
}

bool JsonRpcLogin::rejects_token(const sdk::HttpResponse& response) const {
  if (response.status != 200) return false;
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_object()) return false;
  const auto fault = body.find("error");
  return fault != body.end() && OdooFault::from_jsonrpc_error(*fault).is_access_denied();
}

}  // namespace crmsync::odoo
