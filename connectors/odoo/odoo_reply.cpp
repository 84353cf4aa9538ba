#include "odoo_reply.hpp"

#include <utility>

namespace crmsync::odoo {
namespace {
constexpr std::chrono::seconds kDefaultRetryDelay{60};
}

OdooReply OdooReply::success(nlohmann::json result) {
  OdooReply reply;
  reply.kind = Kind::ok;
  reply.result = std::move(result);
  return reply;
}

OdooReply OdooReply::retry(std::chrono::seconds delay, std::string error) {
  OdooReply reply;
  reply.kind = Kind::retry;
  reply.retry_after = delay.count() > 0 ? delay : kDefaultRetryDelay;
  reply.error = std::move(error);
  return reply;
}

OdooReply OdooReply::failure(std::string error) {
  OdooReply reply;
  reply.kind = Kind::failed;
  reply.error = std::move(error);
  return reply;
}

OdooReply OdooReply::from_transport_trouble(const sdk::HttpResult& result, const std::string& where) {
  if (result.kind == sdk::HttpResult::Kind::retry_later) {
    return retry(result.retry_after, where + ": " + result.error);
  }
  return failure(where + ": " + result.error);
}

bool OdooReply::is_temporary_status(long status) {
  return status == 429 || status >= 500;
}

}  // namespace crmsync::odoo
