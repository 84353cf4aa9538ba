// The imap connector against a real Dovecot (started by ctest). Every test
// works in a mailbox of its own, made fresh, so tests may run in parallel.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "imap_connector.hpp"
#include "imap_cursor.hpp"
#include "mail_test_support.hpp"

namespace crmsync::imap {
namespace {

using mail_testing::MailServers;
using mail_testing::RecordingSink;
using mail_testing::TestMailbox;

std::string reply(const std::string& from, const std::string& message_id, const std::string& body) {
  return "From: " + from +
         "\r\nTo: surveys@shop.example\r\nSubject: Re: How did we do?\r\nMessage-ID: " + message_id +
         "\r\nIn-Reply-To: <survey.1@shop.example>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
         "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
         body + "\r\n";
}

class ImapRepliesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    servers_ = MailServers::from_environment();
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    mailbox_ = std::make_unique<TestMailbox>(servers_, std::string("t-") + info->name());
    mailbox_->recreate();
  }

  std::unique_ptr<sdk::SourceConnector> source(std::vector<std::pair<std::string, std::string>> extra = {}) {
    std::vector<std::pair<std::string, std::string>> values = std::move(extra);
    values.insert(values.end(), {{"url", mailbox_->url()},
                                 {"tls", "implicit"},
                                 {"ca_file", servers_.imap_ca_file()},
                                 {"username", mail_testing::kImapUser},
                                 {"password", mail_testing::kImapPassword}});
    const auto options = mail_testing::options(values);
    const auto problems = connector_.validate(options);
    EXPECT_TRUE(problems.empty()) << problems.front().path << ": " << problems.front().message;
    return connector_.create_source({"replies-inbox", options, {&logger_, nullptr, nullptr, nullptr}});
  }

  static sdk::Status read(sdk::SourceConnector& source, const std::string& cursor, RecordingSink& sink) {
    return source.read("replies", cursor, sink);
  }

  MailServers servers_;
  std::unique_ptr<TestMailbox> mailbox_;
  ImapConnector connector_;
  mail_testing::CapturingLogger logger_;
};

TEST_F(ImapRepliesTest, ReadsOnlyMailThatArrivedAfterTheCursor) {
  mailbox_->append(reply("ann@example.com", "<r1@example.com>", "9"));
  mailbox_->append(reply("bob@example.com", "<r2@example.com>", "7/10"));
  auto replies = source();
  ASSERT_TRUE(replies);

  RecordingSink first;
  ASSERT_TRUE(read(*replies, "", first).ok());
  ASSERT_EQ(first.records().size(), 2U);
  EXPECT_EQ(first.records()[0].fields.at("from_email"), "ann@example.com");
  EXPECT_EQ(first.records()[1].fields.at("score"), "7");
  const auto cursor = ImapCursor::parse(first.last_cursor());
  ASSERT_TRUE(cursor);
  EXPECT_EQ(cursor->last_uid, 2U);
  EXPECT_EQ(first.records()[1].external_id, first.last_cursor());

  RecordingSink nothing_new;
  ASSERT_TRUE(read(*replies, first.last_cursor(), nothing_new).ok());
  EXPECT_TRUE(nothing_new.records().empty());

  mailbox_->append(reply("cy@example.com", "<r3@example.com>", "very satisfied"));
  RecordingSink second;
  ASSERT_TRUE(read(*replies, first.last_cursor(), second).ok());
  ASSERT_EQ(second.records().size(), 1U);
  EXPECT_EQ(second.records()[0].fields.at("from_email"), "cy@example.com");
  EXPECT_EQ(second.records()[0].external_id, std::to_string(cursor->uidvalidity) + ":3");
}

TEST_F(ImapRepliesTest, CommitsInBatchesOfTheConfiguredSize) {
  for (int i = 1; i <= 5; ++i)
    mailbox_->append(reply("ann@example.com", "<b" + std::to_string(i) + "@example.com>", std::to_string(i)));
  auto replies = source({{"batch_size", "2"}});
  RecordingSink sink;
  ASSERT_TRUE(read(*replies, "", sink).ok());
  ASSERT_EQ(sink.batches.size(), 3U);
  EXPECT_EQ(sink.batches[0].records.size(), 2U);
  EXPECT_EQ(sink.batches[2].records.size(), 1U);
  EXPECT_EQ(ImapCursor::parse(sink.batches[0].cursor)->last_uid, 2U);
  EXPECT_EQ(ImapCursor::parse(sink.batches[2].cursor)->last_uid, 5U);
}

TEST_F(ImapRepliesTest, StartsOverWhenUidValidityChanges) {
  mailbox_->append(reply("ann@example.com", "<v1@example.com>", "9"));
  auto replies = source();
  RecordingSink before;
  ASSERT_TRUE(read(*replies, "", before).ok());
  const auto old_cursor = ImapCursor::parse(before.last_cursor());
  ASSERT_TRUE(old_cursor);

  mailbox_->recreate();
  mailbox_->append(reply("bob@example.com", "<v2@example.com>", "3/10"));
  RecordingSink after;
  ASSERT_TRUE(read(*replies, before.last_cursor(), after).ok());
  ASSERT_EQ(after.records().size(), 1U);
  EXPECT_EQ(after.records()[0].fields.at("from_email"), "bob@example.com");
  const auto new_cursor = ImapCursor::parse(after.last_cursor());
  ASSERT_TRUE(new_cursor);
  EXPECT_NE(new_cursor->uidvalidity, old_cursor->uidvalidity);
  EXPECT_EQ(new_cursor->last_uid, 1U);
  EXPECT_TRUE(logger_.has(sdk::LogLevel::warning, "UIDVALIDITY"));
}

TEST_F(ImapRepliesTest, ReadsAChineseReplyInGb2312) {
  // 回复：满意度调查 / 非常满意，物流很快。 + a quoted survey link, as a Chinese client sends it.
  mailbox_->append(
      "From: =?UTF-8?B?546L5bCP5piO?= <wang@example.cn>\r\n"
      "Subject: =?GB2312?B?u9i4tKO6wvrS4rbItfey6Q==?=\r\n"
      "Message-ID: <cn1@example.cn>\r\n"
      "In-Reply-To: <survey.42@shop.example>\r\n"
      "References: <survey.42@shop.example>\r\n"
      "Date: Mon, 23 Nov 2026 22:05:09 +0800\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=\"gb2312\"\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n"
      "t8ezo8L60uKjrM7vwfe63L/"
      "soaMNCg0K1NogMjAyNsTqMTHUwjIzyNUgMTA6MDCjrMnMs8cg0LS1wKO6DQo+IMfrzqq2qbWltPK31iBodHRw\r\n"
      "czovL3Nob3AuZXhhbXBsZS9zL1RvazNuX1RvazNuLVRvazNuDQo=\r\n");
  auto replies = source();
  RecordingSink sink;
  ASSERT_TRUE(read(*replies, "", sink).ok());
  const auto records = sink.records();
  ASSERT_EQ(records.size(), 1U);
  const auto& fields = records[0].fields;
  EXPECT_EQ(fields.at("score"), "5");
  EXPECT_EQ(fields.at("feedback_kind"), "csat");
  EXPECT_EQ(fields.at("comment"), "非常满意，物流很快。");
  EXPECT_EQ(fields.at("survey_token"), "Tok3n_Tok3n-Tok3n");
  EXPECT_EQ(fields.at("in_reply_to"), "<survey.42@shop.example>");
  EXPECT_EQ(fields.at("from_email"), "wang@example.cn");
  EXPECT_EQ(fields.at("received_at"), "2026-11-23T14:05:09Z");
}

TEST_F(ImapRepliesTest, TakesTheScoreFromTheReplyNotFromTheQuotedHistory) {
  mailbox_->append(reply("ann@example.com", "<h1@example.com>",
                         "9/10 - the courier was late but support was great.\r\n\r\n"
                         "On Sun, 22 Nov 2026 at 09:00, Shop <surveys@shop.example> wrote:\r\n"
                         "> How likely are you to recommend us? Answer 0-10, e.g. 10\r\n"
                         "> Survey-Token: Qm9va2luZ19Ub2tlbl8x\r\n"));
  auto replies =
      source({{"url", "imap://127.0.0.1:" + std::to_string(servers_.imap_port) + "/" + mailbox_->name()},
              {"tls", "starttls"}});
  ASSERT_TRUE(replies);
  RecordingSink sink;
  ASSERT_TRUE(read(*replies, "", sink).ok());
  const auto records = sink.records();
  ASSERT_EQ(records.size(), 1U);
  const auto& fields = records[0].fields;
  EXPECT_EQ(fields.at("score"), "9");
  EXPECT_EQ(fields.at("feedback_kind"), "nps");
  EXPECT_EQ(fields.at("comment"), "9/10 - the courier was late but support was great.");
  EXPECT_EQ(fields.at("survey_token"), "Qm9va2luZ19Ub2tlbl8x");
}

TEST_F(ImapRepliesTest, AWrongPasswordIsRetriedAndNamesTheMailbox) {
  auto replies = source({{"password", "wrong-password"}});
  RecordingSink sink;
  const sdk::Status status = read(*replies, "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::retry);
  EXPECT_NE(status.reason().find(mailbox_->name()), std::string::npos) << status.reason();
  EXPECT_EQ(status.reason().find("wrong-password"), std::string::npos);
  EXPECT_TRUE(sink.batches.empty());
}

TEST_F(ImapRepliesTest, RefusesPlaintextLoginToANonLoopbackHost) {
  const auto remote = mail_testing::options({{"url", "imap://mail.example.com/INBOX"},
                                             {"tls", "none"},
                                             {"allow_plaintext_loopback", "true"},
                                             {"username", "u"},
                                             {"password", "p"}});
  EXPECT_FALSE(connector_.validate(remote).empty());
  // A host that skipped validate() still gets no login in clear text.
  auto refused = connector_.create_source({"replies-inbox", remote, {}});
  ASSERT_TRUE(refused);
  RecordingSink sink;
  const sdk::Status status = read(*refused, "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("loopback"), std::string::npos) << status.reason();
  EXPECT_TRUE(sink.batches.empty());
}

}  // namespace
}  // namespace crmsync::imap
