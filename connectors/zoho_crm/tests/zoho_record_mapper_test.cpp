#include "zoho_record_mapper.hpp"

#include <gtest/gtest.h>

namespace crmsync::zoho_crm {
namespace {

namespace field = sdk::field;
using nlohmann::json;

sdk::RawRecord mapped(const std::string& stream, const std::string& text) {
  const ZohoRecordMapper mapper;
  auto result = mapper.map(*find_zoho_module(stream), json::parse(text), "test");
  EXPECT_TRUE(std::holds_alternative<sdk::RawRecord>(result));
  return std::get<sdk::RawRecord>(result);
}

TEST(ZohoRecordMapperTest, ContactBecomesAPersonWithItsAccountAsCompany) {
  const auto record = mapped("contacts", R"json({
    "Owner":{"name":"Nango Developer","id":"7328","email":"api@nango.dev"},
    "Email":"sage-wieser@noemail.invalid","id":"7328395000000680155",
    "Mailing_Street":"5 Boston Ave #88","Mailing_City":"Sioux Falls","Mailing_State":"SD","Mailing_Zip":"57105",
    "Mailing_Country":"United States","First_Name":"Sage","Last_Name":"Wieser (Sample)",
    "Full_Name":"Sage Wieser (Sample)","Phone":"555-555-5555",
    "Account_Name":{"name":"Truhlar And Truhlar (Sample)","id":"7328395000000680054"},
    "Modified_Time":"2026-05-14T11:36:19+03:00"})json");
  EXPECT_EQ(record.external_id, "7328395000000680155");
  EXPECT_EQ(record.entity, sdk::EntityType::customer);
  EXPECT_EQ(record.fields.at(field::kKind), "person");
  EXPECT_EQ(record.fields.at(field::kName), "Sage Wieser (Sample)");
  EXPECT_EQ(record.fields.at(field::kCompany), "Truhlar And Truhlar (Sample)");
  EXPECT_EQ(record.fields.at(field::kAddress), "5 Boston Ave #88, SD");
  EXPECT_EQ(record.fields.at(field::kOwner), "api@nango.dev");
  EXPECT_EQ(record.fields.at(field::kUpdatedAt), "2026-05-14T11:36:19+03:00");
  EXPECT_NE(record.payload.find("Truhlar"), std::string::npos);
}

TEST(ZohoRecordMapperTest, NullsAndMissingFieldsAreLeftOutAndNumbersBecomeText) {
  const auto record =
      mapped("contacts", R"({"id":3652397000009851001,"Email":null,"Last_Name":"王","First_Name":"小明",
                                              "Phone":13800138000,"Account_Name":null})");
  EXPECT_EQ(record.external_id, "3652397000009851001");
  EXPECT_EQ(record.fields.count(field::kEmail), 0U);
  EXPECT_EQ(record.fields.count(field::kCompany), 0U);
  EXPECT_EQ(record.fields.at(field::kPhone), "13800138000");
  EXPECT_EQ(record.fields.at(field::kName), "小明 王");
}

TEST(ZohoRecordMapperTest, AccountBecomesAnOrganisation) {
  const auto record =
      mapped("accounts", R"({"id":"a1","Account_Name":"北京科技有限公司","Billing_Country":"China",
                                              "Billing_City":"北京","Rating":"Active","Phone":"+86 10 1234 5678"})");
  EXPECT_EQ(record.fields.at(field::kKind), "organisation");
  EXPECT_EQ(record.fields.at(field::kName), "北京科技有限公司");
  EXPECT_EQ(record.fields.at(field::kCountry), "China");
  EXPECT_EQ(record.fields.at(field::kTier), "Active");
}

TEST(ZohoRecordMapperTest, SalesOrderFallsBackToTheAccountAndReadsV2ProductDetails) {
  const auto record =
      mapped("orders", R"({"id":"so9","Status":"Delivered","Currency":"EUR","Grand_Total":"1234.5600",
    "Account_Name":{"name":"Acme","id":"a1"},"Contact_Name":null,"Created_Time":"2026-05-14T11:40:00+03:00",
    "Product_Details":[{"product":{"id":"p7","name":"Gadget","Product_Code":"GAD-7"},"quantity":"3",
                        "list_price":"10.10","total":30.3,"net_total":"30.30"}]})");
  EXPECT_EQ(record.entity, sdk::EntityType::order);
  EXPECT_EQ(record.fields.at(field::kCustomerRef), "a1");
  EXPECT_EQ(record.fields.at(field::kOrderNumber), "so9");
  EXPECT_EQ(record.fields.at(field::kTotal), "1234.5600");
  ASSERT_EQ(record.lines.size(), 1U);
  EXPECT_EQ(record.lines[0].at(field::kSku), "GAD-7");
  EXPECT_EQ(record.lines[0].at(field::kQuantity), "3");
  EXPECT_EQ(record.lines[0].at(field::kLineTotal), "30.30");
}

TEST(ZohoRecordMapperTest, NoteBecomesFeedbackOnItsParent) {
  const auto v2 = mapped("feedback", R"({"id":"n1","Note_Title":"Call","Note_Content":"客户很满意",
                                          "Parent_Id":{"name":"Sage","id":"c1"},"$se_module":"Contacts",
                                          "Created_Time":"2026-05-14T12:00:00+08:00"})");
  EXPECT_EQ(v2.entity, sdk::EntityType::feedback);
  EXPECT_EQ(v2.fields.at(field::kFeedbackKind), "note");
  EXPECT_EQ(v2.fields.at(field::kCustomerRef), "c1");
  EXPECT_EQ(v2.fields.at(field::kComment), "Call\n客户很满意");
  const auto v8 = mapped("feedback", R"({"id":"n2","Note_Content":"late delivery",
                                          "Parent_Id":{"module":{"api_name":"Sales_Orders","id":"1"},"id":"so1"}})");
  EXPECT_EQ(v8.fields.at(field::kOrderRef), "so1");
  EXPECT_EQ(v8.fields.count(field::kCustomerRef), 0U);
}

TEST(ZohoRecordMapperTest, CaseBecomesAComplaintFromItsContactElseItsAccount) {
  const auto with_contact =
      mapped("cases", R"({"id":"k1","Subject":"Broken on arrival","Description":"箱子破了",
    "Contact_Name":{"name":"Sage","id":"c1"},"Account_Name":{"name":"Acme","id":"a1"},"Created_Time":"2026-05-14T12:00:00+05:30"})");
  EXPECT_EQ(with_contact.fields.at(field::kFeedbackKind), "complaint");
  EXPECT_EQ(with_contact.fields.at(field::kCustomerRef), "c1");
  EXPECT_EQ(with_contact.fields.at(field::kComment), "Broken on arrival\n箱子破了");
  EXPECT_EQ(with_contact.fields.at(field::kReceivedAt), "2026-05-14T12:00:00+05:30");
  const auto account_only =
      mapped("cases",
             R"({"id":"k2","Subject":"Late","Contact_Name":null,"Account_Name":{"name":"Acme","id":"a1"}})");
  EXPECT_EQ(account_only.fields.at(field::kCustomerRef), "a1");
}

TEST(ZohoRecordMapperTest, RecordWithoutIdIsRejectedWithItsPayload) {
  const ZohoRecordMapper mapper;
  const auto result = mapper.map(*find_zoho_module("contacts"), json::parse(R"({"Last_Name":"x"})"),
                                 "Contacts page 2 record 5");
  ASSERT_TRUE(std::holds_alternative<sdk::Rejection>(result));
  const auto& rejection = std::get<sdk::Rejection>(result);
  EXPECT_EQ(rejection.location, "Contacts page 2 record 5");
  EXPECT_NE(rejection.payload.find("Last_Name"), std::string::npos);
}

TEST(ZohoRecordMapperTest, RecycleBinEntryBecomesADeletedRecord) {
  const ZohoRecordMapper mapper;
  const auto result = mapper.map_deletion(
      *find_zoho_module("orders"),
      json::parse(R"({"id":"so1","display_name":"SO","deleted_time":"2026-05-15T10:00:00+05:30"})"), "bin");
  ASSERT_TRUE(std::holds_alternative<sdk::RawRecord>(result));
  const auto& record = std::get<sdk::RawRecord>(result);
  EXPECT_TRUE(record.deleted);
  EXPECT_EQ(record.entity, sdk::EntityType::order);
  EXPECT_EQ(record.fields.at(field::kUpdatedAt), "2026-05-15T10:00:00+05:30");
}

}  // namespace
}  // namespace crmsync::zoho_crm
