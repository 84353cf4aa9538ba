#include "fxiaoke_record_mapper.hpp"

#include <gtest/gtest.h>

namespace crmsync::fxiaoke {
namespace {

namespace field = sdk::field;

MappedRow map_row(const std::string& stream, const std::string& json) {
  return FxiaokeRecordMapper("CNY").map(*FxiaokeStream::find(stream), nlohmann::json::parse(json),
                                        stream + " page 1");
}

TEST(FxiaokeRecordMapperTest, AccountKeepsChineseTextAndEpochMillis) {
  auto mapped = map_row("accounts", R"({"_id":"65a1f0c2d184e50001102aee","name":"上海示例科技有限公司",
      "account_no":"KH-2024-0001","tel":"021-12345678","owner":["1000"],"owner__r":{"name":"张三","id":"1000"},
      "life_status":"normal","is_deleted":false,"create_time":1705110000000,"last_modified_time":1714550400000})");
  ASSERT_TRUE(mapped.record);
  const auto& record = *mapped.record;
  EXPECT_EQ(record.external_id, "65a1f0c2d184e50001102aee");
  EXPECT_EQ(record.fields.at(field::kKind), "organisation");
  EXPECT_EQ(record.fields.at(field::kName), "上海示例科技有限公司");
  EXPECT_EQ(record.fields.at(field::kPhone), "021-12345678");
  EXPECT_EQ(record.fields.at(field::kOwner), "张三");
  EXPECT_EQ(record.fields.at(field::kUpdatedAt), "1714550400000");
  EXPECT_EQ(mapped.modified_millis, 1714550400000);
  EXPECT_FALSE(record.deleted);
}

TEST(FxiaokeRecordMapperTest, TimeAsAStringOfDigitsIsReadToo) {
  auto mapped =
      map_row("contacts", R"({"_id":"c1","name":"王小明","mobile1":"13800138000","account_id__r":"示例",
      "last_modified_time":"1714550400123"})");
  ASSERT_TRUE(mapped.record);
  EXPECT_EQ(mapped.modified_millis, 1714550400123);
  EXPECT_EQ(mapped.record->fields.at(field::kKind), "person");
  EXPECT_EQ(mapped.record->fields.at(field::kPhone), "13800138000");
  EXPECT_EQ(mapped.record->fields.at(field::kCompany), "示例");
}

TEST(FxiaokeRecordMapperTest, SalesOrderCarriesItsAccountAmountAndCurrency) {
  auto mapped = map_row("orders", R"({"_id":"65b2","name":"SO-20240501-0001","account_id":"65a1",
      "order_time":1714492800000,"order_amount":"15000.00","order_status":"7","last_modified_time":1714550400000})");
  ASSERT_TRUE(mapped.record);
  const auto& fields = mapped.record->fields;
  EXPECT_EQ(mapped.record->entity, sdk::EntityType::order);
  EXPECT_EQ(fields.at(field::kCustomerRef), "65a1");
  EXPECT_EQ(fields.at(field::kOrderNumber), "SO-20240501-0001");
  EXPECT_EQ(fields.at(field::kTotal), "15000.00");
  EXPECT_EQ(fields.at(field::kCurrency), "CNY");
  EXPECT_EQ(fields.at(field::kOrderedAt), "1714492800000");
}

TEST(FxiaokeRecordMapperTest, OrderLineTakesProductNameQuantityAndPrices) {
  const auto line = FxiaokeRecordMapper::map_line(nlohmann::json::parse(
      R"({"_id":"l1","order_id":"65b2","product_id":"p1","product_id__r":"办公椅","quantity":"3","sales_price":"500.00",
          "subtotal":"1500.00"})"));
  EXPECT_EQ(line.at(field::kSku), "p1");
  EXPECT_EQ(line.at(field::kDescription), "办公椅");
  EXPECT_EQ(line.at(field::kQuantity), "3");
  EXPECT_EQ(line.at(field::kUnitPrice), "500.00");
  EXPECT_EQ(line.at(field::kLineTotal), "1500.00");
}

TEST(FxiaokeRecordMapperTest, VoidedRecordIsMarkedDeleted) {
  auto mapped = map_row("accounts", R"({"_id":"a1","life_status":"invalid","last_modified_time":1})");
  ASSERT_TRUE(mapped.record);
  EXPECT_TRUE(mapped.record->deleted);
}

TEST(FxiaokeRecordMapperTest, CaseIsAComplaintOfItsContact) {
  auto mapped =
      map_row("feedback", R"({"_id":"k1","name":"发货延迟","description":"两周后才到货","contact_id":"c1",
      "account_id":"a1","create_time":1714550400000,"last_modified_time":1714550400000})");
  ASSERT_TRUE(mapped.record);
  const auto& fields = mapped.record->fields;
  EXPECT_EQ(fields.at(field::kFeedbackKind), "complaint");
  EXPECT_EQ(fields.at(field::kCustomerRef), "c1");
  EXPECT_EQ(fields.at(field::kComment), "发货延迟\n两周后才到货");
}

TEST(FxiaokeRecordMapperTest, RowWithoutIdIsRejectedButItsTimeIsKnown) {
  auto mapped = map_row("accounts", R"({"name":"无编号","last_modified_time":1714550400000})");
  ASSERT_TRUE(mapped.rejection);
  EXPECT_NE(mapped.rejection->reason.find("without an _id"), std::string::npos);
  EXPECT_EQ(mapped.rejection->location, "accounts page 1");
  EXPECT_EQ(mapped.modified_millis, 1714550400000);
}

}  // namespace
}  // namespace crmsync::fxiaoke
