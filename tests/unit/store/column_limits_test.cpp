#include "daemon/store/column_limits.hpp"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace crmsync::store {
namespace {

model::NormalizedRecord customer(const std::string& external_id) {
  model::NormalizedRecord record;
  record.external_id = external_id;
  record.payload = "{}";
  record.payload_hash = "abc";
  record.data = model::Customer{};
  return record;
}

model::NormalizedRecord order(model::Order data) {
  auto record = customer("O1");
  record.entity = sdk::EntityType::order;
  record.data = std::move(data);
  return record;
}

TEST(ColumnLimitsTest, AcceptsAnOrdinaryRecord) {
  EXPECT_FALSE(ColumnLimits::violation(customer("C1")));
}

TEST(ColumnLimitsTest, RejectsMissingOrOverlongExternalIds) {
  EXPECT_EQ(ColumnLimits::violation(customer("")), "record has no external id");
  EXPECT_FALSE(ColumnLimits::violation(customer(std::string(255, 'x'))));
  EXPECT_EQ(ColumnLimits::violation(customer(std::string(256, 'x'))),
            "external id is longer than 255 characters");
  // 255 Chinese characters are 765 bytes but still fit.
  std::string chinese;
  for (int i = 0; i < 255; ++i) chinese += "张";
  EXPECT_FALSE(ColumnLimits::violation(customer(chinese)));
}

TEST(ColumnLimitsTest, RejectsTextTheServersWouldRefuse) {
  auto record = customer("C1");
  std::get<model::Customer>(record.data).company = std::string("Caf\xE9 GmbH");
  EXPECT_EQ(ColumnLimits::violation(record), "company is not valid UTF-8 text");
  record = customer("C1");
  std::get<model::Customer>(record.data).country = "DEU";
  EXPECT_EQ(ColumnLimits::violation(record), "country is longer than 2 characters");
}

TEST(ColumnLimitsTest, DeletedRecordsAreCheckedOnlyForWhatIsWritten) {
  auto record = customer("C1");
  record.deleted = true;
  std::get<model::Customer>(record.data).country = "DEU";
  EXPECT_FALSE(ColumnLimits::violation(record));
}

TEST(ColumnLimitsTest, DecimalsMustFitNumeric20And4) {
  EXPECT_TRUE(ColumnLimits::fits(model::Decimal(123456789012345678, 4)));    // 16 + 4 digits
  EXPECT_FALSE(ColumnLimits::fits(model::Decimal(1234567890123456789, 2)));  // 17 digits before the point
  EXPECT_TRUE(ColumnLimits::fits(model::Decimal(-99999999999999999, 1)));
  EXPECT_TRUE(ColumnLimits::fits(model::Decimal(1000000, 6)));  // 1.000000: trailing zeros are free
  EXPECT_FALSE(ColumnLimits::fits(model::Decimal(1, 5)));       // 0.00001 would be rounded away
}

TEST(ColumnLimitsTest, RejectsOrdersWithBadCurrencyOrRepeatedLines) {
  model::Order data;
  data.currency = "EURO";
  EXPECT_EQ(ColumnLimits::violation(order(data)), "currency 'EURO' is not a three-letter ISO 4217 code");
  data.currency = "EUR";
  data.lines = {{1, "A", "", model::Decimal(1, 0), {}, {}}, {1, "B", "", model::Decimal(1, 0), {}, {}}};
  EXPECT_EQ(ColumnLimits::violation(order(data)), "line 1 appears twice");
}

TEST(ColumnLimitsTest, EntityAndDataThatDisagreeAreABug) {
  auto record = customer("C1");
  record.entity = sdk::EntityType::order;
  EXPECT_THROW((void)ColumnLimits::violation(record), std::invalid_argument);
}

TEST(ColumnLimitsTest, StreamNamesComeFromConfiguration) {
  EXPECT_NO_THROW(ColumnLimits::check_stream_names("crm_a", "customers"));
  EXPECT_THROW(ColumnLimits::check_stream_names("", "customers"), std::invalid_argument);
  EXPECT_THROW(ColumnLimits::check_stream_names("crm_a", std::string(101, 's')), std::invalid_argument);
}

}  // namespace
}  // namespace crmsync::store
