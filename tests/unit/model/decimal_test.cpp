#include "daemon/model/decimal.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

Decimal parsed(const char* text) {
  const auto value = Decimal::parse(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value.value_or(Decimal());
}

TEST(Decimal, ParsesPlainAmountKeepingScale) {
  const Decimal value = parsed("1234.50");
  EXPECT_EQ(value.unscaled(), 123450);
  EXPECT_EQ(value.scale(), 2);
  EXPECT_EQ(value.to_string(), "1234.50");
}

TEST(Decimal, ParsesNegativeFraction) {
  const Decimal value = parsed("-0.25");
  EXPECT_EQ(value.unscaled(), -25);
  EXPECT_EQ(value.scale(), 2);
  EXPECT_EQ(value.to_string(), "-0.25");
}

TEST(Decimal, AcceptsExplicitPlusSign) {
  EXPECT_EQ(parsed("+7").to_string(), "7");
}

TEST(Decimal, AcceptsWellFormedThousandsSeparators) {
  EXPECT_EQ(parsed("1,234.50").to_string(), "1234.50");
  EXPECT_EQ(parsed("12,345,678").to_string(), "12345678");
  EXPECT_EQ(parsed("-1,000").to_string(), "-1000");
}

TEST(Decimal, RejectsMalformedThousandsGroups) {
  for (const char* text : {"1,23", "12,3456", ",123", "1,,234", "1234,567,", "1,234,56", "1.234,50"}) {
    EXPECT_FALSE(Decimal::parse(text).has_value()) << text;
  }
}

TEST(Decimal, IgnoresSurroundingSpaces) {
  EXPECT_EQ(parsed("  12 \t").to_string(), "12");
}

TEST(Decimal, RejectsExponentGarbageAndEmpty) {
  for (const char* text :
       {"1e3", "1E3", "abc", "", "   ", "-", "+", "12abc", "$12", "1 234", "--1", "0x10"}) {
    EXPECT_FALSE(Decimal::parse(text).has_value()) << '"' << text << '"';
  }
}

TEST(Decimal, RejectsMultiplePointsAndBarePoints) {
  for (const char* text : {"1.2.3", "1..2", ".", "5.", ".5", "-.5"}) {
    EXPECT_FALSE(Decimal::parse(text).has_value()) << text;
  }
}

TEST(Decimal, RejectsValuesBeyond128Bits) {
  EXPECT_TRUE(Decimal::parse("170141183460469231731687303715884105727").has_value());  // 2^127 - 1
  EXPECT_FALSE(Decimal::parse("170141183460469231731687303715884105728").has_value());
  EXPECT_FALSE(Decimal::parse("999999999999999999999999999999999999999999").has_value());
  EXPECT_FALSE(Decimal::parse("1.0000000000000000000000000000000000000000001").has_value());
}

TEST(Decimal, CanonicalTextHasLeadingZeroAndNoNegativeZero) {
  EXPECT_EQ(Decimal(5, 3).to_string(), "0.005");
  EXPECT_EQ(Decimal(-5, 3).to_string(), "-0.005");
  EXPECT_EQ(parsed("-0.00").to_string(), "0.00");
  EXPECT_EQ(Decimal().to_string(), "0");
  EXPECT_EQ(parsed("007.10").to_string(), "7.10");
}

TEST(Decimal, PrintsLargestMagnitudes) {
  EXPECT_EQ(parsed("-170141183460469231731687303715884105727").to_string(),
            "-170141183460469231731687303715884105727");
}

TEST(Decimal, AdditionIsExact) {
  EXPECT_EQ(parsed("0.1") + parsed("0.2"), parsed("0.3"));
  EXPECT_EQ((parsed("0.1") + parsed("0.2")).to_string(), "0.3");
  EXPECT_EQ((parsed("1234.50") + parsed("-0.25")).to_string(), "1234.25");
  EXPECT_EQ((parsed("1") + parsed("0.005")).to_string(), "1.005");
}

TEST(Decimal, MultiplicationIsExactAndAddsScales) {
  const Decimal product = parsed("3") * parsed("19.99");
  EXPECT_EQ(product.to_string(), "59.97");
  EXPECT_EQ((parsed("1.5") * parsed("0.25")).to_string(), "0.375");
  EXPECT_EQ((parsed("-2") * parsed("0.10")).to_string(), "-0.20");
}

TEST(Decimal, EqualityIsNumericAcrossScales) {
  EXPECT_EQ(parsed("1.5"), parsed("1.50"));
  EXPECT_EQ(parsed("0"), parsed("-0.000"));
  EXPECT_EQ(Decimal(1, -1), parsed("10"));
  EXPECT_FALSE(parsed("1.5") == parsed("1.05"));
  EXPECT_FALSE(parsed("1") == parsed("-1"));
}

TEST(Decimal, CheckedOperationsReportOverflow) {
  const Decimal huge = parsed("100000000000000000000000000000");  // 1e29
  EXPECT_FALSE(Decimal::checked_multiply(huge, huge).has_value());
  EXPECT_FALSE(
      Decimal::checked_add(parsed("170141183460469231731687303715884105727"), parsed("1")).has_value());
  // Rescaling to the common scale can overflow too.
  EXPECT_FALSE(Decimal::checked_add(huge, parsed("0.0000000001")).has_value());
  EXPECT_THROW(static_cast<void>(huge * huge), std::overflow_error);
}

}  // namespace
}  // namespace crmsync::model
