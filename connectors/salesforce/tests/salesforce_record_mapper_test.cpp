#include "salesforce_record_mapper.hpp"

#include <gtest/gtest.h>

namespace crmsync::salesforce {
namespace {

namespace field = sdk::field;

MappedRow map_row(const std::string& stream, const std::string& json, const std::string& currency = "") {
  return SalesforceRecordMapper(currency).map(*SalesforceStream::find(stream), nlohmann::json::parse(json),
                                              stream + " page 1");
}

TEST(SalesforceRecordMapperTest, AccountBecomesAnOrganisationWithItsBillingAddress) {
  auto mapped =
      map_row("accounts", R"({"attributes":{"type":"Account"},"Id":"001A","Name":"上海示例科技有限公司",
      "Phone":"021-12345678","BillingCity":"上海","BillingCountry":"CN","Type":"Customer - Direct",
      "Website":null,"IsDeleted":false,"SystemModstamp":"2024-05-01T12:34:56.000+0000"})");
  ASSERT_TRUE(mapped.record);
  const auto& record = *mapped.record;
  EXPECT_EQ(record.external_id, "001A");
  EXPECT_EQ(record.fields.at(field::kKind), "organisation");
  EXPECT_EQ(record.fields.at(field::kName), "上海示例科技有限公司");
  EXPECT_EQ(record.fields.at(field::kCity), "上海");
  EXPECT_EQ(record.fields.at(field::kLifecycleStage), "Customer - Direct");
  EXPECT_EQ(record.fields.count(field::kAddress), 0U);  // missing fields stay absent
  EXPECT_EQ(record.fields.at(field::kUpdatedAt), "2024-05-01T12:34:56.000+0000");
  EXPECT_NE(record.payload.find("上海示例科技有限公司"), std::string::npos);
  EXPECT_FALSE(record.deleted);
  EXPECT_TRUE(mapped.modstamp_millis);
}

TEST(SalesforceRecordMapperTest, ContactTakesItsCompanyFromTheAccountRelationship) {
  auto mapped =
      map_row("contacts", R"({"Id":"003A","FirstName":null,"LastName":"Smith","Email":"js@example.com",
      "Phone":null,"MobilePhone":"+1 415 555 0100","AccountId":"001A","Account":{"Name":"Edge Communications"},
      "SystemModstamp":"2024-05-01T20:34:56.000+08:00"})");
  ASSERT_TRUE(mapped.record);
  const auto& fields = mapped.record->fields;
  EXPECT_EQ(fields.at(field::kKind), "person");
  EXPECT_EQ(fields.at(field::kName), "Smith");
  EXPECT_EQ(fields.count(field::kGivenName), 0U);
  EXPECT_EQ(fields.at(field::kPhone), "+1 415 555 0100");
  EXPECT_EQ(fields.at(field::kCompany), "Edge Communications");
  EXPECT_EQ(mapped.modstamp_millis,
            map_row("contacts", R"({"Id":"x","SystemModstamp":"2024-05-01T12:34:56Z"})").modstamp_millis);
}

TEST(SalesforceRecordMapperTest, OrderCarriesItsAccountAndItemsAsLines) {
  auto mapped =
      map_row("orders", R"({"Id":"801A","OrderNumber":"00000100","AccountId":"001A","Status":"Activated",
      "EffectiveDate":"2024-05-01","TotalAmount":1500.0,"CurrencyIsoCode":"EUR",
      "OrderItems":{"totalSize":2,"done":true,"records":[
        {"Id":"802A","Product2Id":"01tA","Product2":{"ProductCode":"SKU-1","Name":"Widget"},"Quantity":3.0,
         "UnitPrice":"500.00","TotalPrice":1500.0},
        {"Id":"802B","Product2Id":"01tB","Product2":null,"Description":"Setup","Quantity":1,"UnitPrice":0}]}})");
  ASSERT_TRUE(mapped.record);
  const auto& record = *mapped.record;
  EXPECT_EQ(record.entity, sdk::EntityType::order);
  EXPECT_EQ(record.fields.at(field::kCustomerRef), "001A");
  EXPECT_EQ(record.fields.at(field::kTotal), "1500.0");
  EXPECT_EQ(record.fields.at(field::kCurrency), "EUR");
  ASSERT_EQ(record.lines.size(), 2U);
  EXPECT_EQ(record.lines[0].at(field::kSku), "SKU-1");
  EXPECT_EQ(record.lines[0].at(field::kDescription), "Widget");
  EXPECT_EQ(record.lines[0].at(field::kUnitPrice), "500.00");  // numbers as strings pass through
  EXPECT_EQ(record.lines[1].at(field::kSku), "01tB");
  EXPECT_EQ(record.lines[1].at(field::kDescription), "Setup");
}

TEST(SalesforceRecordMapperTest, SingleCurrencyOrgsGetTheConfiguredCurrency) {
  auto mapped = map_row("orders", R"({"Id":"801A","AccountId":"001A","TotalAmount":10})", "USD");
  ASSERT_TRUE(mapped.record);
  EXPECT_EQ(mapped.record->fields.at(field::kCurrency), "USD");
}

TEST(SalesforceRecordMapperTest, CaseIsAComplaintOfItsContact) {
  auto mapped =
      map_row("feedback", R"({"Id":"500A","AccountId":"001A","ContactId":"003A","Subject":"Late delivery",
      "Description":"Arrived two weeks late","CreatedDate":"2024-05-03T09:00:00.000+0000"})");
  ASSERT_TRUE(mapped.record);
  const auto& fields = mapped.record->fields;
  EXPECT_EQ(mapped.record->entity, sdk::EntityType::feedback);
  EXPECT_EQ(fields.at(field::kFeedbackKind), "complaint");
  EXPECT_EQ(fields.at(field::kCustomerRef), "003A");
  EXPECT_EQ(fields.at(field::kComment), "Late delivery\nArrived two weeks late");
  EXPECT_EQ(fields.at(field::kReceivedAt), "2024-05-03T09:00:00.000+0000");
}

TEST(SalesforceRecordMapperTest, DeletedRowsFromQueryAllAreMarkedDeleted) {
  auto mapped =
      map_row("contacts", R"({"Id":"003A","IsDeleted":true,"SystemModstamp":"2024-05-01T12:00:00Z"})");
  ASSERT_TRUE(mapped.record);
  EXPECT_TRUE(mapped.record->deleted);
}

TEST(SalesforceRecordMapperTest, RowWithoutIdIsRejectedWithItsPlace) {
  auto mapped = map_row("contacts", R"({"Id":null,"LastName":"Nobody"})");
  ASSERT_TRUE(mapped.rejection);
  EXPECT_FALSE(mapped.record);
  EXPECT_EQ(mapped.rejection->location, "contacts page 1");
  EXPECT_NE(mapped.rejection->reason.find("without an Id"), std::string::npos);
  EXPECT_NE(mapped.rejection->payload.find("Nobody"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::salesforce
