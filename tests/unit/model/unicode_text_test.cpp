#include "daemon/model/unicode_text.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

TEST(UnicodeText, TrimRemovesUnicodeWhiteSpaceAndByteOrderMark) {
  EXPECT_EQ(unicode_text::trim("\uFEFF\u3000\u00A0 a b \u2003\n"), "a b");
  EXPECT_EQ(unicode_text::trim(" \u3000 "), "");
  EXPECT_EQ(unicode_text::trim(""), "");
}

TEST(UnicodeText, CollapseSpaceJoinsRunsWithOneAsciiSpace) {
  EXPECT_EQ(unicode_text::collapse_space("  a \u3000\t b  c "), "a b c");
}

TEST(UnicodeText, LookupKeyIgnoresCaseWidthAndSpacing) {
  EXPECT_EQ(unicode_text::lookup_key("\u3000United   KINGDOM "), "united kingdom");
  EXPECT_EQ(unicode_text::lookup_key("ＵＫ"), "uk");
  EXPECT_EQ(unicode_text::lookup_key("Österreich"), unicode_text::lookup_key("ÖSTERREICH"));
}

TEST(UnicodeText, InvalidUtf8BytesPassThrough) {
  const std::string broken =
      "a\xFF"
      "b";
  EXPECT_EQ(unicode_text::trim(" " + broken + " "), broken);
  EXPECT_FALSE(unicode_text::contains_space(broken));
}

TEST(UnicodeText, NfkcTurnsFullWidthFormsIntoAscii) {
  EXPECT_EQ(unicode_text::nfkc("ＡＢＣ１２３＠"), "ABC123@");
  EXPECT_EQ(unicode_text::nfkc("中文"), "中文");
}

TEST(UnicodeText, ToLowerUsesRootLocale) {
  EXPECT_EQ(unicode_text::to_lower("ISTANBUL ÄÖÜ"), "istanbul äöü");
}

TEST(UnicodeText, DetectsEastAsianScripts) {
  EXPECT_TRUE(unicode_text::contains_east_asian_script("Li 李"));
  EXPECT_TRUE(unicode_text::contains_east_asian_script("カタカナ"));
  EXPECT_TRUE(unicode_text::contains_east_asian_script("한국"));
  EXPECT_FALSE(unicode_text::contains_east_asian_script("Zoë"));
}

}  // namespace
}  // namespace crmsync::model
