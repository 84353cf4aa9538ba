#pragma once

#include <memory>
#include <optional>
#include <string>

#include "crmsync/sdk/host.hpp"

#include "daemon/config/journey_config.hpp"
#include "daemon/scheduler/reminder_planner.hpp"
#include "daemon/scheduler/reply_linker.hpp"
#include "daemon/scheduler/survey_token_signer.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::http {

struct EndpointResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
};

// What the links in a survey mail do, apart from HTTP itself:
//   GET  /s/<token>?score=N  records the score as feedback (instance "crmsync",
//                            stream "survey_clicks", external id = token), so
//                            a click is linked, counted and raises an at-risk
//                            reminder exactly like a reply;
//   GET  /u/<token>          a page that asks to confirm;
//   POST /u/<token>          (RFC 8058 one-click) suppresses the customer.
// Tokens are checked against their outbox row's signature; anything else is 404.
// Uses its own database session: it runs on the listener's thread.
class SurveyEndpoint {
 public:
  SurveyEndpoint(const std::string& database_url, const config::JourneyConfig& journey,
                 const scheduler::SurveyTokenSigner& signer, const sdk::Clock& clock);
  ~SurveyEndpoint();

  EndpointResponse handle(const std::string& method, const std::string& target, const std::string& body);

 private:
  struct SurveyRow {
    long long customer_id = 0;
    std::string survey;
    std::string email;
  };

  std::optional<SurveyRow> verified(const std::string& token);
  EndpointResponse record_score(const std::string& token, const std::string& query);
  EndpointResponse unsubscribe(const std::string& token);

  std::unique_ptr<store::Database> database_;
  const config::JourneyConfig& journey_;
  const scheduler::SurveyTokenSigner& signer_;
  const sdk::Clock& clock_;
  scheduler::ReplyLinker replies_;
  scheduler::ReminderPlanner reminders_;
  store::BatchWriter writer_;
};

}  // namespace crmsync::http
