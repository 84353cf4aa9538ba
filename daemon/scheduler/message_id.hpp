#pragma once

#include <string>

namespace crmsync::scheduler {

// "<hex@domain>" from the idempotency key: a resent message (the crash
// window in OutboxDelivery) carries the same Message-ID, so mail clients and
// the reply matcher see one message.
std::string message_id_for(const std::string& idempotency_key, const std::string& domain);

}  // namespace crmsync::scheduler
