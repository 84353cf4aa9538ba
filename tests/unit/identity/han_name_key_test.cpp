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

TEST(HanNameKey, KeyOfAFoldedNameIsTheNamesKey) {
  const HanNameKey han;
  for (const char* name :
       {"张伟", "Zhāng Wěi", "wei  ZHANG", "O'Brien-Smith, Mary", "南京市长安街12号", ""}) {
    EXPECT_EQ(HanNameKey::key_of_folded(han.ascii_fold(name)), han.key(name)) << name;
  }
  EXPECT_EQ(HanNameKey::key_of_folded("zhang wei"), "weizhang");
}

TEST(HanNameKey, TraditionalAndSimplifiedMatch) {
  const HanNameKey han;
  EXPECT_EQ(han.key("張偉"), han.key("张伟"));
}

TEST(HanNameKey, HanCharactersAreSimplifiedAndAloneKept) {
  const HanNameKey han;
  EXPECT_EQ(han.fold_with_han("張 偉").han, "张伟");
  EXPECT_EQ(han.fold_with_han("張 偉").ascii, han.ascii_fold("張 偉"));
  EXPECT_EQ(han.fold_with_han("于鑫 (VIP)").han, "于鑫");
  EXPECT_NE(han.fold_with_han("于鑫").han, han.fold_with_han("于欣").han);
  EXPECT_EQ(han.fold_with_han("南京路801号").han, "南京路号");
  EXPECT_EQ(han.fold_with_han("Zhang Wei").han, "");
  EXPECT_EQ(han.fold_with_han("Müller").han, "");
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

TEST(HanNameKey, TextWithoutHanFoldsLatinLettersAndDropsOtherScripts) {
  const HanNameKey han;
  EXPECT_EQ(han.ascii_fold("Schillerstraße 44"), "schillerstrasse 44");
  EXPECT_EQ(han.ascii_fold("Łukasz Wałęsa"), "lukasz walesa");
  EXPECT_EQ(han.ascii_fold("Søren Ærø"), "soren aero");
  EXPECT_EQ(han.ascii_fold("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(han.ascii_fold("Иван Müller"), "muller") << "Cyrillic is not Latin; no Han rules apply either";
}

TEST(HanNameKey, DigitsInHanTextJoinTheSyllablesNextToThem) {
  const HanNameKey han;
  // As ICU writes the whole string: no space next to a digit, words read whole.
  EXPECT_EQ(han.ascii_fold("南京市长安街256号"), "nan jing shi zhang an jie256hao");
  EXPECT_EQ(han.ascii_fold("重庆市人民路61号"), "chong qing shi ren min lu61hao");
  EXPECT_EQ(han.ascii_fold("北京，3号"), "bei jing 3hao");
}

TEST(HanNameKey, TextWithHanAndLatinFoldsBoth) {
  const HanNameKey han;
  EXPECT_EQ(han.ascii_fold("王伟 Müller"), "wang wei muller");
  EXPECT_EQ(han.ascii_fold("張偉"), han.ascii_fold("张伟")) << "traditional characters are simplified first";
}

}  // namespace
}  // namespace crmsync::identity
