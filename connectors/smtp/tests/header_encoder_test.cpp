#include "header_encoder.hpp"

#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <openssl/evp.h>

namespace crmsync::smtp {
namespace {

std::string decode_base64(const std::string& text) {
  std::vector<unsigned char> out(text.size());
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  std::size_t length = static_cast<std::size_t>(n);
  if (text.size() >= 1 && text.back() == '=') --length;
  if (text.size() >= 2 && text[text.size() - 2] == '=') --length;
  return {reinterpret_cast<const char*>(out.data()), length};
}

// Decodes every encoded word and checks each one alone is valid UTF-8 text.
std::vector<std::string> words_of(const std::string& header) {
  std::vector<std::string> words;
  const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)");
  for (auto it = std::sregex_iterator(header.begin(), header.end(), word); it != std::sregex_iterator(); ++it)
    words.push_back(decode_base64((*it)[1].str()));
  return words;
}

TEST(HeaderEncoderTest, KeepsShortAsciiSubjectsReadable) {
  EXPECT_EQ(HeaderEncoder::unstructured("How did we do?"), "How did we do?");
}

TEST(HeaderEncoderTest, EncodesChineseSubjectIntoWordsThatDecodeBack) {
  const std::string subject = "您对订单 A-1001 的满意度如何？请花一分钟告诉我们，谢谢您的支持与信任！";
  const std::string header = HeaderEncoder::unstructured(subject);
  std::string joined;
  for (const auto& word : words_of(header)) joined += word;
  EXPECT_EQ(joined, subject);
}

TEST(HeaderEncoderTest, NeverSplitsACharacterAcrossWordsAndKeepsWordsShort) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "满";
  const std::string header = HeaderEncoder::unstructured(text);
  for (const auto& word : words_of(header)) {
    EXPECT_EQ(word.size() % 3, 0U) << "a word ends inside a 3-byte character";
  }
  std::size_t line_start = 0;
  while (line_start < header.size()) {
    std::size_t end = header.find("\r\n", line_start);
    if (end == std::string::npos) end = header.size();
    EXPECT_LE(end - line_start, 76U);
    line_start = end + 2;
  }
}

TEST(HeaderEncoderTest, QuotesAsciiNamesWithSpecialsAndEncodesOthers) {
  EXPECT_EQ(HeaderEncoder::mailbox("Ann Lee", "ann@example.com"), "Ann Lee <ann@example.com>");
  EXPECT_EQ(HeaderEncoder::mailbox("Lee, Ann \"AL\"", "ann@example.com"),
            "\"Lee, Ann \\\"AL\\\"\" <ann@example.com>");
  EXPECT_EQ(HeaderEncoder::mailbox("", "ann@example.com"), "<ann@example.com>");
  const std::string chinese = HeaderEncoder::mailbox("王小明", "wang@example.cn");
  EXPECT_EQ(words_of(chinese), std::vector<std::string>{"王小明"});
  EXPECT_NE(chinese.find("<wang@example.cn>"), std::string::npos);
}

TEST(HeaderEncoderTest, SpotsHeaderInjection) {
  EXPECT_TRUE(HeaderEncoder::has_line_break("Hi\r\nBcc: x@example.com"));
  EXPECT_FALSE(HeaderEncoder::has_line_break("Hi there"));
}

}  // namespace
}  // namespace crmsync::smtp
