#include "model_stream_reader.hpp"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "fake_odoo_server.hpp"
#include "odoo_timestamp.hpp"
#include "recording_sink.hpp"

namespace crmsync::odoo {
namespace {

using testing::FakeOdooServer;
using testing::RecordingSink;

class FixedClock final : public sdk::Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return now_; }
  std::chrono::system_clock::time_point now_ = *odoo_timestamp::parse("2026-11-23 12:00:00");
};

nlohmann::json partner(long long id, const char* write_date, bool active = true) {
  return {{"id", id},
          {"name", "Partner " + std::to_string(id)},
          {"is_company", true},
          {"active", active},
          {"write_date", write_date}};
}

class ModelStreamReaderTest : public ::testing::Test {
 protected:
  ModelStreamReaderTest() {
    settings_.page_size = 2;
    settings_.unlinked_scan_interval = std::chrono::hours(1);
  }

  const ModelStream& stream(const std::string& name) {
    streams_ = ModelStream::all(settings_);
    for (const auto& s : streams_) {
      if (s.name == name) return s;
    }
    throw std::runtime_error("no stream " + name);
  }

  sdk::Status read(const std::string& name, const std::string& cursor, RecordingSink& sink) {
    ModelStreamReader reader("erp", stream(name), settings_, server_, &clock_);
    return reader.read(cursor, sink);
  }

  OdooSettings settings_;
  std::vector<ModelStream> streams_;
  FakeOdooServer server_;
  FixedClock clock_;
};

TEST_F(ModelStreamReaderTest, ReadsEveryPageInWriteDateOrder) {
  server_.add("res.partner", partner(3, "2024-05-01 10:00:00"));
  server_.add("res.partner", partner(1, "2024-05-01 11:00:00"));
  server_.add("res.partner", partner(2, "2024-05-01 12:00:00"));
  RecordingSink sink;
  ASSERT_TRUE(read("customers", "", sink).ok());
  EXPECT_EQ(sink.ids(), (std::vector<std::string>{"3", "1", "2"}));
  EXPECT_GE(sink.batches.size(), 2u);
}

TEST_F(ModelStreamReaderTest, RecordsSharingOneSecondAcrossPagesAndRunsComeExactlyOnce) {
  // One import transaction stamps all five with the same write_date.
  for (long long id = 1; id <= 5; ++id) server_.add("res.partner", partner(id, "2024-05-01 10:00:00"));
  RecordingSink first(1);  // the host stops after one committed batch
  ASSERT_TRUE(read("customers", "", first).ok());
  ASSERT_EQ(first.ids().size(), 2u);

  RecordingSink second;
  ASSERT_TRUE(read("customers", first.last_cursor(), second).ok());
  std::vector<std::string> all = first.ids();
  const auto rest = second.ids();
  all.insert(all.end(), rest.begin(), rest.end());
  EXPECT_EQ(all, (std::vector<std::string>{"1", "2", "3", "4", "5"}));

  RecordingSink third;
  ASSERT_TRUE(read("customers", second.last_cursor(), third).ok());
  EXPECT_TRUE(third.ids().empty()) << "nothing changed, nothing comes again";
}

TEST_F(ModelStreamReaderTest, ARecordChangedAfterTheCursorComesAgain) {
  server_.add("res.partner", partner(1, "2024-05-01 10:00:00"));
  server_.add("res.partner", partner(2, "2024-05-01 10:00:00"));
  RecordingSink first;
  ASSERT_TRUE(read("customers", "", first).ok());
  server_.row("res.partner", 1)["write_date"] = "2024-05-01 10:00:00";  // same second, not changed
  server_.add("res.partner", partner(3, "2024-05-01 10:00:00"));        // committed late in the same second
  server_.row("res.partner", 2)["write_date"] = "2024-05-02 08:00:00";
  server_.row("res.partner", 2)["name"] = "Renamed";
  RecordingSink second;
  ASSERT_TRUE(read("customers", first.last_cursor(), second).ok());
  EXPECT_EQ(second.ids(), (std::vector<std::string>{"3", "2"}));
  EXPECT_EQ(second.records()[1].fields.at(sdk::field::kName), "Renamed");
}

TEST_F(ModelStreamReaderTest, ArchivedPartnerComesAsDeleted) {
  server_.add("res.partner", partner(1, "2024-05-01 10:00:00"));
  RecordingSink first;
  ASSERT_TRUE(read("customers", "", first).ok());
  server_.row("res.partner", 1)["active"] = false;
  server_.row("res.partner", 1)["write_date"] = "2024-05-03 10:00:00";
  RecordingSink second;
  ASSERT_TRUE(read("customers", first.last_cursor(), second).ok());
  ASSERT_EQ(second.records().size(), 1u);
  EXPECT_TRUE(second.records()[0].deleted);
  EXPECT_EQ(server_.calls.front().kwargs["context"]["active_test"], false);
}

TEST_F(ModelStreamReaderTest, UnlinkedRecordComesAsDeletedWhenTheScanIsDue) {
  for (long long id = 1; id <= 4; ++id) server_.add("res.partner", partner(id, "2024-05-01 10:00:00"));
  RecordingSink first;
  ASSERT_TRUE(read("customers", "", first).ok());
  const auto first_records = first.records();
  EXPECT_TRUE(std::none_of(first_records.begin(), first_records.end(),
                           [](const sdk::RawRecord& r) { return r.deleted; }));
  server_.unlink("res.partner", 3);

  RecordingSink too_early;
  clock_.now_ += std::chrono::minutes(30);
  ASSERT_TRUE(read("customers", first.last_cursor(), too_early).ok());
  EXPECT_TRUE(too_early.records().empty()) << "the scan waits for unlinked_scan_interval";

  RecordingSink due;
  clock_.now_ += std::chrono::minutes(31);
  ASSERT_TRUE(read("customers", first.last_cursor(), due).ok());
  ASSERT_EQ(due.records().size(), 1u);
  EXPECT_EQ(due.records()[0].external_id, "3");
  EXPECT_TRUE(due.records()[0].deleted);

  RecordingSink after;
  clock_.now_ += std::chrono::hours(2);
  ASSERT_TRUE(read("customers", due.last_cursor(), after).ok());
  EXPECT_TRUE(after.records().empty()) << "a deletion is reported once";
}

TEST_F(ModelStreamReaderTest, RowWithoutIdIsRejectedAndTheRestGoOn) {
  server_.add("res.partner", partner(1, "2024-05-01 10:00:00"));
  server_.add("res.partner", {{"id", false}, {"name", "no id"}, {"write_date", "2024-05-01 10:00:00"}});
  RecordingSink sink;
  settings_.page_size = 10;
  ASSERT_TRUE(read("customers", "", sink).ok());
  EXPECT_EQ(sink.ids(), (std::vector<std::string>{"1"}));
  ASSERT_EQ(sink.rejections().size(), 1u);
  EXPECT_NE(sink.rejections()[0].reason.find("without a usable id"), std::string::npos);
}

TEST_F(ModelStreamReaderTest, OrdersComeWithTheirLines) {
  server_.add("sale.order", {{"id", 42},
                             {"name", "S00042"},
                             {"partner_id", {7, "Agrolait"}},
                             {"currency_id", {1, "EUR"}},
                             {"amount_total", 10.5},
                             {"write_date", "2024-05-01 10:00:00"}});
  server_.add("sale.order.line", {{"id", 1},
                                  {"order_id", {42, "S00042"}},
                                  {"product_id", {5, "[A1] Apple"}},
                                  {"product_uom_qty", 3},
                                  {"price_unit", 3.5},
                                  {"price_subtotal", 10.5},
                                  {"display_type", false}});
  RecordingSink sink;
  ASSERT_TRUE(read("orders", "", sink).ok());
  ASSERT_EQ(sink.records().size(), 1u);
  const auto order = sink.records()[0];
  EXPECT_EQ(order.fields.at(sdk::field::kCustomerRef), "7");
  ASSERT_EQ(order.lines.size(), 1u);
  EXPECT_EQ(order.lines[0].at(sdk::field::kSku), "A1");
}

TEST_F(ModelStreamReaderTest, ChatterNoteOnAnOrderIsLinkedToItsCustomer) {
  server_.add("sale.order",
              {{"id", 42}, {"partner_id", {7, "Agrolait"}}, {"write_date", "2024-05-01 10:00:00"}});
  server_.add("mail.message", {{"id", 900},
                               {"model", "sale.order"},
                               {"res_id", 42},
                               {"message_type", "comment"},
                               {"body", "<p>Late</p>"},
                               {"date", "2024-05-01 11:00:00"},
                               {"write_date", "2024-05-01 11:00:00"}});
  server_.add("mail.message", {{"id", 901},
                               {"model", "res.partner"},
                               {"res_id", 7},
                               {"message_type", "notification"},
                               {"body", "Stage changed"},
                               {"write_date", "2024-05-01 11:00:00"}});
  RecordingSink sink;
  ASSERT_TRUE(read("feedback", "", sink).ok());
  ASSERT_EQ(sink.ids(), (std::vector<std::string>{"900"}));
  EXPECT_EQ(sink.records()[0].fields.at(sdk::field::kCustomerRef), "7");
}

TEST_F(ModelStreamReaderTest, ServerTroubleBecomesRetryNamingInstanceAndStream) {
  server_.add("res.partner", partner(1, "2024-05-01 10:00:00"));
  server_.fail_next(
      1, OdooReply::retry(std::chrono::seconds(7), "res.partner.search_read at /jsonrpc: HTTP 503"));
  RecordingSink sink;
  const auto status = read("customers", "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::retry);
  EXPECT_EQ(status.delay(), std::chrono::seconds(7));
  EXPECT_NE(status.reason().find("instance 'erp' stream 'customers'"), std::string::npos);
  EXPECT_NE(status.reason().find("HTTP 503"), std::string::npos);
  EXPECT_TRUE(sink.batches.empty());
}

TEST_F(ModelStreamReaderTest, UnreadableCursorFailsNamingTheStream) {
  RecordingSink sink;
  const auto status = read("customers", "page=3", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("stream 'customers'"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::odoo
