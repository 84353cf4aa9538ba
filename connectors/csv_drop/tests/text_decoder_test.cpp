#include "text_decoder.hpp"

#include <string>

#include <gtest/gtest.h>

#include "text_encoding.hpp"
#include "utf8_validator.hpp"

namespace crmsync::csv_drop {
namespace {

// Decodes `bytes` fed in pieces of `piece` bytes.
std::string decode(TextEncoding encoding, const std::string& bytes, std::size_t piece,
                   std::string* error = nullptr) {
  TextDecoder decoder(encoding);
  std::string out;
  for (std::size_t at = 0; at <= bytes.size(); at += piece) {
    const std::string part = bytes.substr(at, piece);
    const bool last = at + piece >= bytes.size();
    if (!decoder.decode(part, last, out)) {
      if (error != nullptr) *error = decoder.error();
      return "<error>";
    }
    if (last) break;
  }
  return out;
}

const std::string kZhangWeiGbk = "\xD5\xC5\xCE\xB0";  // 张伟

TEST(TextDecoder, GbkBytesBecomeUtf8) {
  for (std::size_t piece : {1, 2, 3, 100}) {
    EXPECT_EQ(decode(TextEncoding::gbk, "id," + kZhangWeiGbk + "\r\n", piece), "id,张伟\r\n");
    EXPECT_EQ(decode(TextEncoding::gb18030, kZhangWeiGbk, piece), "张伟");
  }
}

TEST(TextDecoder, Gb18030FourByteSequencesDecode) {
  // U+20000 (CJK Extension B) is outside GBK: GB18030 spells it 95 32 82 36.
  EXPECT_EQ(decode(TextEncoding::gb18030, "\x95\x32\x82\x36", 1), "\xF0\xA0\x80\x80");
}

TEST(TextDecoder, InvalidGb18030StopsWithOffset) {
  std::string error;
  EXPECT_EQ(decode(TextEncoding::gb18030,
                   "ab\xFF"
                   "c",
                   100, &error),
            "<error>");
  EXPECT_NE(error.find("invalid gb18030 byte sequence FF at byte offset 2"), std::string::npos) << error;
}

TEST(TextDecoder, TruncatedGbkAtEndIsAnError) {
  std::string error;
  EXPECT_EQ(decode(TextEncoding::gbk, "ok\xD5", 100, &error), "<error>");
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
}

TEST(TextDecoder, Utf8BomIsStrippedEvenWhenSplit) {
  for (std::size_t piece : {1, 2, 3, 100}) {
    EXPECT_EQ(decode(TextEncoding::utf8, "\xEF\xBB\xBFid,name\n", piece), "id,name\n");
  }
  EXPECT_EQ(decode(TextEncoding::utf8, "\xEF\xBB", 1, nullptr), "<error>");  // truncated
  EXPECT_EQ(decode(TextEncoding::utf8, "ab", 1), "ab");
  EXPECT_EQ(decode(TextEncoding::utf8, "", 1), "");
}

TEST(TextDecoder, InvalidUtf8StopsWithOffset) {
  std::string error;
  EXPECT_EQ(decode(TextEncoding::utf8, "abc" + kZhangWeiGbk, 2, &error), "<error>");
  EXPECT_NE(error.find("invalid UTF-8 byte sequence at byte offset 3"), std::string::npos) << error;
}

TEST(TextDecoder, Utf16WithBomDecodes) {
  const std::string le(
      "\xFF\xFE"
      "a\0\x20\x5F",
      6);  // "a张" (U+5F20)
  EXPECT_EQ(decode(TextEncoding::utf16, le, 1), "a\xE5\xBC\xA0");
  const std::string be("\xFE\xFF\0a", 4);
  EXPECT_EQ(decode(TextEncoding::utf16, be, 3), "a");
}

TEST(TextEncoding, AutoPrefersBomThenUtf8ThenGb18030) {
  EXPECT_EQ(choose_encoding(EncodingOption::automatic, ByteOrderMark::utf8, true), TextEncoding::utf8);
  EXPECT_EQ(choose_encoding(EncodingOption::automatic, ByteOrderMark::utf16le, false), TextEncoding::utf16);
  EXPECT_EQ(choose_encoding(EncodingOption::automatic, ByteOrderMark::none, true), TextEncoding::utf8);
  EXPECT_EQ(choose_encoding(EncodingOption::automatic, ByteOrderMark::none, false), TextEncoding::gb18030);
  EXPECT_EQ(choose_encoding(EncodingOption::gbk, ByteOrderMark::none, true), TextEncoding::gbk);
  EXPECT_EQ(choose_encoding(EncodingOption::utf8, ByteOrderMark::none, false), TextEncoding::utf8);
  EXPECT_EQ(detect_byte_order_mark("\xEF\xBB\xBFx"), ByteOrderMark::utf8);
  EXPECT_EQ(detect_byte_order_mark("\xFF\xFEx"), ByteOrderMark::utf16le);
  EXPECT_EQ(detect_byte_order_mark("id,"), ByteOrderMark::none);
}

TEST(Utf8Validator, AcceptsWellFormedAndRejectsTheRest) {
  const auto valid = [](const std::string& bytes) {
    Utf8Validator v;
    return v.feed(bytes) && v.finish();
  };
  EXPECT_TRUE(valid("plain ascii"));
  EXPECT_TRUE(valid("张伟 Müller \xF0\x9F\x98\x80"));
  EXPECT_FALSE(valid("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(valid("\xE0\x80\x80"));      // overlong
  EXPECT_FALSE(valid("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(valid("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(valid("\xE5\xBC"));          // cut short
  EXPECT_FALSE(valid(kZhangWeiGbk));
}

}  // namespace
}  // namespace crmsync::csv_drop
