#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace crmsync::model {

struct Feedback {
  std::string customer_ref;  // external id of the customer in the same source
  std::string order_ref;     // external id of the order, when about one
  std::string kind;          // "nps" (0-10) | "csat" (1-5) | "complaint" | "note"
  std::optional<int> score;  // within the kind's range
  std::string comment;
  std::optional<std::chrono::sys_seconds> received_at;  // UTC
  // A reply to a message crmsync sent: how to find that message, and who wrote.
  std::string in_reply_to;   // Message-ID, "<...@...>"
  std::string references;    // the References header: Message-IDs separated by blanks
  std::string survey_token;  // a survey link's token quoted in the reply
  std::string from_email;

  [[nodiscard]] bool is_reply() const {
    return !in_reply_to.empty() || !references.empty() || !survey_token.empty() || !from_email.empty();
  }
};

}  // namespace crmsync::model
