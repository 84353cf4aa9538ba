#include "daemon/model/country_normalizer.hpp"

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "daemon/model/country_table.hpp"
#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {
namespace {

class CountryNormalizerTest : public ::testing::Test {
 protected:
  static const CountryNormalizer& countries() {
    static const CountryNormalizer instance;
    return instance;
  }
  static std::optional<std::string> code(const char* text) { return countries().normalize(text); }
};

TEST_F(CountryNormalizerTest, AcceptsAlpha2CodesInAnyCase) {
  EXPECT_EQ(code("CN"), "CN");
  EXPECT_EQ(code("de"), "DE");
  EXPECT_EQ(code(" us "), "US");
}

TEST_F(CountryNormalizerTest, MapsAlpha3CodesToAlpha2) {
  EXPECT_EQ(code("CHN"), "CN");
  EXPECT_EQ(code("deu"), "DE");
  EXPECT_EQ(code("GBR"), "GB");
  EXPECT_EQ(code("USA"), "US");
}

TEST_F(CountryNormalizerTest, MapsEnglishNamesFromIcu) {
  EXPECT_EQ(code("Germany"), "DE");
  EXPECT_EQ(code("united kingdom"), "GB");
  EXPECT_EQ(code("UNITED STATES"), "US");
  EXPECT_EQ(code("Hong Kong"), "HK");
  EXPECT_EQ(code("Japan"), "JP");
  EXPECT_EQ(code("Brazil"), "BR");
  EXPECT_EQ(code("South Korea"), "KR");
}

TEST_F(CountryNormalizerTest, MapsCommonChineseNames) {
  EXPECT_EQ(code("中国"), "CN");
  EXPECT_EQ(code("中国大陆"), "CN");
  EXPECT_EQ(code("香港"), "HK");
  EXPECT_EQ(code("台湾"), "TW");
  EXPECT_EQ(code("美国"), "US");
  EXPECT_EQ(code("英国"), "GB");
  EXPECT_EQ(code("德国"), "DE");
  EXPECT_EQ(code("日本"), "JP");
  EXPECT_EQ(code("新加坡"), "SG");
  EXPECT_EQ(code("澳门"), "MO");
}

TEST_F(CountryNormalizerTest, MapsTraditionalChineseNames) {
  EXPECT_EQ(code("中國"), "CN");
  EXPECT_EQ(code("台灣"), "TW");
  EXPECT_EQ(code("美國"), "US");
}

TEST_F(CountryNormalizerTest, MapsCountriesNamedInTheirOwnLanguages) {
  EXPECT_EQ(code("Deutschland"), "DE");
  EXPECT_EQ(code("ÖSTERREICH"), "AT");
  EXPECT_EQ(code("Schweiz"), "CH");
  EXPECT_EQ(code("Suisse"), "CH");
  EXPECT_EQ(code("Svizzera"), "CH");
  EXPECT_EQ(code("España"), "ES");
  EXPECT_EQ(code("Polska"), "PL");
  EXPECT_EQ(code("Brasil"), "BR");
  EXPECT_EQ(code("Россия"), "RU");
  EXPECT_EQ(code("대한민국"), "KR");
  EXPECT_EQ(code("Ελλάδα"), "GR");
}

TEST_F(CountryNormalizerTest, MapsOtherCountriesNamesInMajorLanguages) {
  EXPECT_EQ(code("Frankreich"), "FR");
  EXPECT_EQ(code("Vereinigte Staaten"), "US");
  EXPECT_EQ(code("Espagne"), "ES");
  EXPECT_EQ(code("Stati Uniti"), "US");
  EXPECT_EQ(code("Alemania"), "DE");
  EXPECT_EQ(code("Duitsland"), "DE");
  EXPECT_EQ(code("Германия"), "DE");
  EXPECT_EQ(code("ドイツ"), "DE");
}

TEST_F(CountryNormalizerTest, GeneratedTableIsSortedFoldedAndHoldsAlpha2Codes) {
  // The look-up is a binary search over keys folded as the input is.
  const auto names = country_names();
  ASSERT_GT(names.size(), 2000u);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string_view key = names[i].key;
    const std::string_view code = names[i].code;
    if (i > 0) {
      EXPECT_LT(std::string_view(names[i - 1].key), key) << "at " << i;
    }
    EXPECT_EQ(unicode_text::lookup_key(key), key);
    ASSERT_EQ(code.size(), 2u) << key;
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(code[0])) &&
                std::isupper(static_cast<unsigned char>(code[1])))
        << key << " -> " << code;
  }
}

TEST_F(CountryNormalizerTest, IgnoresWidthAndSpacing) {
  EXPECT_EQ(code("ＣＮ"), "CN");
  EXPECT_EQ(code("\u3000United   Kingdom "), "GB");
}

TEST_F(CountryNormalizerTest, MapsCommonAliases) {
  EXPECT_EQ(code("UK"), "GB");
  EXPECT_EQ(code("U.S.A."), "US");
  EXPECT_EQ(code("England"), "GB");
}

TEST_F(CountryNormalizerTest, UnknownCountryGivesNothing) {
  EXPECT_EQ(code("Atlantis"), std::nullopt);
  EXPECT_EQ(code("XX"), std::nullopt);
  EXPECT_EQ(code(""), std::nullopt);
  EXPECT_EQ(code("火星"), std::nullopt);
}

}  // namespace
}  // namespace crmsync::model
