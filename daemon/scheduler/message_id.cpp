#include "daemon/scheduler/message_id.hpp"

#include "daemon/model/sha256_hex.hpp"

namespace crmsync::scheduler {

std::string message_id_for(const std::string& idempotency_key, const std::string& domain) {
  return "<" + model::sha256_hex(idempotency_key).substr(0, 32) + "@" + domain + ">";
}

}  // namespace crmsync::scheduler
