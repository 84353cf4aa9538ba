#include "mime_composer.hpp"

#include <chrono>
#include <string>

#include <gtest/gtest.h>
#include <openssl/evp.h>

namespace crmsync::smtp {
namespace {

OutgoingEmail survey_email() {
  OutgoingEmail email;
  email.from_address = "surveys@shop.example";
  email.from_name = "Shop Team";
  email.to_address = "li@example.cn";
  email.to_name = "李雷";
  email.subject = "您的订单满意度调查";
  email.text_body = "请为我们打分：https://shop.example/s/abcDEF0123456789xyz\n";
  email.html_body = "<p>请为我们打分</p>";
  email.message_id = "<survey.42@shop.example>";
  email.unsubscribe_url = "https://shop.example/u/abc";
  email.language = "zh";
  email.date = std::chrono::system_clock::time_point(std::chrono::seconds(1795442709));  // 2026-11-23
  return email;
}

std::string decode_base64_lines(std::string text) {
  std::string flat;
  for (const char c : text)
    if (c != '\r' && c != '\n') flat += c;
  std::string out(flat.size(), '\0');
  const int n =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(flat.data()), static_cast<int>(flat.size()));
  out.resize(static_cast<std::size_t>(n) - (flat.size() - flat.find_last_not_of('=') - 1));
  return out;
}

std::string headers_of(const std::string& message) {
  return message.substr(0, message.find("\r\n\r\n") + 2);
}

TEST(MimeComposerTest, WritesTheHeadersMailClientsAndRfc8058Need) {
  const std::string message = MimeComposer::compose(survey_email());
  const std::string headers = headers_of(message);
  EXPECT_NE(headers.find("Message-ID: <survey.42@shop.example>\r\n"), std::string::npos);
  EXPECT_NE(headers.find("List-Unsubscribe: <https://shop.example/u/abc>\r\n"), std::string::npos);
  EXPECT_NE(headers.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), std::string::npos);
  EXPECT_NE(headers.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Date: Mon, 23 Nov 2026 "), std::string::npos);
  EXPECT_NE(headers.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(headers.find("From: Shop Team <surveys@shop.example>\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Content-Language: zh\r\n"), std::string::npos);
}

TEST(MimeComposerTest, SendsTextAndHtmlAsAlternatives) {
  const std::string message = MimeComposer::compose(survey_email());
  EXPECT_NE(message.find("Content-Type: multipart/alternative; boundary="), std::string::npos);
  const auto text = message.find("Content-Type: text/plain; charset=UTF-8");
  const auto html = message.find("Content-Type: text/html; charset=UTF-8");
  ASSERT_NE(text, std::string::npos);
  ASSERT_NE(html, std::string::npos);
  EXPECT_LT(text, html) << "plain text must come first so clients prefer the HTML";
  EXPECT_EQ(message.find_first_of("\x80\xff"), std::string::npos) << "the message must be 7-bit";
  EXPECT_EQ(message.substr(message.size() - 2), "\r\n");
}

TEST(MimeComposerTest, AddsTheMailtoTargetWhenConfigured) {
  OutgoingEmail email = survey_email();
  email.unsubscribe_mailto = "unsubscribe@shop.example";
  const std::string headers = headers_of(MimeComposer::compose(email));
  EXPECT_NE(
      headers.find("List-Unsubscribe: <https://shop.example/u/abc>,\r\n <mailto:unsubscribe@shop.example>"),
      std::string::npos);
}

TEST(MimeComposerTest, PlainTextOnlyWhenThereIsNoHtml) {
  OutgoingEmail email = survey_email();
  email.html_body.clear();
  const std::string message = MimeComposer::compose(email);
  EXPECT_EQ(message.find("multipart"), std::string::npos);
  EXPECT_NE(headers_of(message).find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
}

TEST(MimeComposerTest, BodiesUseCrlfLineBreaksAsMimeRequires) {
  OutgoingEmail email = survey_email();
  email.html_body.clear();
  email.text_body = "第一行\n第二行\r\n";
  const std::string message = MimeComposer::compose(email);
  const std::string encoded = message.substr(message.find("\r\n\r\n") + 4);
  EXPECT_EQ(decode_base64_lines(encoded), "第一行\r\n第二行\r\n");
}

TEST(MimeComposerTest, TheSameEmailGivesTheSameBytes) {
  EXPECT_EQ(MimeComposer::compose(survey_email()), MimeComposer::compose(survey_email()));
}

}  // namespace
}  // namespace crmsync::smtp
