// The smtp connector against a real SMTP server (aiosmtpd, started by ctest).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mail_test_support.hpp"
#include "smtp_action.hpp"
#include "smtp_connector.hpp"

namespace crmsync::smtp {
namespace {

// What a reader sees: MIME text travels with CRLF line breaks.
std::string lf_lines(std::string text) {
  for (auto at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at)) text.erase(at, 1);
  return text;
}

using mail_testing::MailServers;

class SmtpDeliveryTest : public ::testing::Test {
 protected:
  void SetUp() override { servers_ = MailServers::from_environment(); }

  std::string starttls_url() const { return "smtp://127.0.0.1:" + std::to_string(servers_.smtp_port); }
  std::string implicit_url() const { return "smtps://127.0.0.1:" + std::to_string(servers_.smtp_port + 1); }

  std::unique_ptr<sdk::ActionConnector> mailer(std::vector<std::pair<std::string, std::string>> extra) {
    // The first of two equal keys counts, so `extra` overrides the defaults.
    std::vector<std::pair<std::string, std::string>> values = std::move(extra);
    values.insert(values.end(), {{"from", "surveys@shop.example"},
                                 {"from_name", "商城客服"},
                                 {"ca_file", servers_.smtp_ca_file()},
                                 {"timeout", "20s"}});
    const auto options = mail_testing::options(values);
    const auto problems = connector_.validate(options);
    EXPECT_TRUE(problems.empty()) << problems.front().path << ": " << problems.front().message;
    sdk::InstanceContext context{"mailer", options, {&logger_, nullptr, nullptr, nullptr}};
    return connector_.create_action(context);
  }

  static sdk::Action survey(const std::string& key, const std::string& to) {
    sdk::Action action;
    action.kind = "survey_email";
    action.idempotency_key = key;
    action.fields = {
        {"to", to},
        {"to_name", "王小明"},
        {"subject", "您对订单 A-1001 满意吗？ How did we do?"},
        {"text_body", "请为我们打分 (0-10)：https://shop.example/s/Ab3_x-9QrT5uVw7Yz1\n谢谢！\n"},
        {"html_body", "<p>请为我们打分：<a href=\"https://shop.example/s/Ab3_x-9QrT5uVw7Yz1\">打分</a></p>"},
        {"message_id", "<" + key + "@shop.example>"},
        {"unsubscribe_url", "https://shop.example/u/Ab3_x-9QrT5uVw7Yz1"},
        {"language", "zh"}};
    return action;
  }

  MailServers servers_;
  SmtpConnector connector_;
  mail_testing::CapturingLogger logger_;
};

TEST_F(SmtpDeliveryTest, DeliversOverStartTlsWithAuthAndEveryHeaderIntact) {
  auto action = mailer({{"url", starttls_url()},
                        {"tls", "starttls"},
                        {"username", mail_testing::kSmtpUser},
                        {"password", mail_testing::kSmtpPassword},
                        {"list_unsubscribe_mailto", "unsubscribe@shop.example"}});
  ASSERT_TRUE(action);
  const sdk::Action request = survey("starttls-1", "wang@example.cn");
  const sdk::Status status = action->deliver(request);
  ASSERT_TRUE(status.ok()) << status.reason();

  const auto received = mail_testing::received_message(servers_, "<starttls-1@shop.example>");
  ASSERT_TRUE(received) << "the server never got the message";
  const auto& got = *received;
  EXPECT_TRUE(got.at("tls").get<bool>());
  EXPECT_TRUE(got.at("authenticated").get<bool>());
  EXPECT_TRUE(got.at("seven_bit").get<bool>()) << "a message that needs 8BITMIME is not portable";
  EXPECT_EQ(got.at("mail_from"), "surveys@shop.example");
  EXPECT_EQ(got.at("rcpt_tos"), nlohmann::json::array({"wang@example.cn"}));
  const auto& headers = got.at("headers");
  EXPECT_EQ(headers.at("subject"), request.fields.at("subject"));
  EXPECT_EQ(headers.at("to"), "王小明 <wang@example.cn>");
  EXPECT_EQ(headers.at("from"), "商城客服 <surveys@shop.example>");
  EXPECT_EQ(headers.at("list-unsubscribe"),
            "<https://shop.example/u/Ab3_x-9QrT5uVw7Yz1>, <mailto:unsubscribe@shop.example>");
  EXPECT_EQ(headers.at("list-unsubscribe-post"), "List-Unsubscribe=One-Click");
  EXPECT_TRUE(headers.contains("date"));
  EXPECT_EQ(headers.at("mime-version"), "1.0");

  const auto& parts = got.at("parts");
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_EQ(parts[0].at("content_type"), "text/plain");
  EXPECT_EQ(lf_lines(parts[0].at("text")), request.fields.at("text_body"));
  EXPECT_EQ(parts[1].at("content_type"), "text/html");
  EXPECT_EQ(parts[1].at("text").get<std::string>().substr(0, request.fields.at("html_body").size()),
            request.fields.at("html_body"));
}

TEST_F(SmtpDeliveryTest, DeliversOverImplicitTlsWithAMessageIdOfItsOwn) {
  auto action =
      mailer({{"url", implicit_url()}, {"tls", "implicit"}, {"message_id_domain", "mail.shop.example"}});
  ASSERT_TRUE(action);
  sdk::Action request = survey("implicit-1", "ann@example.com");
  request.fields.erase("message_id");
  request.fields.erase("html_body");
  const sdk::Status status = action->deliver(request);
  ASSERT_TRUE(status.ok()) << status.reason();

  std::vector<sdk::ConfigProblem> problems;
  SmtpSettings settings =
      *SmtpSettings::parse(mail_testing::options({{"url", implicit_url()},
                                                  {"tls", "implicit"},
                                                  {"from", "surveys@shop.example"},
                                                  {"message_id_domain", "mail.shop.example"}}),
                           problems);
  const std::string expected_id = SmtpAction("probe", settings, {}).derived_message_id("implicit-1");
  const auto received = mail_testing::received_message(servers_, expected_id);
  ASSERT_TRUE(received) << "no message with the derived Message-ID " << expected_id;
  EXPECT_TRUE(received->at("tls").get<bool>());
  EXPECT_FALSE(received->at("authenticated").get<bool>());
  ASSERT_EQ(received->at("parts").size(), 1U);
  EXPECT_EQ(lf_lines(received->at("parts")[0].at("text")), request.fields.at("text_body"));
}

TEST_F(SmtpDeliveryTest, PlaintextOnlyToLoopbackAndOnlyWhenAllowed) {
  auto allowed = mailer({{"url", starttls_url()}, {"tls", "none"}, {"allow_plaintext_loopback", "true"}});
  ASSERT_TRUE(allowed);
  ASSERT_TRUE(allowed->deliver(survey("plain-1", "ann@example.com")).ok());
  const auto received = mail_testing::received_message(servers_, "<plain-1@shop.example>");
  ASSERT_TRUE(received);
  EXPECT_FALSE(received->at("tls").get<bool>());

  const auto remote = mail_testing::options({{"url", "smtp://mail.example.com:25"},
                                             {"tls", "none"},
                                             {"allow_plaintext_loopback", "true"},
                                             {"from", "surveys@shop.example"}});
  EXPECT_FALSE(connector_.validate(remote).empty());
  // A host that skipped validate() still gets nothing sent.
  auto refused = connector_.create_action({"mailer", remote, {}});
  ASSERT_TRUE(refused);
  const sdk::Status status = refused->deliver(survey("plain-remote-1", "ann@example.com"));
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("loopback"), std::string::npos) << status.reason();

  const auto not_allowed =
      mail_testing::options({{"url", starttls_url()}, {"tls", "none"}, {"from", "surveys@shop.example"}});
  EXPECT_FALSE(connector_.validate(not_allowed).empty());
}

TEST_F(SmtpDeliveryTest, TemporaryRejectionIsRetriedLater) {
  auto action = mailer({{"url", starttls_url()}, {"tls", "starttls"}});
  ASSERT_TRUE(action);
  const sdk::Status status = action->deliver(survey("tempfail-1", "tempfail@example.com"));
  EXPECT_EQ(status.code(), sdk::Status::Code::retry) << status.reason();
  EXPECT_GE(status.delay(), std::chrono::minutes(1));
  EXPECT_NE(status.reason().find("451"), std::string::npos) << status.reason();
}

TEST_F(SmtpDeliveryTest, PermanentRejectionFailsWithTheServersWords) {
  auto action = mailer({{"url", starttls_url()}, {"tls", "starttls"}});
  ASSERT_TRUE(action);
  const sdk::Status status = action->deliver(survey("reject-1", "reject@example.com"));
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("550 5.1.1 No such user here"), std::string::npos) << status.reason();
  EXPECT_TRUE(logger_.has(sdk::LogLevel::warning, "reject-1"));
}

TEST_F(SmtpDeliveryTest, WrongPasswordFailsAndIsNeverLogged) {
  auto action = mailer({{"url", starttls_url()},
                        {"tls", "starttls"},
                        {"username", mail_testing::kSmtpUser},
                        {"password", "not-the-password"}});
  ASSERT_TRUE(action);
  const sdk::Status status = action->deliver(survey("badauth-1", "ann@example.com"));
  EXPECT_EQ(status.code(), sdk::Status::Code::failed) << status.reason();
  EXPECT_NE(status.reason().find("535"), std::string::npos) << status.reason();
  for (const auto& [level, line] : logger_.lines) EXPECT_EQ(line.find("not-the-password"), std::string::npos);
  EXPECT_EQ(status.reason().find("not-the-password"), std::string::npos);
}

TEST_F(SmtpDeliveryTest, UntrustedCertificateOrNoServerIsRetried) {
  auto untrusted = mailer(
      {{"url", starttls_url()}, {"tls", "starttls"}, {"ca_file", "/etc/ssl/certs/ca-certificates.crt"}});
  ASSERT_TRUE(untrusted);
  EXPECT_EQ(untrusted->deliver(survey("untrusted-1", "ann@example.com")).code(), sdk::Status::Code::retry);

  // Nothing listens two ports above the STARTTLS port.
  auto nowhere =
      mailer({{"url", "smtp://127.0.0.1:" + std::to_string(servers_.smtp_port + 2)}, {"tls", "starttls"}});
  ASSERT_TRUE(nowhere);
  EXPECT_EQ(nowhere->deliver(survey("nowhere-1", "ann@example.com")).code(), sdk::Status::Code::retry);
}

}  // namespace
}  // namespace crmsync::smtp
