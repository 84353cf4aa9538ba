#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/model/feedback.hpp"
#include "daemon/scheduler/survey_token_signer.hpp"
#include "daemon/store/batch_observer.hpp"

namespace crmsync::scheduler {

// Links a reply (feedback from a mailbox) to what it answers, in the
// transaction that stores it: through In-Reply-To, References or a survey
// token to the outbox row, whose customer and order it takes, and whose
// survey becomes its kind when the score fits that survey's scale. A reply
// matching no message is linked by its sender to the customer with that
// primary address, else left unlinked. Registered before the planners, so
// an at-risk reply raises its reminder in the same batch.
class ReplyLinker final : public store::BatchObserver {
 public:
  explicit ReplyLinker(const SurveyTokenSigner& signer);

  void on_batch_stored(store::Database& database, const store::BatchWrite& batch,
                       const std::vector<store::StoredRecord>& stored, const std::string& now) override;

 private:
  struct AnsweredMessage {
    long long customer_id = 0;
    std::optional<long long> order_id;
    std::string survey;
  };

  std::optional<AnsweredMessage> answered_message(store::Database& database, const model::Feedback& reply);
  std::optional<AnsweredMessage> by_message_id(store::Database& database, const std::string& message_id);
  std::optional<AnsweredMessage> by_token(store::Database& database, const std::string& token);

  const SurveyTokenSigner& signer_;
};

}  // namespace crmsync::scheduler
