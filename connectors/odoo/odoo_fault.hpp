#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace crmsync::odoo {

// An error Odoo reported: the `error` member of a JSON-RPC answer (carried in
// an HTTP 200) or the body of a JSON-2 4xx/5xx.
class OdooFault {
 public:
  // Reads either shape; missing parts stay empty.
  [[nodiscard]] static OdooFault from_jsonrpc_error(const nlohmann::json& error);
  [[nodiscard]] static OdooFault from_json2_body(const nlohmann::json& body);

  // Wrong or expired credentials, or an expired session.
  [[nodiscard]] bool is_access_denied() const;
  // Trouble a later attempt is expected to get past: a serialisation
  // conflict, a lost database connection, a worker being recycled.
  [[nodiscard]] bool is_transient() const;
  // "odoo.exceptions.AccessError: You are not allowed to access 'Sales Order'"
  [[nodiscard]] std::string describe() const;

  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  long code_ = 0;
  std::string name_;  // the Python exception, e.g. odoo.exceptions.AccessDenied
  std::string message_;
};

}  // namespace crmsync::odoo
