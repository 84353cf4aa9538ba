#include "daemon/model/field_reader.hpp"

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

TEST(FieldReader, BlankValueCountsAsAbsent) {
  const sdk::FieldMap fields{{"total", " \u3000"}, {"customer_ref", "  "}};
  const FieldReader in(fields);
  EXPECT_EQ(in.text("total"), "");
  EXPECT_EQ(in.text("missing"), "");
  EXPECT_FALSE(in.decimal("total")->has_value());
  EXPECT_EQ(in.required_text("customer_ref").error(), "field 'customer_ref' is missing");
}

TEST(FieldReader, ReasonsNameTheLineOfAnOrderLine) {
  const sdk::FieldMap fields{{"quantity", "two"}};
  EXPECT_EQ(FieldReader(fields, 3).decimal("quantity").error(),
            "line 3 field 'quantity': 'two' is not a decimal number");
}

TEST(FieldReader, DecimalAcceptsFullWidthDigits) {
  const sdk::FieldMap fields{{"total", "１，２３４．５０"}};
  EXPECT_EQ(FieldReader(fields).decimal("total")->value().to_string(), "1234.50");
}

TEST(FieldReader, IntegerAcceptsSignsAndRejectsFractions) {
  const sdk::FieldMap fields{{"a", "+7"}, {"b", "-3"}, {"c", "7.5"}, {"d", "+-3"}, {"e", "99999999999"}};
  const FieldReader in(fields);
  EXPECT_EQ(in.integer("a")->value(), 7);
  EXPECT_EQ(in.integer("b")->value(), -3);
  EXPECT_EQ(in.integer("c").error(), "field 'c': '7.5' is not a whole number");
  EXPECT_FALSE(in.integer("d").has_value());
  EXPECT_FALSE(in.integer("e").has_value());
}

TEST(FieldReader, TimestampReasonShowsFieldAndValue) {
  const sdk::FieldMap fields{{"updated_at", "31/31/2024"}};
  const TimestampParser parser("UTC");
  EXPECT_EQ(FieldReader(fields).timestamp("updated_at", parser).error(),
            "field 'updated_at': '31/31/2024' is not a timestamp");
}

}  // namespace
}  // namespace crmsync::model
