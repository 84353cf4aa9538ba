#include "record_mapper.hpp"

#include <gtest/gtest.h>

#include "model_stream.hpp"

namespace crmsync::odoo {
namespace {

namespace field = sdk::field;

class RecordMapperTest : public ::testing::Test {
 protected:
  const ModelStream& stream(const std::string& name) {
    for (const auto& s : streams_) {
      if (s.name == name) return s;
    }
    throw std::runtime_error("no stream " + name);
  }
  sdk::RawRecord map(const std::string& name, const char* row, const PageLinks& links = {}) {
    std::string reason;
    auto record = RecordMapper(stream(name)).map(nlohmann::json::parse(row), links, reason);
    if (!record) throw std::runtime_error(reason);
    return *record;
  }

  OdooSettings settings_ = [] {
    OdooSettings s;
    s.helpdesk_tickets = true;
    return s;
  }();
  std::vector<ModelStream> streams_ = ModelStream::all(settings_);
};

TEST_F(RecordMapperTest, CompanyIsAnOrganisationWithOdooFalseAsEmpty) {
  const auto r =
      map("customers", R"({"id":7,"name":"Agrolait","email":false,"phone":false,"mobile":"+32 10 588 558",
      "is_company":true,"parent_id":false,"country_id":[21,"Belgium"],"street":"69 rue de Namur","street2":false,
      "customer_rank":3,"active":true,"write_date":"2024-05-02 09:15:00"})");
  EXPECT_EQ(r.external_id, "7");
  EXPECT_EQ(r.fields.at(field::kKind), "organisation");
  EXPECT_EQ(r.fields.count(field::kEmail), 0u);
  EXPECT_EQ(r.fields.at(field::kPhone), "+32 10 588 558");
  EXPECT_EQ(r.fields.at(field::kCountry), "Belgium");
  EXPECT_EQ(r.fields.at(field::kAddress), "69 rue de Namur");
  EXPECT_EQ(r.fields.at(field::kUpdatedAt), "2024-05-02T09:15:00Z");
  EXPECT_FALSE(r.deleted);
  EXPECT_EQ(nlohmann::json::parse(r.payload)["mobile"], "+32 10 588 558");
}

TEST_F(RecordMapperTest, ContactTakesItsCompanyFromTheParent) {
  const auto r =
      map("customers", R"({"id":"12","name":"王小明","is_company":false,"parent_id":[7,"上海贸易有限公司"],
      "country_id":[48,"中国"],"write_date":"2024-05-02T17:15:00+08:00"})");
  EXPECT_EQ(r.external_id, "12");
  EXPECT_EQ(r.fields.at(field::kKind), "person");
  EXPECT_EQ(r.fields.at(field::kName), "王小明");
  EXPECT_EQ(r.fields.at(field::kCompany), "上海贸易有限公司");
  EXPECT_EQ(r.fields.at(field::kCountry), "中国");
  EXPECT_EQ(r.fields.at(field::kUpdatedAt), "2024-05-02T09:15:00Z");
}

TEST_F(RecordMapperTest, ArchivedPartnerIsDeleted) {
  const auto r =
      map("customers", R"({"id":9,"name":"Gone Ltd","active":false,"write_date":"2024-05-02 09:15:00"})");
  EXPECT_TRUE(r.deleted);
}

TEST_F(RecordMapperTest, RowWithoutIdIsRefusedWithAReason) {
  std::string reason;
  EXPECT_FALSE(RecordMapper(stream("customers")).map(nlohmann::json::parse(R"({"name":"x"})"), {}, reason));
  EXPECT_NE(reason.find("res.partner row without a usable id"), std::string::npos);
  EXPECT_FALSE(RecordMapper(stream("customers")).map(nlohmann::json::parse(R"({"id":false})"), {}, reason));
}

TEST_F(RecordMapperTest, OrderCarriesCustomerRefAndGoodsLines) {
  PageLinks links;
  links.lines_by_order[42] = {
      nlohmann::json::parse(
          R"({"id":101,"order_id":[42,"S00042"],"product_id":[5,"[FURN_7800] Desk Combination"],
          "name":"Desk","product_uom_qty":2.0,"price_unit":"650.00","price_subtotal":1300.0,"display_type":false})"),
      nlohmann::json::parse(R"({"id":102,"order_id":[42,"S00042"],"product_id":false,"name":"Shipping notes",
          "display_type":"line_note"})"),
      nlohmann::json::parse(R"({"id":103,"order_id":[42,"S00042"],"product_id":[9,"Service"],"name":"Setup",
          "product_uom_qty":1,"price_unit":4.35,"price_subtotal":4.35,"display_type":null})")};
  const auto r = map(
      "orders", R"({"id":42,"name":"S00042","partner_id":[7,"Agrolait"],"date_order":"2024-05-01 10:00:00",
      "state":"sale","amount_total":"1500.00","currency_id":[1,"USD"],"order_line":[101,102,103],
      "write_date":"2024-05-02 09:15:00"})",
      links);
  EXPECT_EQ(r.entity, sdk::EntityType::order);
  EXPECT_EQ(r.fields.at(field::kCustomerRef), "7");
  EXPECT_EQ(r.fields.at(field::kOrderNumber), "S00042");
  EXPECT_EQ(r.fields.at(field::kCurrency), "USD");
  EXPECT_EQ(r.fields.at(field::kTotal), "1500.00");
  EXPECT_EQ(r.fields.at(field::kOrderedAt), "2024-05-01T10:00:00Z");
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].at(field::kSku), "FURN_7800");
  EXPECT_EQ(r.lines[0].at(field::kQuantity), "2.0");
  EXPECT_EQ(r.lines[0].at(field::kUnitPrice), "650.00");
  EXPECT_EQ(r.lines[1].at(field::kSku), "9");
  EXPECT_EQ(r.lines[1].at(field::kLineTotal), "4.35");
  EXPECT_EQ(nlohmann::json::parse(r.payload)["order_line_records"].size(), 3u);
}

TEST_F(RecordMapperTest, NoteOnAnOrderFindsTheOrdersCustomer) {
  PageLinks links;
  links.partner_by_order[42] = 7;
  const auto r = map("feedback", R"({"id":900,"model":"sale.order","res_id":42,"message_type":"comment",
      "body":"<p>Customer says: delivery was <b>late</b> &amp; box damaged</p><p>送货太慢</p>","date":"2024-05-03 08:00:00",
      "write_date":"2024-05-03 08:00:00"})",
                     links);
  EXPECT_EQ(r.entity, sdk::EntityType::feedback);
  EXPECT_EQ(r.fields.at(field::kCustomerRef), "7");
  EXPECT_EQ(r.fields.at(field::kOrderRef), "42");
  EXPECT_EQ(r.fields.at(field::kFeedbackKind), "note");
  EXPECT_EQ(r.fields.at(field::kComment), "Customer says: delivery was late & box damaged\n送货太慢");
  EXPECT_EQ(r.fields.at(field::kReceivedAt), "2024-05-03T08:00:00Z");
}

TEST_F(RecordMapperTest, TicketIsAComplaint) {
  const auto r = map("tickets", R"({"id":5,"name":"Broken chair","description":"<p>Leg snapped</p>",
      "partner_id":[7,"Agrolait"],"active":true,"create_date":"2024-05-03 08:00:00","write_date":"2024-05-03 09:00:00"})");
  EXPECT_EQ(r.fields.at(field::kFeedbackKind), "complaint");
  EXPECT_EQ(r.fields.at(field::kComment), "Broken chair\nLeg snapped");
  EXPECT_EQ(r.fields.at(field::kCustomerRef), "7");
}

}  // namespace
}  // namespace crmsync::odoo
