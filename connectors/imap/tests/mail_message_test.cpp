#include "mail_message.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::imap {
namespace {

// A reply from a Chinese mail client: GB2312 subject and base64 GB2312 body.
const std::string kGb2312Reply =
    "From: =?UTF-8?B?546L5bCP5piO?= <Wang@Example.CN>\r\n"
    "Subject: =?GB2312?B?u9i4tKO6wvrS4rbItfey6Q==?=\r\n"
    "In-Reply-To: <survey.42@shop.example>\r\n"
    "Date: Mon, 23 Nov 2026 22:05:09 +0800\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain;\r\n\tcharset=\"gb2312\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "t8ezo8L60uKjrM7vwfe63L/"
    "soaMNCg0K1NogMjAyNsTqMTHUwjIzyNUgMTA6MDCjrMnMs8cg0LS1wKO6DQo+IMfrzqq2qbWltPK31iBodHRw\r\n"
    "czovL3Nob3AuZXhhbXBsZS9zL1RvazNuX1RvazNuLVRvazNuDQo=\r\n";

TEST(MailMessageTest, DecodesGb2312HeadersAndBody) {
  const MailMessage message = MailMessage::parse(kGb2312Reply);
  EXPECT_EQ(message.decoded_header("subject"), "回复：满意度调查");
  EXPECT_EQ(message.decoded_header("from"), "王小明 <Wang@Example.CN>");
  EXPECT_EQ(message.sender_address(), "wang@example.cn");
  EXPECT_EQ(message.text().substr(0, message.text().find('\n')), "非常满意，物流很快。");
  EXPECT_EQ(message.header("in-reply-to"), "<survey.42@shop.example>");
}

TEST(MailMessageTest, PrefersThePlainPartOfAnAlternative) {
  const std::string raw =
      "From: ann@example.com\r\n"
      "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
      "preamble\r\n"
      "--b1\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
      "Tr=C3=A8s bien =E2=80=94 9/10\r\n"
      "--b1\r\n"
      "Content-Type: text/html; charset=utf-8\r\n\r\n"
      "<p>Tr&egrave;s bien</p>\r\n"
      "--b1--\r\n";
  const MailMessage message = MailMessage::parse(raw);
  EXPECT_EQ(message.text(), "Très bien — 9/10");
}

TEST(MailMessageTest, FallsBackToHtmlWithQuotesMarked) {
  const std::string raw =
      "From: Ann <ann@example.com>\r\n"
      "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
      "--outer\r\n"
      "Content-Type: text/html; charset=utf-8\r\n\r\n"
      "<html><style>p{color:red}</style><body><div>8 out of 10</div>"
      "<blockquote>How did we do? 10</blockquote></body></html>\r\n"
      "--outer\r\n"
      "Content-Type: text/plain\r\nContent-Disposition: attachment; filename=notes.txt\r\n\r\n"
      "not the reply\r\n"
      "--outer--\r\n";
  const MailMessage message = MailMessage::parse(raw);
  EXPECT_NE(message.text().find("8 out of 10"), std::string::npos);
  EXPECT_EQ(message.text().find("color"), std::string::npos);
  EXPECT_NE(message.text().find("> How did we do?"), std::string::npos);
  EXPECT_EQ(message.text().find("not the reply"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::imap
