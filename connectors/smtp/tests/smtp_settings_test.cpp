#include "smtp_settings.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "option_duration.hpp"

namespace crmsync::smtp {
namespace {

sdk::ConfigValue options(std::vector<std::pair<std::string, std::string>> values) {
  std::vector<sdk::ConfigValue::Entry> entries;
  entries.emplace_back("from", sdk::ConfigValue::make_scalar("surveys@shop.example"));
  for (auto& [key, value] : values) entries.emplace_back(key, sdk::ConfigValue::make_scalar(value));
  return sdk::ConfigValue::make_mapping(std::move(entries));
}

std::vector<sdk::ConfigProblem> problems_of(const sdk::ConfigValue& value) {
  std::vector<sdk::ConfigProblem> problems;
  (void)SmtpSettings::parse(value, problems);
  return problems;
}

bool mentions(const std::vector<sdk::ConfigProblem>& problems, const std::string& path) {
  for (const auto& p : problems)
    if (p.path == path) return true;
  return false;
}

TEST(SmtpSettingsTest, StartTlsToARemoteRelayIsFine) {
  std::vector<sdk::ConfigProblem> problems;
  const auto settings = SmtpSettings::parse(
      options({{"url", "smtp://mail.example.com:587"}, {"username", "u"}, {"password", "p"}}), problems);
  ASSERT_TRUE(settings) << (problems.empty() ? "" : problems.front().message);
  EXPECT_EQ(settings->security.mode(), mail::TlsMode::starttls);
  EXPECT_EQ(settings->message_id_domain, "shop.example");
}

TEST(SmtpSettingsTest, RefusesPlaintextToANonLoopbackHost) {
  EXPECT_TRUE(mentions(
      problems_of(options(
          {{"url", "smtp://mail.example.com:25"}, {"tls", "none"}, {"allow_plaintext_loopback", "true"}})),
      "tls"));
}

TEST(SmtpSettingsTest, PlaintextToLoopbackNeedsTheExplicitSwitch) {
  EXPECT_TRUE(mentions(problems_of(options({{"url", "smtp://127.0.0.1:2525"}, {"tls", "none"}})),
                       "allow_plaintext_loopback"));
  EXPECT_TRUE(
      problems_of(
          options({{"url", "smtp://127.0.0.1:2525"}, {"tls", "none"}, {"allow_plaintext_loopback", "true"}}))
          .empty());
  EXPECT_TRUE(
      problems_of(
          options({{"url", "smtp://[::1]:2525"}, {"tls", "none"}, {"allow_plaintext_loopback", "true"}}))
          .empty());
}

TEST(SmtpSettingsTest, SchemeAndTlsModeMustAgree) {
  EXPECT_TRUE(mentions(problems_of(options({{"url", "smtps://mail.example.com:465"}})), "tls"));
  EXPECT_TRUE(
      mentions(problems_of(options({{"url", "smtp://mail.example.com:587"}, {"tls", "implicit"}})), "url"));
  EXPECT_TRUE(mentions(problems_of(options({{"url", "http://mail.example.com"}})), "url"));
}

TEST(SmtpSettingsTest, ChecksSenderCredentialsAndTimeout) {
  EXPECT_TRUE(mentions(problems_of(sdk::ConfigValue::make_mapping(
                           {{"url", sdk::ConfigValue::make_scalar("smtp://mail.example.com")},
                            {"from", sdk::ConfigValue::make_scalar("not an address")}})),
                       "from"));
  EXPECT_TRUE(
      mentions(problems_of(options({{"url", "smtp://mail.example.com"}, {"username", "u"}})), "password"));
  EXPECT_TRUE(
      mentions(problems_of(options({{"url", "smtp://mail.example.com"}, {"timeout", "soon"}})), "timeout"));
}

TEST(SmtpSettingsTest, ParsesDurations) {
  EXPECT_EQ(mail::parse_duration("30s"), std::chrono::milliseconds(30000));
  EXPECT_EQ(mail::parse_duration("2m"), std::chrono::milliseconds(120000));
  EXPECT_EQ(mail::parse_duration("45"), std::chrono::milliseconds(45000));
  EXPECT_FALSE(mail::parse_duration("fast"));
}

}  // namespace
}  // namespace crmsync::smtp
