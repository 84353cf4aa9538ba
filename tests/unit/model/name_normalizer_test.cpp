#include "daemon/model/name_normalizer.hpp"

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

TEST(NameNormalizer, TidyCollapsesAndTrimsWhiteSpaceIncludingIdeographicSpace) {
  EXPECT_EQ(NameNormalizer().tidy("\u3000 John \t  Smith\u3000"), "John Smith");
  EXPECT_EQ(NameNormalizer().tidy("欧阳\u3000\u3000娜娜"), "欧阳 娜娜");
}

TEST(NameNormalizer, ChineseNameStaysChinese) {
  EXPECT_EQ(NameNormalizer().tidy(" 张三 "), "张三");
  EXPECT_EQ(NameNormalizer().key("张三"), "张三");
}

TEST(NameNormalizer, KeyFoldsCaseAndWidth) {
  const NameNormalizer names;
  EXPECT_EQ(names.key("ＪＯＨＮ  Smith"), "john smith");
  EXPECT_EQ(names.key("john smith"), names.key("JOHN SMITH"));
  EXPECT_EQ(names.key("Straße"), names.key("STRASSE"));
}

TEST(NameNormalizer, KeyKeepsOriginalScriptOtherThanCase) {
  EXPECT_EQ(NameNormalizer().key("Ελένη"), "ελένη");
  EXPECT_EQ(NameNormalizer().key("Müller"), "müller");
}

TEST(NameNormalizer, KeyIgnoresSpacesInsideChineseNames) {
  EXPECT_EQ(NameNormalizer().key("张\u3000三"), "张三");
  EXPECT_EQ(NameNormalizer().key("张 三"), NameNormalizer().key("张三"));
}

TEST(NameNormalizer, KeyKeepsSpacesBetweenLatinWords) {
  EXPECT_EQ(NameNormalizer().key("Ann Lee"), "ann lee");
}

TEST(NameNormalizer, ComposesHanNameFamilyFirstWithoutSpace) {
  EXPECT_EQ(NameNormalizer().compose("三", "张"), "张三");
  EXPECT_EQ(NameNormalizer().compose(" 娜娜 ", "欧阳"), "欧阳娜娜");
}

TEST(NameNormalizer, ComposesJapaneseAndKoreanNamesFamilyFirst) {
  EXPECT_EQ(NameNormalizer().compose("はなこ", "山田"), "山田はなこ");
  EXPECT_EQ(NameNormalizer().compose("민준", "김"), "김민준");
}

TEST(NameNormalizer, ComposesLatinNameGivenFirstWithSpace) {
  EXPECT_EQ(NameNormalizer().compose("John", "Smith"), "John Smith");
}

TEST(NameNormalizer, ComposesFromOnePart) {
  EXPECT_EQ(NameNormalizer().compose("", "Smith"), "Smith");
  EXPECT_EQ(NameNormalizer().compose("John", "  "), "John");
  EXPECT_EQ(NameNormalizer().compose("", ""), "");
}

}  // namespace
}  // namespace crmsync::model
