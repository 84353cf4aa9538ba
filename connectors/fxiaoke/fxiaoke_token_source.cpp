#include "fxiaoke_token_source.hpp"

#include <nlohmann/json.hpp>

#include "fxiaoke_reply.hpp"

namespace crmsync::fxiaoke {

FxiaokeTokenSource::FxiaokeTokenSource(const FxiaokeSettings& settings) : settings_(settings) {}

sdk::HttpRequest FxiaokeTokenSource::token_request() const {
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = settings_.token_url;
  request.authorize = false;
  request.headers = {{"Content-Type", "application/json"}};
  request.body = nlohmann::json{{"appId", settings_.app_id},
                                {"appSecret", settings_.app_secret},
                                {"permanentCode", settings_.permanent_code}}
                     .dump();
  return request;
}

std::optional<sdk::AccessToken> FxiaokeTokenSource::parse_token(const sdk::HttpResponse& response,
                                                                std::string& error) const {
  const FxiaokeReply reply = FxiaokeReply::parse(response);
  if (!reply.ok()) {
    error = reply.describe();
    return std::nullopt;
  }
  const auto& body = reply.body();
  const auto token = body.find("corpAccessToken");
  if (token == body.end() || !token->is_string() || token->get<std::string>().empty()) {
    error = "the answer has no corpAccessToken";
    return std::nullopt;
  }
  sdk::AccessToken access;
  access.value = token->get<std::string>();
  // expiresIn is 0..7200 s; an answer without one gets the documented maximum.
  std::int64_t lifetime = 7200;
  if (const auto expires = body.find("expiresIn"); expires != body.end()) {
    if (expires->is_number_integer()) lifetime = expires->get<std::int64_t>();
    if (expires->is_string()) lifetime = std::strtoll(expires->get<std::string>().c_str(), nullptr, 10);
  }
  access.lifetime = std::chrono::seconds(lifetime > 0 ? lifetime : 7200);
  if (const auto corp = body.find("corpId"); corp != body.end() && corp->is_string()) {
    access.extras.emplace_back(kCorpId, corp->get<std::string>());
  }
  return access;
}

void FxiaokeTokenSource::apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const {
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (!body.is_object()) body = nlohmann::json::object();
  body["corpAccessToken"] = token.value;
  for (const auto& [key, value] : token.extras) {
    if (key == kCorpId) body["corpId"] = value;
  }
  body["currentOpenUserId"] = settings_.open_user_id;
  request.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool FxiaokeTokenSource::rejects_token(const sdk::HttpResponse& response) const {
  return FxiaokeReply::parse(response).error_code() == kTokenExpired;
}

}  // namespace crmsync::fxiaoke
