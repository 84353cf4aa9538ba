#include "scripted_http_host.hpp"

namespace crmsync::odoo::testing {

std::unique_ptr<sdk::HttpClient> ScriptedHttpHost::create_client(const sdk::HttpClientOptions& options) {
  clients.push_back(options);
  return std::make_unique<ScriptedHttpClient>(*this, options.token_source);
}

sdk::HttpResponse ScriptedHttpClient::ask(const sdk::HttpRequest& request) {
  host_.requests.push_back(request);
  return host_.server_(request);
}

bool ScriptedHttpClient::refresh(sdk::HttpResult& failure) {
  const sdk::HttpResponse answer = ask(tokens_->token_request());
  std::string error;
  token_ = tokens_->parse_token(answer, error);
  if (token_) return true;
  failure.kind = sdk::HttpResult::Kind::failed;
  failure.response = answer;
  failure.error = error;
  return false;
}

sdk::HttpResult ScriptedHttpClient::send(sdk::HttpRequest request) {
  if (!host_.queued_.empty()) {
    sdk::HttpResult queued = std::move(host_.queued_.front());
    host_.queued_.pop_front();
    return queued;
  }
  sdk::HttpResult result;
  const bool authorize = request.authorize && tokens_ != nullptr;
  if (authorize && !token_ && !refresh(result)) return result;
  sdk::HttpRequest attempt = request;
  if (authorize) tokens_->apply(*token_, attempt);
  result.response = ask(attempt);
  if (authorize && tokens_->rejects_token(result.response)) {
    if (!refresh(result)) return result;
    attempt = request;
    tokens_->apply(*token_, attempt);
    result.response = ask(attempt);
  }
  result.kind = sdk::HttpResult::Kind::response;
  return result;
}

}  // namespace crmsync::odoo::testing
