#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "odoo_reply.hpp"

namespace crmsync::odoo {

// Calls one method of one Odoo model with named arguments (domain, fields,
// limit, order, context, ...). JSON-RPC and JSON-2 both implement it, so the
// readers above never know which protocol the instance speaks.
class OdooTransport {
 public:
  virtual ~OdooTransport() = default;
  virtual OdooReply call(const std::string& model, const std::string& method,
                         const nlohmann::json& kwargs) = 0;
};

}  // namespace crmsync::odoo
