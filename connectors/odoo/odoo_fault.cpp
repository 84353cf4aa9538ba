#include "odoo_fault.hpp"

#include <string_view>

namespace crmsync::odoo {
namespace {

std::string string_member(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

OdooFault OdooFault::from_jsonrpc_error(const nlohmann::json& error) {
  OdooFault fault;
  if (!error.is_object()) {
    fault.message_ = error.dump();
    return fault;
  }
  if (const auto code = error.find("code"); code != error.end() && code->is_number_integer()) {
    fault.code_ = code->get<long>();
  }
  const auto data = error.find("data");
  if (data != error.end()) {
    fault.name_ = string_member(*data, "name");
    fault.message_ = string_member(*data, "message");
  }
  if (fault.message_.empty()) fault.message_ = string_member(error, "message");
  return fault;
}

OdooFault OdooFault::from_json2_body(const nlohmann::json& body) {
  OdooFault fault;
  fault.name_ = string_member(body, "name");
  fault.message_ = string_member(body, "message");
  return fault;
}

bool OdooFault::is_access_denied() const {
  // JsonRPCDispatcher answers an expired session with code 100.
  return code_ == 100 || contains(name_, "AccessDenied") || contains(name_, "SessionExpired") ||
         contains(name_, "Unauthorized");
}

bool OdooFault::is_transient() const {
  return contains(name_, "SerializationFailure") || contains(name_, "OperationalError") ||
         contains(name_, "ConcurrencyError") || contains(name_, "LockNotAvailable") ||
         contains(name_, "ServiceUnavailable") || contains(message_, "could not serialize access");
}

std::string OdooFault::describe() const {
  if (name_.empty()) return message_.empty() ? "an error without a message" : message_;
  return message_.empty() ? name_ : name_ + ": " + message_;
}

}  // namespace crmsync::odoo
