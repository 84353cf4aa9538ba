#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/http.hpp"

namespace crmsync::http_client {

// Debug lines for requests and responses with secrets taken out: credential
// headers, secret-named fields in query strings, form and JSON bodies, and any
// value the caller knows to be secret (the current access token).
class HttpLogLine {
 public:
  explicit HttpLogLine(std::vector<std::string> known_secrets = {});

  [[nodiscard]] std::string request(const sdk::HttpRequest& request, int attempt) const;
  [[nodiscard]] std::string response(const sdk::HttpRequest& request,
                                     const sdk::HttpResponse& response) const;

  [[nodiscard]] std::string redact_text(std::string text) const;
  [[nodiscard]] static std::string redact_fields(std::string text);
  [[nodiscard]] static bool is_credential_header(const std::string& name);

 private:
  [[nodiscard]] std::string headers_text(const sdk::HttpHeaders& headers) const;
  [[nodiscard]] std::string body_text(const std::string& body) const;

  std::vector<std::string> known_secrets_;
};

}  // namespace crmsync::http_client
