#include "daemon/identity/han_name_key.hpp"

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

TEST(HanNameKey, HanAndPinyinNamesMatch) {
  const HanNameKey han;
  EXPECT_EQ(han.key("张伟"), han.key("Zhang Wei"));
  EXPECT_EQ(han.key("张伟"), han.key("Wei Zhang"));
  EXPECT_EQ(han.key("张 伟"), han.key("ZHANG  wei"));
}

TEST(HanNameKey, TraditionalAndSimplifiedMatch) {
  const HanNameKey han;
  EXPECT_EQ(han.key("張偉"), han.key("张伟"));
}

TEST(HanNameKey, ToneMarksAreIgnored) {
  const HanNameKey han;
  EXPECT_EQ(han.key("Zhāng Wěi"), han.key("zhang wei"));
}

TEST(HanNameKey, DifferentNamesStayDifferent) {
  const HanNameKey han;
  EXPECT_NE(han.key("张伟"), han.key("王伟"));
  EXPECT_NE(han.key("John Smith"), han.key("Jane Smith"));
}

TEST(HanNameKey, AsciiFoldDropsPunctuationAndAccents) {
  const HanNameKey han;
  EXPECT_EQ(han.ascii_fold("José  O'Neil"), "jose o neil");
}

}  // namespace
}  // namespace crmsync::identity
