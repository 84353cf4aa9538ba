#include "json2_transport.hpp"

#include "odoo_fault.hpp"

namespace crmsync::odoo {

Json2Transport::Json2Transport(const OdooSettings& settings, sdk::HttpService& http,
                               const sdk::HttpClientOptions& options)
    : settings_(settings), key_(settings) {
  sdk::HttpClientOptions with_key = options;
  with_key.token_source = &key_;
  client_ = http.create_client(with_key);
}

OdooReply Json2Transport::call(const std::string& model, const std::string& method,
                               const nlohmann::json& kwargs) {
  const std::string url = settings_.base_url + "/json/2/" + model + "/" + method;
  if (!client_) return OdooReply::failure(url + ": the host could not create an HTTP client");
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = url;
  request.headers = key_.common_headers();
  request.body = kwargs.dump();

  const sdk::HttpResult sent = client_->send(std::move(request));
  if (!sent.ok()) return OdooReply::from_transport_trouble(sent, url);
  const sdk::HttpResponse& response = sent.response;
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status == 200) {
    if (body.is_discarded())
      return OdooReply::failure(url + ": the answer is not JSON: " + response.body.substr(0, 120));
    return OdooReply::success(std::move(body));
  }
  const OdooFault fault = OdooFault::from_json2_body(body);
  const std::string text = url + ": HTTP " + std::to_string(response.status) + " " + fault.describe();
  if (OdooReply::is_temporary_status(response.status) || fault.is_transient())
    return OdooReply::retry({}, text);
  if (response.status == 401) return OdooReply::failure(text + " (API keys last at most 3 months)");
  return OdooReply::failure(text);
}

}  // namespace crmsync::odoo
