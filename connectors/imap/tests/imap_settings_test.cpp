#include "imap_settings.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace crmsync::imap {
namespace {

sdk::ConfigValue options(std::vector<std::pair<std::string, std::string>> values) {
  std::vector<sdk::ConfigValue::Entry> entries{{"username", sdk::ConfigValue::make_scalar("replies")},
                                               {"password", sdk::ConfigValue::make_scalar("pw")}};
  for (auto& [key, value] : values) entries.emplace_back(key, sdk::ConfigValue::make_scalar(value));
  return sdk::ConfigValue::make_mapping(std::move(entries));
}

TEST(ImapSettingsTest, SplitsServerAndMailbox) {
  std::vector<sdk::ConfigProblem> problems;
  const auto settings =
      ImapSettings::parse(options({{"url", "imaps://mail.example.com:993/Survey%20Replies"}}), problems);
  ASSERT_TRUE(settings) << (problems.empty() ? "" : problems.front().message);
  EXPECT_EQ(settings->mailbox, "Survey Replies");
  EXPECT_EQ(settings->server_url, "imaps://mail.example.com:993/");
  EXPECT_EQ(settings->mailbox_url, "imaps://mail.example.com:993/Survey%20Replies");
  EXPECT_EQ(settings->security.mode(), mail::TlsMode::implicit);
}

TEST(ImapSettingsTest, RefusesPlaintextLoginToARemoteServer) {
  std::vector<sdk::ConfigProblem> problems;
  EXPECT_FALSE(ImapSettings::parse(
      options(
          {{"url", "imap://mail.example.com/INBOX"}, {"tls", "none"}, {"allow_plaintext_loopback", "true"}}),
      problems));
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.front().path, "tls");
}

TEST(ImapSettingsTest, NeedsAMailboxAndASaneBatchSize) {
  std::vector<sdk::ConfigProblem> problems;
  EXPECT_FALSE(ImapSettings::parse(options({{"url", "imaps://mail.example.com/"}}), problems));
  EXPECT_FALSE(ImapSettings::parse(options({{"url", "imaps://mail.example.com/INBOX"}, {"batch_size", "0"}}),
                                   problems));
  ASSERT_EQ(problems.size(), 2U);
  EXPECT_EQ(problems[0].path, "url");
  EXPECT_EQ(problems[1].path, "batch_size");
}

}  // namespace
}  // namespace crmsync::imap
