#include "daemon/model/order_normalizer.hpp"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

Decimal dec(const char* text) {
  return Decimal::parse(text).value();
}

class OrderNormalizerTest : public ::testing::Test {
 protected:
  Expected<Order, std::string> normalize(sdk::FieldMap fields, std::vector<sdk::FieldMap> lines = {},
                                         const OrderNormalizer* with = nullptr) {
    record.entity = sdk::EntityType::order;
    record.fields = std::move(fields);
    record.lines = std::move(lines);
    warnings.clear();
    return (with != nullptr ? *with : orders).normalize(record, warnings);
  }

  TimestampParser timestamps{"Asia/Shanghai"};
  OrderNormalizer orders{timestamps, "CNY"};
  OrderNormalizer orders_without_default{timestamps, ""};
  sdk::RawRecord record;
  std::vector<std::string> warnings;
};

TEST_F(OrderNormalizerTest, ReadsOrderFields) {
  const auto order = normalize({{"customer_ref", "c-1"},
                                {"order_number", " SO-1001 "},
                                {"status", "  Shipped "},
                                {"ordered_at", "2024-05-01 18:00:00"},
                                {"currency", "￥"},
                                {"total", "1,234.50"}});
  ASSERT_TRUE(order.has_value()) << order.error();
  EXPECT_EQ(order->customer_ref, "c-1");
  EXPECT_EQ(order->order_number, "SO-1001");
  EXPECT_EQ(order->status, "shipped");
  EXPECT_EQ(order->ordered_at, sys_days{2024y / May / 1} + 10h);
  EXPECT_EQ(order->currency, "CNY");
  EXPECT_EQ(order->total->to_string(), "1234.50");
  EXPECT_THAT(warnings, IsEmpty());
}

TEST_F(OrderNormalizerTest, MissingCustomerRefIsRejected) {
  const auto order = normalize({{"total", "10"}});
  ASSERT_FALSE(order.has_value());
  EXPECT_EQ(order.error(), "field 'customer_ref' is missing");
}

TEST_F(OrderNormalizerTest, DefaultCurrencyFillsAbsentCurrency) {
  const auto order = normalize({{"customer_ref", "c"}, {"total", "10"}});
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->currency, "CNY");
}

TEST_F(OrderNormalizerTest, AmountsWithoutAnyCurrencyAreRejected) {
  const auto order = normalize({{"customer_ref", "c"}, {"total", "10"}}, {}, &orders_without_default);
  ASSERT_FALSE(order.has_value());
  EXPECT_EQ(order.error(), "field 'currency' is missing and no default_currency is configured");
}

TEST_F(OrderNormalizerTest, OrderWithoutAmountsNeedsNoCurrency) {
  const auto order = normalize({{"customer_ref", "c"}, {"status", "open"}}, {}, &orders_without_default);
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->currency, "");
  EXPECT_FALSE(order->total.has_value());
}

TEST_F(OrderNormalizerTest, UnknownCurrencyWithAmountsIsRejected) {
  const auto order = normalize({{"customer_ref", "c"}, {"currency", "XYZ"}, {"total", "10"}});
  ASSERT_FALSE(order.has_value());
  EXPECT_EQ(order.error(), "field 'currency': 'XYZ' is not a known currency");
}

TEST_F(OrderNormalizerTest, UnknownCurrencyWithoutAmountsIsWarned) {
  const auto order = normalize({{"customer_ref", "c"}, {"currency", "XYZ"}});
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->currency, "");
  EXPECT_THAT(warnings, ElementsAre("field 'currency': 'XYZ' is not a known currency; left empty"));
}

TEST_F(OrderNormalizerTest, InvalidTotalIsRejectedNamingTheField) {
  const auto order = normalize({{"customer_ref", "c"}, {"total", "12.3.4"}});
  ASSERT_FALSE(order.has_value());
  EXPECT_EQ(order.error(), "field 'total': '12.3.4' is not a decimal number");
}

TEST_F(OrderNormalizerTest, InvalidOrderedAtIsRejectedNamingTheField) {
  const auto order = normalize({{"customer_ref", "c"}, {"ordered_at", "soon"}});
  ASSERT_FALSE(order.has_value());
  EXPECT_EQ(order.error(), "field 'ordered_at': 'soon' is not a timestamp");
}

TEST_F(OrderNormalizerTest, LineTotalIsQuantityTimesUnitPriceWhenAbsent) {
  const auto order = normalize(
      {{"customer_ref", "c"}},
      {{{"sku", "A"}, {"quantity", "3"}, {"unit_price", "19.99"}}, {{"sku", "B"}, {"unit_price", "0.10"}}});
  ASSERT_TRUE(order.has_value()) << order.error();
  ASSERT_EQ(order->lines.size(), 2U);
  EXPECT_EQ(order->lines[0].line_no, 1);
  EXPECT_EQ(order->lines[0].line_total->to_string(), "59.97");
  EXPECT_EQ(order->lines[1].line_no, 2);
  EXPECT_EQ(order->lines[1].quantity, dec("1"));  // quantity defaults to one
  EXPECT_EQ(order->lines[1].line_total->to_string(), "0.10");
}

TEST_F(OrderNormalizerTest, GivenLineTotalIsKept) {
  const auto order = normalize({{"customer_ref", "c"}},
                               {{{"quantity", "3"}, {"unit_price", "10"}, {"line_total", "25.00"}}});
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->lines[0].line_total->to_string(), "25.00");
}

TEST_F(OrderNormalizerTest, TotalIsExactSumOfLineTotalsWhenAbsent) {
  const auto order = normalize(
      {{"customer_ref", "c"}},
      {{{"line_total", "0.1"}}, {{"line_total", "0.2"}}, {{"quantity", "2"}, {"unit_price", "0.05"}}});
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->total, dec("0.4"));
  EXPECT_EQ(order->total->to_string(), "0.40");
}

TEST_F(OrderNormalizerTest, GivenTotalIsNotReplacedBySum) {
  const auto order = normalize({{"customer_ref", "c"}, {"total", "100"}}, {{{"line_total", "90"}}});
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->total, dec("100"));
}

TEST_F(OrderNormalizerTest, NoTotalWhenALineHasNoAmount) {
  const auto order = normalize({{"customer_ref", "c"}}, {{{"line_total", "90"}}, {{"sku", "gift"}}});
  ASSERT_TRUE(order.has_value());
  EXPECT_FALSE(order->total.has_value());
}

TEST_F(OrderNormalizerTest, InvalidLineAmountIsRejectedNamingLineAndField) {
  const auto order =
      normalize({{"customer_ref", "c"}}, {{{"quantity", "1"}}, {{"quantity", "2"}, {"unit_price", "1e3"}}});
  ASSERT_FALSE(order.has_value());
  EXPECT_EQ(order.error(), "line 2 field 'unit_price': '1e3' is not a decimal number");
}

TEST_F(OrderNormalizerTest, OverflowingLineProductIsRejected) {
  const auto order =
      normalize({{"customer_ref", "c"}},
                {{{"quantity", "100000000000000000000"}, {"unit_price", "100000000000000000000"}}});
  ASSERT_FALSE(order.has_value());
  EXPECT_EQ(order.error(), "line 1 field 'line_total': quantity * unit_price overflows");
}

TEST_F(OrderNormalizerTest, StatusIsLowerCasedInAnyScript) {
  const auto order = normalize({{"customer_ref", "c"}, {"status", " PAID "}});
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->status, "paid");
  EXPECT_EQ(normalize({{"customer_ref", "c"}, {"status", "已发货"}})->status, "已发货");
}

}  // namespace
}  // namespace crmsync::model
