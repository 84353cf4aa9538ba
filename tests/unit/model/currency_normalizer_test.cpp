#include "daemon/model/currency_normalizer.hpp"

#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

std::optional<std::string> code(const char* text) {
  return CurrencyNormalizer().normalize(text);
}

TEST(CurrencyNormalizer, AcceptsIsoCodesInAnyCase) {
  EXPECT_EQ(code("CNY"), "CNY");
  EXPECT_EQ(code("usd"), "USD");
  EXPECT_EQ(code(" EUR "), "EUR");
  EXPECT_EQ(code("JPY"), "JPY");
  EXPECT_EQ(code("ＧＢＰ"), "GBP");
}

TEST(CurrencyNormalizer, YuanSymbolsAndNamesBecomeCny) {
  for (const char* text : {"¥", "￥", "RMB", "rmb", "元", "人民币", "CNY"})
    EXPECT_EQ(code(text), "CNY") << text;
}

TEST(CurrencyNormalizer, CommonSymbolsMapToTheirCurrency) {
  EXPECT_EQ(code("$"), "USD");
  EXPECT_EQ(code("US$"), "USD");
  EXPECT_EQ(code("€"), "EUR");
  EXPECT_EQ(code("£"), "GBP");
  EXPECT_EQ(code("HK$"), "HKD");
}

TEST(CurrencyNormalizer, UnknownCurrencyGivesNothing) {
  for (const char* text : {"XYZ", "dollars", "", "US", "EURO", "€€"})
    EXPECT_EQ(code(text), std::nullopt) << text;
}

TEST(CurrencyNormalizer, IsoCodeCheckWantsUpperCaseKnownCode) {
  EXPECT_TRUE(CurrencyNormalizer::is_iso_code("CNY"));
  EXPECT_FALSE(CurrencyNormalizer::is_iso_code("cny"));
  EXPECT_FALSE(CurrencyNormalizer::is_iso_code("ABC"));
  EXPECT_FALSE(CurrencyNormalizer::is_iso_code("CN"));
}

}  // namespace
}  // namespace crmsync::model
