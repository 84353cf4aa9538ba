#include "daemon/model/canonical_payload.hpp"

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

TEST(CanonicalPayload, WritesSortedFieldsAndLinesAsJson) {
  sdk::RawRecord record;
  record.entity = sdk::EntityType::order;
  record.fields = {{"total", "10"}, {"customer_ref", "c1"}};
  record.lines = {{{"sku", "A"}}, {{"sku", "B"}, {"quantity", "2"}}};
  EXPECT_EQ(canonical_payload(record),
            R"({"entity":"order","deleted":false,"fields":{"customer_ref":"c1","total":"10"},)"
            R"("lines":[{"sku":"A"},{"quantity":"2","sku":"B"}]})");
}

TEST(CanonicalPayload, EscapesQuotesBackslashesAndControlCharacters) {
  sdk::RawRecord record;
  record.fields = {{"name", "a\"b\\c\nd\x01"}};
  EXPECT_EQ(canonical_payload(record),
            R"({"entity":"customer","deleted":false,"fields":{"name":"a\"b\\c\u000ad\u0001"},"lines":[]})");
}

TEST(CanonicalPayload, ValueBoundariesCannotBeConfused) {
  sdk::RawRecord first;
  first.fields = {{"a", "x\",\"b\":\"y"}};
  sdk::RawRecord second;
  second.fields = {{"a", "x"}, {"b", "y"}};
  EXPECT_NE(canonical_payload(first), canonical_payload(second));
}

}  // namespace
}  // namespace crmsync::model
