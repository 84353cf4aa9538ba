#include "reply_record_builder.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::imap {
namespace {

const std::string kReply =
    "From: Ann Lee <ann@example.com>\r\n"
    "To: surveys@shop.example\r\n"
    "Subject: Re: How did we do?\r\n"
    "Message-ID: <reply.1@example.com>\r\n"
    "In-Reply-To: <survey.42@shop.example>\r\n"
    "References: <survey.42@shop.example>\r\n"
    "Date: Mon, 23 Nov 2026 09:15:00 -0500\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "9/10 - quick delivery, the box was dented though.\r\n\r\n"
    "On Sun, 22 Nov 2026, Shop <surveys@shop.example> wrote:\r\n"
    "> How likely are you to recommend us, 0 to 10?\r\n"
    "> https://shop.example/s/Ab3_x-9QrT5uVw7Yz1\r\n";

TEST(ReplyRecordBuilderTest, ExtractsEverythingTheDaemonLinksBy) {
  const auto record = ReplyRecordBuilder::build("INBOX", 1700000000, 17, kReply, "2026-11-23T15:00:00Z");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->external_id, "1700000000:17");
  EXPECT_EQ(record->entity, sdk::EntityType::feedback);
  EXPECT_EQ(record->fields.at("from_email"), "ann@example.com");
  EXPECT_EQ(record->fields.at("in_reply_to"), "<survey.42@shop.example>");
  EXPECT_EQ(record->fields.at("references"), "<survey.42@shop.example>");
  EXPECT_EQ(record->fields.at("survey_token"), "Ab3_x-9QrT5uVw7Yz1");
  EXPECT_EQ(record->fields.at("score"), "9");
  EXPECT_EQ(record->fields.at("feedback_kind"), "nps");
  EXPECT_EQ(record->fields.at("comment"), "9/10 - quick delivery, the box was dented though.");
  EXPECT_EQ(record->fields.at("received_at"), "2026-11-23T14:15:00Z");
  EXPECT_NE(record->payload.find("\"message_id\":\"<reply.1@example.com>\""), std::string::npos);
  EXPECT_NE(record->location.find("uid 17"), std::string::npos);
}

TEST(ReplyRecordBuilderTest, ANoteWithoutScoreStillBecomesARecord) {
  const std::string raw =
      "From: bob@example.com\r\nSubject: invoice\r\n\r\nPlease send the invoice again.\r\n";
  const auto record = ReplyRecordBuilder::build("INBOX", 5, 2, raw, "2026-11-23T15:00:00Z");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->fields.at("score"), "");
  EXPECT_EQ(record->fields.at("feedback_kind"), "note");
  EXPECT_EQ(record->fields.at("received_at"), "2026-11-23T15:00:00Z") << "no Date header: the fetch time";
}

TEST(ReplyRecordBuilderTest, SkipsAutoRepliesAndBounces) {
  EXPECT_FALSE(ReplyRecordBuilder::build(
      "INBOX", 5, 3,
      "From: ann@example.com\r\nAuto-Submitted: auto-replied\r\n\r\nI am out of office until 9/12.\r\n",
      "2026-11-23T15:00:00Z"));
  EXPECT_FALSE(ReplyRecordBuilder::build(
      "INBOX", 5, 4,
      "From: MAILER-DAEMON@example.com\r\nContent-Type: multipart/report; report-type=delivery-status; "
      "boundary=x\r\n\r\n--x--\r\n",
      "2026-11-23T15:00:00Z"));
}

}  // namespace
}  // namespace crmsync::imap
