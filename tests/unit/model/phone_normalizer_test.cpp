#include "daemon/model/phone_normalizer.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

std::string e164(const char* region, const char* text) {
  const Phone phone = PhoneNormalizer(region).normalize(text);
  EXPECT_TRUE(phone.valid) << region << " " << text;
  return phone.e164;
}

TEST(PhoneNormalizer, InternationalChineseMobileBecomesE164) {
  EXPECT_EQ(e164("US", "+86 138 0013 8000"), "+8613800138000");
}

TEST(PhoneNormalizer, ChineseMobileInLocalFormatBecomesE164) {
  EXPECT_EQ(e164("CN", "138-0013-8000"), "+8613800138000");
}

TEST(PhoneNormalizer, BeijingLandlineWithTrunkPrefixBecomesE164) {
  EXPECT_EQ(e164("CN", "(010) 6552 8888"), "+861065528888");
}

TEST(PhoneNormalizer, InternationalCallPrefixOfTheDefaultRegionIsUnderstood) {
  EXPECT_EQ(e164("DE", "0049 30 1234567"), "+49301234567");
  EXPECT_EQ(e164("CN", "0049 30 1234567"), "+49301234567");
}

TEST(PhoneNormalizer, NorthAmericanNumberWithPunctuationBecomesE164) {
  EXPECT_EQ(e164("CN", "+1 (415) 555-2671"), "+14155552671");
  EXPECT_EQ(e164("US", "(415) 555-2671"), "+14155552671");
}

TEST(PhoneNormalizer, FullWidthDigitsAreReadAfterNfkc) {
  EXPECT_EQ(e164("CN", "１３８００１３８０００"), "+8613800138000");
  EXPECT_EQ(e164("CN", "＋８６　１３８－００１３－８０００"), "+8613800138000");
}

TEST(PhoneNormalizer, ExtensionDoesNotMakeNumberInvalid) {
  EXPECT_EQ(e164("US", "+1 415-555-2671 ext. 123"), "+14155552671");
  EXPECT_EQ(e164("DE", "030 1234567 x 45"), "+49301234567");
}

TEST(PhoneNormalizer, SameDigitsDependOnDefaultRegion) {
  EXPECT_EQ(e164("US", "415 555 2671"), "+14155552671");
  EXPECT_EQ(e164("CN", "415 555 2671"), "+864155552671");  // 0415 is Dandong's area code
  EXPECT_FALSE(PhoneNormalizer("DE").normalize("138 0013 8000 99").valid);
}

TEST(PhoneNormalizer, InvalidNumberIsKeptRawAndFlagged) {
  const Phone phone = PhoneNormalizer("CN").normalize(" 12345 ");
  EXPECT_FALSE(phone.valid);
  EXPECT_EQ(phone.raw, "12345");
  EXPECT_TRUE(phone.e164.empty());
}

TEST(PhoneNormalizer, TextThatIsNoNumberIsKeptRawAndFlagged) {
  const Phone phone = PhoneNormalizer("CN").normalize("call me maybe");
  EXPECT_FALSE(phone.valid);
  EXPECT_EQ(phone.raw, "call me maybe");
  EXPECT_TRUE(phone.e164.empty());
}

TEST(PhoneNormalizer, RegionIsCaseInsensitive) {
  EXPECT_EQ(e164("cn", "13800138000"), "+8613800138000");
}

TEST(PhoneNormalizer, UnknownRegionIsAConfigurationError) {
  EXPECT_THROW(PhoneNormalizer("XX"), std::invalid_argument);
  EXPECT_THROW(PhoneNormalizer("China"), std::invalid_argument);
  EXPECT_THROW(PhoneNormalizer(""), std::invalid_argument);
}

}  // namespace
}  // namespace crmsync::model
