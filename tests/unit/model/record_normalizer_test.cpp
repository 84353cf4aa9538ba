#include "daemon/model/record_normalizer.hpp"

#include <stdexcept>
#include <string>
#include <variant>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "daemon/model/canonical_payload.hpp"
#include "daemon/model/sha256_hex.hpp"

namespace crmsync::model {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

sdk::RawRecord raw(sdk::EntityType entity, sdk::FieldMap fields, std::string id = "ext-1") {
  sdk::RawRecord record;
  record.external_id = std::move(id);
  record.entity = entity;
  record.fields = std::move(fields);
  record.payload = R"({"id":"ext-1"})";
  record.location = "partners_a.csv:17";
  return record;
}

class RecordNormalizerTest : public ::testing::Test {
 protected:
  RecordNormalizer normalizer{NormalizerSettings{"CN", "CNY", "Asia/Shanghai"}};
};

TEST_F(RecordNormalizerTest, CustomerRecordCarriesIdentityHashAndUpdateTime) {
  const auto record =
      raw(sdk::EntityType::customer, {{"name", "张三"}, {"updated_at", "2024-05-01 18:00:00"}});
  const auto result = normalizer.normalize(record);
  ASSERT_TRUE(result.has_value()) << result.error();
  EXPECT_EQ(result->external_id, "ext-1");
  EXPECT_EQ(result->entity, sdk::EntityType::customer);
  EXPECT_EQ(result->location, "partners_a.csv:17");
  EXPECT_EQ(result->payload, record.payload);
  EXPECT_EQ(result->payload_hash, sha256_hex(record.payload));
  EXPECT_EQ(result->source_updated_at, sys_days{2024y / May / 1} + 10h);
  EXPECT_FALSE(result->deleted);
  ASSERT_TRUE(std::holds_alternative<Customer>(result->data));
  EXPECT_EQ(std::get<Customer>(result->data).name, "张三");
  EXPECT_THAT(result->warnings, IsEmpty());
}

TEST_F(RecordNormalizerTest, MissingExternalIdIsRejected) {
  for (const char* id : {"", "  "}) {
    const auto result = normalizer.normalize(raw(sdk::EntityType::customer, {{"name", "A"}}, id));
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error(), "missing external id");
  }
}

TEST_F(RecordNormalizerTest, EmptyPayloadIsReplacedByCanonicalTextAndHashed) {
  auto record = raw(sdk::EntityType::customer, {{"name", "A"}});
  record.payload.clear();
  const auto result = normalizer.normalize(record);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->payload, canonical_payload(record));
  EXPECT_EQ(result->payload_hash, sha256_hex(canonical_payload(record)));
}

TEST_F(RecordNormalizerTest, HashWithoutPayloadChangesWithFieldsAndLines) {
  auto record = raw(sdk::EntityType::order, {{"customer_ref", "c"}});
  record.payload.clear();
  record.lines = {{{"sku", "A"}}};
  const std::string before = normalizer.normalize(record)->payload_hash;
  EXPECT_EQ(normalizer.normalize(record)->payload_hash, before);
  record.lines[0]["quantity"] = "2";
  EXPECT_NE(normalizer.normalize(record)->payload_hash, before);
}

TEST_F(RecordNormalizerTest, BadUpdatedAtIsRejectedNamingFieldAndValue) {
  const auto result =
      normalizer.normalize(raw(sdk::EntityType::customer, {{"name", "A"}, {"updated_at", "31/31/2024"}}));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error(), "field 'updated_at': '31/31/2024' is not a timestamp");
}

TEST_F(RecordNormalizerTest, RejectionReasonDoesNotDumpTheRecord) {
  const auto result = normalizer.normalize(raw(
      sdk::EntityType::order, {{"customer_ref", "c"}, {"total", "abc"}, {"email", "secret@example.com"}}));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error(), "field 'total': 'abc' is not a decimal number");
  EXPECT_THAT(result.error(), Not(HasSubstr("secret")));
}

TEST_F(RecordNormalizerTest, DeletedRecordNeedsOnlyExternalId) {
  auto record = raw(sdk::EntityType::order, {{"total", "not a number"}});
  record.deleted = true;
  const auto result = normalizer.normalize(record);
  ASSERT_TRUE(result.has_value()) << result.error();
  EXPECT_TRUE(result->deleted);
  ASSERT_TRUE(std::holds_alternative<Order>(result->data));
  EXPECT_EQ(std::get<Order>(result->data).customer_ref, "");
  EXPECT_EQ(result->payload_hash, sha256_hex(record.payload));
}

TEST_F(RecordNormalizerTest, DeletedRecordKeepsReadableUpdateTimeAndWarnsOnBadOne) {
  auto record = raw(sdk::EntityType::feedback, {{"updated_at", "1714557600"}});
  record.deleted = true;
  EXPECT_EQ(normalizer.normalize(record)->source_updated_at, sys_days{2024y / May / 1} + 10h);
  record.fields["updated_at"] = "yesterday";
  const auto result = normalizer.normalize(record);
  ASSERT_TRUE(result.has_value());
  EXPECT_FALSE(result->source_updated_at.has_value());
  EXPECT_THAT(result->warnings, ElementsAre("field 'updated_at': 'yesterday' is not a timestamp"));
  EXPECT_TRUE(std::holds_alternative<Feedback>(result->data));
}

TEST_F(RecordNormalizerTest, DeletedRecordWithoutExternalIdIsStillRejected) {
  auto record = raw(sdk::EntityType::customer, {}, "");
  record.deleted = true;
  EXPECT_FALSE(normalizer.normalize(record).has_value());
}

TEST_F(RecordNormalizerTest, CustomerWarningsAreCollectedAndRecordKept) {
  const auto result = normalizer.normalize(raw(
      sdk::EntityType::customer, {{"name", "A"}, {"phone", "123"}, {"email", "x@y"}, {"country", "Narnia"}}));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->warnings.size(), 3U);
}

TEST_F(RecordNormalizerTest, CustomerWithoutIdentifyingFieldsIsRejected) {
  const auto result = normalizer.normalize(raw(sdk::EntityType::customer, {{"city", "Beijing"}}));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error(), "customer has no name, email, phone or company");
}

TEST_F(RecordNormalizerTest, OrderUsesConfiguredDefaultCurrencyAndRegionTimeZone) {
  const auto result = normalizer.normalize(
      raw(sdk::EntityType::order,
          {{"customer_ref", "c"}, {"ordered_at", "2024/05/01 18:00"}, {"total", "0.30"}}));
  ASSERT_TRUE(result.has_value()) << result.error();
  const auto& order = std::get<Order>(result->data);
  EXPECT_EQ(order.currency, "CNY");
  EXPECT_EQ(order.ordered_at, sys_days{2024y / May / 1} + 10h);
  EXPECT_EQ(order.total, Decimal::parse("0.1").value() + Decimal::parse("0.2").value());
}

TEST_F(RecordNormalizerTest, FeedbackScoreOutOfRangeIsRejected) {
  const auto result = normalizer.normalize(
      raw(sdk::EntityType::feedback, {{"customer_ref", "c"}, {"feedback_kind", "csat"}, {"score", "7"}}));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error(), "field 'score': 7 is outside 1-5 for csat");
}

TEST_F(RecordNormalizerTest, FeedbackRecordBecomesFeedback) {
  const auto result = normalizer.normalize(raw(sdk::EntityType::feedback, {{"customer_ref", "c"}}));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(std::get<Feedback>(result->data).kind, "note");
}

TEST(RecordNormalizerSettings, RegionDecidesHowLocalPhonesAreRead) {
  const RecordNormalizer us(NormalizerSettings{"US", "", "UTC"});
  const auto result = us.normalize(raw(sdk::EntityType::customer, {{"phone", "(415) 555-2671"}}));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(std::get<Customer>(result->data).phone->e164, "+14155552671");
}

TEST(RecordNormalizerSettings, InvalidSettingsFailAtConstructionNamingTheSetting) {
  const auto message_of = [](NormalizerSettings settings) -> std::string {
    try {
      RecordNormalizer normalizer(std::move(settings));
    } catch (const std::invalid_argument& error) {
      return error.what();
    }
    return "";
  };
  EXPECT_THAT(message_of({"ZZ", "CNY", "UTC"}), HasSubstr("default_region 'ZZ'"));
  EXPECT_THAT(message_of({"CN", "RMB", "UTC"}), HasSubstr("default_currency 'RMB'"));
  EXPECT_THAT(message_of({"CN", "CNY", "Asia/Beijing"}), HasSubstr("default_timezone 'Asia/Beijing'"));
  EXPECT_EQ(message_of({"CN", "", "Asia/Shanghai"}), "");
}

}  // namespace
}  // namespace crmsync::model
