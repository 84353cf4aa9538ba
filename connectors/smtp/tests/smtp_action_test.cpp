#include "smtp_action.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace crmsync::smtp {
namespace {

SmtpSettings settings() {
  std::vector<sdk::ConfigProblem> problems;
  auto parsed =
      SmtpSettings::parse(sdk::ConfigValue::make_mapping(
                              {{"url", sdk::ConfigValue::make_scalar("smtp://mail.example.com:587")},
                               {"from", sdk::ConfigValue::make_scalar("surveys@shop.example")},
                               {"message_id_domain", sdk::ConfigValue::make_scalar("mid.shop.example")}}),
                          problems);
  return *parsed;
}

sdk::Action survey(std::string key = "survey:order-1001") {
  sdk::Action action;
  action.kind = "survey_email";
  action.idempotency_key = std::move(key);
  action.fields = {{"to", "li@example.cn"},
                   {"subject", "满意度调查"},
                   {"text_body", "请打分"},
                   {"unsubscribe_url", "https://shop.example/u/1"}};
  return action;
}

TEST(SmtpActionTest, MakesUpAStableMessageIdFromTheIdempotencyKey) {
  SmtpAction action("mailer", settings(), {});
  std::string problem;
  const auto first = action.email_for(survey(), problem);
  const auto again = action.email_for(survey(), problem);
  const auto other = action.email_for(survey("survey:order-1002"), problem);
  ASSERT_TRUE(first && again && other);
  EXPECT_EQ(first->message_id, again->message_id);
  EXPECT_NE(first->message_id, other->message_id);
  EXPECT_EQ(first->message_id.substr(first->message_id.size() - 18), "@mid.shop.example>");
}

TEST(SmtpActionTest, UsesTheMessageIdTheDaemonGives) {
  SmtpAction action("mailer", settings(), {});
  auto request = survey();
  request.fields["message_id"] = "<outbox.7@shop.example>";
  std::string problem;
  EXPECT_EQ(action.email_for(request, problem)->message_id, "<outbox.7@shop.example>");
}

TEST(SmtpActionTest, RefusesActionsItCannotSendProperly) {
  SmtpAction action("mailer", settings(), {});
  auto task = survey();
  task.kind = "reminder_task";
  EXPECT_EQ(action.deliver(task).code(), sdk::Status::Code::failed);

  auto no_unsubscribe = survey();
  no_unsubscribe.fields.erase("unsubscribe_url");
  EXPECT_EQ(action.deliver(no_unsubscribe).code(), sdk::Status::Code::failed);

  auto http_unsubscribe = survey();
  http_unsubscribe.fields["unsubscribe_url"] = "http://shop.example/u/1";
  EXPECT_EQ(action.deliver(http_unsubscribe).code(), sdk::Status::Code::failed);

  auto injected = survey();
  injected.fields["subject"] = "Hi\r\nBcc: all@example.com";
  const auto status = action.deliver(injected);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("survey:order-1001"), std::string::npos) << "the reason names the action";

  auto two_recipients = survey();
  two_recipients.fields["to"] = "a@example.com, b@example.com";
  EXPECT_EQ(action.deliver(two_recipients).code(), sdk::Status::Code::failed);
}

TEST(SmtpActionTest, MapsServerRepliesToRetryOrFailure) {
  SmtpOutcome temporary{false, 451, "451 4.3.0 try later", "RCPT failed"};
  EXPECT_EQ(SmtpAction::status_for(temporary).code(), sdk::Status::Code::retry);
  EXPECT_GT(SmtpAction::status_for(temporary).delay().count(), 0);

  SmtpOutcome permanent{false, 550, "550 5.1.1 no such user", "RCPT failed"};
  const auto failed = SmtpAction::status_for(permanent);
  EXPECT_EQ(failed.code(), sdk::Status::Code::failed);
  EXPECT_NE(failed.reason().find("550 5.1.1 no such user"), std::string::npos);

  SmtpOutcome unreachable{false, 0, "", "Couldn't connect to server"};
  EXPECT_EQ(SmtpAction::status_for(unreachable).code(), sdk::Status::Code::retry);

  SmtpOutcome sent{true, 250, "250 OK", ""};
  EXPECT_TRUE(SmtpAction::status_for(sent).ok());
}

}  // namespace
}  // namespace crmsync::smtp
