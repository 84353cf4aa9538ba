#include "hubspot_record_mapper.hpp"

#include <gtest/gtest.h>

#include "iso_timestamp.hpp"

namespace crmsync::hubspot {
namespace {

namespace field = sdk::field;
using nlohmann::json;

sdk::RawRecord mapped(const std::string& stream, const std::string& text) {
  const HubSpotRecordMapper mapper;
  auto result = mapper.map(*find_hubspot_object(stream), json::parse(text), {}, "test");
  EXPECT_TRUE(std::holds_alternative<sdk::RawRecord>(result));
  return std::get<sdk::RawRecord>(result);
}

TEST(HubSpotRecordMapperTest, ContactBecomesAPersonAndNullsAreLeftOut) {
  const auto record = mapped("contacts", R"json({"id":"713802347732",
    "properties":{"company":"HubSpot","createdate":"2026-02-25T15:16:50.045Z","email":"bh@hubspot.com","firstname":"Brian",
      "hs_object_id":"713802347732","jobtitle":"Executive Chairperson","lastmodifieddate":"2026-02-28T15:18:25.872Z",
      "lastname":"Halligan (Sample Contact)","phone":null},
    "createdAt":"2026-02-25T15:16:50.045Z","updatedAt":"2026-02-28T15:18:25.872Z","archived":false,
    "url":"https://app-eu1.hubspot.com/contacts/147893286/record/0-1/713802347732"})json");
  EXPECT_EQ(record.external_id, "713802347732");
  EXPECT_EQ(record.fields.at(field::kKind), "person");
  EXPECT_EQ(record.fields.at(field::kName), "Brian Halligan (Sample Contact)");
  EXPECT_EQ(record.fields.at(field::kCompany), "HubSpot");
  EXPECT_EQ(record.fields.count(field::kPhone), 0U);
  EXPECT_EQ(record.fields.at(field::kUpdatedAt), "2026-02-28T15:18:25.872Z");
  EXPECT_NE(record.payload.find("app-eu1.hubspot.com"), std::string::npos);
}

TEST(HubSpotRecordMapperTest, CompanyWithChineseNameBecomesAnOrganisation) {
  const auto record =
      mapped("companies", R"({"id":"5","properties":{"name":"深圳市腾达有限公司","country":"China",
    "city":"深圳","phone":"+86 755 1234 5678","hs_lastmodifieddate":"2026-03-01T10:00:00.000Z"}})");
  EXPECT_EQ(record.fields.at(field::kKind), "organisation");
  EXPECT_EQ(record.fields.at(field::kName), "深圳市腾达有限公司");
  EXPECT_EQ(record.fields.at(field::kCity), "深圳");
}

TEST(HubSpotRecordMapperTest, DealFallsBackToItsCompany) {
  const auto record =
      mapped("orders", R"({"id":"9876543210","properties":{"amount":"1500","dealstage":"appointmentscheduled",
    "createdate":"2026-02-25T16:00:00.000Z","hs_lastmodifieddate":"2026-03-01T10:00:00.000Z"},
    "associations":{"companies":{"results":[{"id":"77","type":"deal_to_company"}]}}})");
  EXPECT_EQ(record.fields.at(field::kCustomerRef), "77");
  EXPECT_EQ(record.fields.at(field::kOrderedAt), "2026-02-25T16:00:00.000Z");
  EXPECT_EQ(record.fields.at(field::kTotal), "1500");
  EXPECT_TRUE(record.lines.empty());
}

TEST(HubSpotRecordMapperTest, NoteBecomesPlainTextFeedbackOnItsContactAndDeal) {
  const auto record = mapped(
      "feedback",
      R"({"id":"n1","properties":{"hs_note_body":"<p>Very happy &amp; will <b>reorder</b></p><p>客户满意</p>",
    "hs_timestamp":"2026-03-02T08:00:00Z","hs_lastmodifieddate":"2026-03-02T08:00:01Z"},
    "associations":{"contacts":{"results":[{"id":"c1","type":"note_to_contact"}]},
                    "deals":{"results":[{"id":"d1","type":"note_to_deal"}]}}})");
  EXPECT_EQ(record.entity, sdk::EntityType::feedback);
  EXPECT_EQ(record.fields.at(field::kComment), "Very happy & will reorder\n客户满意");
  EXPECT_EQ(record.fields.at(field::kCustomerRef), "c1");
  EXPECT_EQ(record.fields.at(field::kOrderRef), "d1");
  EXPECT_EQ(record.fields.at(field::kReceivedAt), "2026-03-02T08:00:00Z");
}

TEST(HubSpotRecordMapperTest, ObjectWithoutIdIsRejected) {
  const HubSpotRecordMapper mapper;
  const auto result =
      mapper.map(*find_hubspot_object("contacts"), json::parse(R"({"properties":{"email":"x@y.z"}})"), {},
                 "contacts search result 4");
  ASSERT_TRUE(std::holds_alternative<sdk::Rejection>(result));
  EXPECT_EQ(std::get<sdk::Rejection>(result).location, "contacts search result 4");
}

TEST(HubSpotTimeTest, ReadsMillisecondsOffsetsAndEpochText) {
  EXPECT_EQ(parse_time_millis("2026-02-28T15:18:25.872Z"), 1772291905872);
  EXPECT_EQ(parse_time_millis("2026-02-28T23:18:25.872+08:00"), 1772291905872);
  EXPECT_EQ(parse_time_millis("1772291905872"), 1772291905872);
  EXPECT_EQ(parse_time_millis("2026-02-28"), 1772236800000);
  EXPECT_FALSE(parse_time_millis("yesterday"));
  EXPECT_EQ(format_time_millis(1772291905872), "2026-02-28T15:18:25.872Z");
}

}  // namespace
}  // namespace crmsync::hubspot
