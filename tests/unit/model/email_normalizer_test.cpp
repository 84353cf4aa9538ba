#include "daemon/model/email_normalizer.hpp"

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

TEST(EmailNormalizer, LowerCasesDomainButKeepsLocalPart) {
  const Email email = EmailNormalizer().normalize("John.Doe@Example.COM");
  EXPECT_EQ(email.raw, "John.Doe@Example.COM");
  EXPECT_EQ(email.canonical, "John.Doe@example.com");
}

TEST(EmailNormalizer, TrimsAsciiAndUnicodeSpaces) {
  const Email email = EmailNormalizer().normalize("\u3000 li.lei@qq.com\u00A0\t");
  EXPECT_EQ(email.raw, "li.lei@qq.com");
  EXPECT_EQ(email.canonical, "li.lei@qq.com");
}

TEST(EmailNormalizer, FullWidthAtSignAndLettersBecomeAsciiViaNfkc) {
  const Email email = EmailNormalizer().normalize("ｚｈａｎｇ＠ＥＸＡＭＰＬＥ．ｃｎ");
  EXPECT_EQ(email.raw, "ｚｈａｎｇ＠ＥＸＡＭＰＬＥ．ｃｎ");
  EXPECT_EQ(email.canonical, "zhang@example.cn");
}

TEST(EmailNormalizer, LowerCasesInternationalisedDomain) {
  EXPECT_EQ(EmailNormalizer().normalize("info@BÜCHER.de").canonical, "info@bücher.de");
  EXPECT_EQ(EmailNormalizer().normalize("王@例子.中国").canonical, "王@例子.中国");
}

TEST(EmailNormalizer, AddressesWithoutExactlyOneAtHaveNoCanonicalForm) {
  for (const char* text : {"plainaddress", "a@b@example.com", "@example.com", "john@", ""}) {
    const Email email = EmailNormalizer().normalize(text);
    EXPECT_TRUE(email.canonical.empty()) << text;
    EXPECT_EQ(email.raw, text);
  }
}

TEST(EmailNormalizer, InnerSpacesOrDotlessDomainHaveNoCanonicalForm) {
  for (const char* text :
       {"john doe@example.com", "john@exa mple.com", "john@localhost", "john@\u3000example.com",
        "john@.example.com", "john@example.com.", "john@example..com"}) {
    EXPECT_TRUE(EmailNormalizer().normalize(text).canonical.empty()) << text;
  }
}

}  // namespace
}  // namespace crmsync::model
