#include "reply_text.hpp"

#include <gtest/gtest.h>

namespace crmsync::imap {
namespace {

TEST(ReplyTextTest, CutsGmailStyleHistory) {
  EXPECT_EQ(ReplyText::own_text(
                "9/10, fast delivery.\n\nOn Mon, 23 Nov 2026 at 10:00, Shop <s@shop.example>\nwrote:\n"
                "> How likely are you to recommend us? 0-10\n"),
            "9/10, fast delivery.");
}

TEST(ReplyTextTest, CutsChineseClientHistory) {
  EXPECT_EQ(ReplyText::own_text(
                "非常满意，谢谢！\n\n在 2026年11月23日 10:00，商城 <s@shop.example> 写道：\n> 请打分\n"),
            "非常满意，谢谢！");
  EXPECT_EQ(ReplyText::own_text("一般\n\n------------------ 原始邮件 ------------------\n发件人: 商城\n"),
            "一般");
}

TEST(ReplyTextTest, CutsOutlookBlocksAndSignatures) {
  EXPECT_EQ(
      ReplyText::own_text("Good service\n\n________________________________\nFrom: Shop\nSent: Monday\n"),
      "Good service");
  EXPECT_EQ(ReplyText::own_text("Good service\n-- \nAnn Lee\nACME Ltd, +1 555 0100\n"), "Good service");
  EXPECT_EQ(ReplyText::own_text("Fine\n\nSent from my iPhone\n"), "Fine");
}

TEST(ReplyTextTest, DropsInterleavedQuotes) {
  EXPECT_EQ(ReplyText::own_text("> question one\nanswer one\n> question two\nanswer two\n"),
            "answer one\nanswer two");
}

}  // namespace
}  // namespace crmsync::imap
