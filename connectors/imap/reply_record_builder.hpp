#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "crmsync/sdk/record.hpp"

namespace crmsync::imap {

// Turns one fetched message into a feedback record: who sent it, what it
// answers (In-Reply-To, References, survey token), the score and the
// customer's own words. Auto-replies and bounces give no record.
class ReplyRecordBuilder {
 public:
  // `mailbox` and the uids name the message in logs and external ids;
  // `fetched_at` stands in when the message has no readable Date.
  [[nodiscard]] static std::optional<sdk::RawRecord> build(const std::string& mailbox,
                                                           std::uint32_t uidvalidity, std::uint32_t uid,
                                                           const std::string& raw_message,
                                                           const std::string& fetched_at);
};

}  // namespace crmsync::imap
