#include "daemon/store/utf8_text.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::store {
namespace {

TEST(Utf8TextTest, AcceptsWellFormedTextIncludingFourByteCharacters) {
  EXPECT_TRUE(Utf8Text::storable("plain"));
  EXPECT_TRUE(Utf8Text::storable("张伟 Ünïcödé 👍"));
  EXPECT_TRUE(Utf8Text::storable(""));
}

TEST(Utf8TextTest, RejectsWhatTheServersReject) {
  EXPECT_FALSE(Utf8Text::storable(std::string("caf\xE9")));           // Latin-1
  EXPECT_FALSE(Utf8Text::storable(std::string("\xC0\xAF")));          // overlong
  EXPECT_FALSE(Utf8Text::storable(std::string("\xED\xA0\x80")));      // surrogate
  EXPECT_FALSE(Utf8Text::storable(std::string("\xF4\x90\x80\x80")));  // past U+10FFFF
  EXPECT_FALSE(Utf8Text::storable(std::string("a\0b", 3)));           // NUL
  EXPECT_FALSE(Utf8Text::storable(std::string("\xE5\xBC")));          // cut short
}

TEST(Utf8TextTest, CountsCharactersNotBytes) {
  EXPECT_EQ(Utf8Text::length("张伟"), 2U);
  EXPECT_EQ(Utf8Text::length("a👍"), 2U);
}

TEST(Utf8TextTest, SanitizingReplacesOnlyTheBadBytes) {
  EXPECT_EQ(Utf8Text::sanitized(std::string("caf\xE9 张")), "caf\xEF\xBF\xBD 张");
  EXPECT_EQ(Utf8Text::sanitized(std::string("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(Utf8Text::sanitized("ok"), "ok");
}

}  // namespace
}  // namespace crmsync::store
