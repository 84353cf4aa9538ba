#include "json_rpc_transport.hpp"

#include "odoo_fault.hpp"

namespace crmsync::odoo {
namespace {
constexpr std::chrono::seconds kTransientErrorDelay{30};
}

JsonRpcTransport::JsonRpcTransport(const OdooSettings& settings, sdk::HttpService& http,
                                   const sdk::HttpClientOptions& options)
    : settings_(settings), login_(settings) {
  sdk::HttpClientOptions with_login = options;
  with_login.token_source = &login_;
  client_ = http.create_client(with_login);
}

OdooReply JsonRpcTransport::call(const std::string& model, const std::string& method,
                                 const nlohmann::json& kwargs) {
  const std::string where = model + "." + method + " at " + login_.endpoint();
  if (!client_) return OdooReply::failure(where + ": the host could not create an HTTP client");
  const nlohmann::json body = {
      {"jsonrpc", "2.0"},
      {"method", "call"},
      {"id", next_request_id_++},
      {"params",
       {{"service", "object"},
        {"method", "execute_kw"},
        // args[1] (the uid) is filled in by JsonRpcLogin::apply.
        {"args",
         {settings_.database, 0, settings_.api_key, model, method, nlohmann::json::array(), kwargs}}}}};
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = login_.endpoint();
  request.headers = {{"Content-Type", "application/json"}};
  request.body = body.dump();

  const sdk::HttpResult sent = client_->send(std::move(request));
  if (!sent.ok()) return OdooReply::from_transport_trouble(sent, where);
  const sdk::HttpResponse& response = sent.response;
  if (response.status != 200) {
    const std::string text = where + ": HTTP " + std::to_string(response.status);
    return OdooReply::is_temporary_status(response.status) ? OdooReply::retry({}, text)
                                                           : OdooReply::failure(text);
  }
  auto answer = nlohmann::json::parse(response.body, nullptr, false);
  if (!answer.is_object()) {
    return OdooReply::failure(where + ": the answer is not JSON-RPC: " + response.body.substr(0, 120));
  }
  if (const auto error = answer.find("error"); error != answer.end()) {
    const OdooFault fault = OdooFault::from_jsonrpc_error(*error);
    if (fault.is_transient()) return OdooReply::retry(kTransientErrorDelay, where + ": " + fault.describe());
    if (fault.is_access_denied()) {
      return OdooReply::failure(where + ": " + fault.describe() + " (check login and api_key of database '" +
                                settings_.database + "')");
    }
    return OdooReply::failure(where + ": " + fault.describe());
  }
  const auto result = answer.find("result");
  if (result == answer.end()) return OdooReply::failure(where + ": the answer has neither result nor error");
  return OdooReply::success(std::move(*result));
}

}  // namespace crmsync::odoo
