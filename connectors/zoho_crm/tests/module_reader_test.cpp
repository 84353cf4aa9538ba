#include "module_reader.hpp"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "fake_zoho_server.hpp"

namespace crmsync::zoho_crm {
namespace {

using nlohmann::json;
using testing::FakeZohoServer;
using testing::RecordingSink;

json contact(const std::string& id, const std::string& modified) {
  return json{
      {"id", id}, {"Last_Name", "Person " + id}, {"Email", id + "@example.com"}, {"Modified_Time", modified}};
}

class ModuleReaderTest : public ::testing::Test {
 protected:
  ModuleReaderTest() {
    settings_.base_url = "https://zoho.test";
    settings_.api_version = "v2";
  }

  sdk::Status read(const std::string& stream, const std::string& cursor_text, RecordingSink& sink,
                   int page_size = 3) {
    std::string error;
    auto cursor = ZohoCursor::parse(cursor_text, error);
    EXPECT_TRUE(cursor) << error;
    ZohoApi api(settings_, server_, "zoho_eu");
    ModuleReader reader(*find_zoho_module(stream), api, page_size, true);
    return reader.read(*cursor, sink);
  }

  static std::multiset<std::string> ids_of(const std::vector<sdk::RawRecord>& records) {
    std::multiset<std::string> ids;
    for (const auto& record : records) ids.insert(record.external_id);
    return ids;
  }

  ZohoSettings settings_;
  FakeZohoServer server_;
};

TEST_F(ModuleReaderTest, ReadsEveryRecordWhenManyShareOneSecondAcrossPages) {
  for (int i = 1; i <= 7; ++i)
    server_.add("Contacts", contact("c" + std::to_string(i), "2026-05-14T11:36:19+03:00"));
  server_.add("Contacts", contact("c8", "2026-05-14T09:00:00Z"));
  server_.add("Contacts", contact("c9", "2026-05-14T12:00:00+03:00"));  // 09:00Z: between the others

  RecordingSink sink;
  ASSERT_TRUE(read("contacts", "", sink).ok());

  const auto ids = ids_of(sink.records());
  EXPECT_EQ(ids.size(), 9U);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 9U) << "a record came twice";
}

TEST_F(ModuleReaderTest, ResumesFromCommittedCursorWithoutLossOrRepeat) {
  for (int i = 1; i <= 5; ++i)
    server_.add("Contacts", contact("a" + std::to_string(i), "2026-05-14T08:00:00Z"));
  for (int i = 1; i <= 4; ++i)
    server_.add("Contacts", contact("b" + std::to_string(i), "2026-05-14T08:00:0" + std::to_string(i) + "Z"));

  RecordingSink interrupted(1);  // the daemon stops after the first batch
  ASSERT_TRUE(read("contacts", "", interrupted).ok());
  ASSERT_EQ(interrupted.batches.size(), 1U);

  RecordingSink resumed;
  ASSERT_TRUE(read("contacts", interrupted.last_cursor(), resumed).ok());

  auto all = interrupted.records();
  const auto rest = resumed.records();
  all.insert(all.end(), rest.begin(), rest.end());
  const auto ids = ids_of(all);
  EXPECT_EQ(ids.size(), 9U);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 9U) << "a record came twice";
}

TEST_F(ModuleReaderTest, NextReadReturnsOnlyWhatChangedSinceTheCursor) {
  for (int i = 1; i <= 4; ++i)
    server_.add("Contacts", contact("c" + std::to_string(i), "2026-05-14T08:00:00Z"));
  RecordingSink first;
  ASSERT_TRUE(read("contacts", "", first).ok());

  server_.add("Contacts", contact("c2", "2026-05-14T08:05:00Z"));
  server_.add("Contacts", contact("c5", "2026-05-14T08:00:00Z"));  // late arrival in an already-read second
  RecordingSink second;
  ASSERT_TRUE(read("contacts", first.last_cursor(), second).ok());

  EXPECT_EQ(ids_of(second.records()), (std::multiset<std::string>{"c2", "c5"}));
}

TEST_F(ModuleReaderTest, NothingNewMeansNoBatch) {
  server_.add("Contacts", contact("c1", "2026-05-14T08:00:00Z"));
  RecordingSink first;
  ASSERT_TRUE(read("contacts", "", first).ok());
  RecordingSink second;
  ASSERT_TRUE(read("contacts", first.last_cursor(), second).ok());
  EXPECT_TRUE(second.records().empty());
}

TEST_F(ModuleReaderTest, SwitchesToPageTokenPastTwoThousandRecords) {
  for (int i = 0; i < 2150; ++i)
    server_.add("Contacts", contact("bulk" + std::to_string(10000 + i), "2026-05-14T08:00:00Z"));

  RecordingSink sink;
  const auto status = read("contacts", "", sink, 200);
  ASSERT_TRUE(status.ok()) << status.reason();

  EXPECT_EQ(ids_of(sink.records()).size(), 2150U);
  bool used_token = false;
  for (const auto& request : server_.requests)
    used_token = used_token || request.url.find("page_token=") != std::string::npos;
  EXPECT_TRUE(used_token);
}

TEST_F(ModuleReaderTest, OrdersCarryLineItemsFromTheSingleRecordAnswer) {
  server_.add("Sales_Orders",
              json{{"id", "so1"},
                   {"SO_Number", "SO-1"},
                   {"Contact_Name", {{"name", "王小明"}, {"id", "c1"}}},
                   {"Grand_Total", "200.50"},
                   {"Modified_Time", "2026-05-14T11:41:00+03:00"},
                   {"Ordered_Items", json::array({json{{"Product_Name", {{"name", "Widget"}, {"id", "p1"}}},
                                                       {"Quantity", 2},
                                                       {"List_Price", 100.25},
                                                       {"Net_Total", 200.5}}})}});
  RecordingSink sink;
  ASSERT_TRUE(read("orders", "", sink).ok());

  const auto records = sink.records();
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].fields.at(sdk::field::kCustomerRef), "c1");
  EXPECT_EQ(records[0].fields.at(sdk::field::kTotal), "200.50");
  ASSERT_EQ(records[0].lines.size(), 1U);
  EXPECT_EQ(records[0].lines[0].at(sdk::field::kQuantity), "2");
  EXPECT_EQ(records[0].lines[0].at(sdk::field::kUnitPrice), "100.25");
  EXPECT_EQ(records[0].lines[0].at(sdk::field::kDescription), "Widget");
}

TEST_F(ModuleReaderTest, DeletionsArriveAsDeletedRecordsOnce) {
  for (int i = 1; i <= 4; ++i)
    server_.add("Contacts", contact("c" + std::to_string(i), "2026-05-14T08:00:00Z"));
  RecordingSink first;
  ASSERT_TRUE(read("contacts", "", first).ok());

  server_.remove("Contacts", "c1", "2026-05-15T10:00:00+05:30");
  server_.remove("Contacts", "c3", "2026-05-15T05:00:00Z");
  RecordingSink second;
  ASSERT_TRUE(read("contacts", first.last_cursor(), second).ok());
  const auto deleted = second.records();
  ASSERT_EQ(deleted.size(), 2U);
  EXPECT_EQ(deleted[0].external_id, "c1");  // 10:00+05:30 is 04:30Z, before c3's 05:00Z
  EXPECT_TRUE(deleted[0].deleted);
  EXPECT_TRUE(deleted[1].deleted);

  RecordingSink third;
  ASSERT_TRUE(read("contacts", second.last_cursor(), third).ok());
  EXPECT_TRUE(third.records().empty());
}

TEST_F(ModuleReaderTest, RecordWithoutIdIsRejectedAndTheRestGoesOn) {
  server_.add("Contacts", contact("c1", "2026-05-14T08:00:00Z"));
  server_.add("Contacts",
              json{{"id", nullptr}, {"Last_Name", "nobody"}, {"Modified_Time", "2026-05-14T08:00:01Z"}});
  server_.add("Contacts", contact("c2", "2026-05-14T08:00:02Z"));

  RecordingSink sink;
  ASSERT_TRUE(read("contacts", "", sink).ok());
  EXPECT_EQ(ids_of(sink.records()), (std::multiset<std::string>{"c1", "c2"}));
  ASSERT_EQ(sink.batches[0].rejections.size(), 1U);
  EXPECT_NE(sink.batches[0].rejections[0].reason.find("without an id"), std::string::npos);
}

TEST_F(ModuleReaderTest, RateLimitAsksTheHostToRetryLater) {
  sdk::HttpResult limited;
  limited.kind = sdk::HttpResult::Kind::retry_later;
  limited.retry_after = std::chrono::seconds(42);
  limited.error = "429 Too Many Requests";
  server_.queue(limited);

  RecordingSink sink;
  const auto status = read("contacts", "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::retry);
  EXPECT_EQ(status.delay(), std::chrono::seconds(42));
}

TEST_F(ModuleReaderTest, FailureNamesInstanceStreamAndUrl) {
  sdk::HttpResult refused;
  refused.kind = sdk::HttpResult::Kind::failed;
  refused.error = "token endpoint refused the refresh token: invalid_code";
  server_.queue(refused);

  RecordingSink sink;
  const auto status = read("feedback", "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("'zoho_eu'"), std::string::npos) << status.reason();
  EXPECT_NE(status.reason().find("'feedback'"), std::string::npos) << status.reason();
  EXPECT_NE(status.reason().find("https://zoho.test/crm/v2/Notes?"), std::string::npos) << status.reason();
}

TEST_F(ModuleReaderTest, ErrorInsideHttp200IsNotTakenAsAnEmptyPage) {
  server_.queue(
      testing::answer(200, R"({"code":"INTERNAL_ERROR","details":{},"message":"oops","status":"error"})"));
  RecordingSink sink;
  const auto status = read("contacts", "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::retry);
  EXPECT_NE(status.reason().find("INTERNAL_ERROR"), std::string::npos) << status.reason();
  EXPECT_TRUE(sink.batches.empty());
}

TEST_F(ModuleReaderTest, UnknownModuleErrorFailsWithZohosCode) {
  server_.queue(testing::answer(
      400,
      R"({"code":"INVALID_MODULE","details":{},"message":"the module name given seems to be invalid","status":"error"})"));
  RecordingSink sink;
  const auto status = read("orders", "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("INVALID_MODULE"), std::string::npos) << status.reason();
}

TEST_F(ModuleReaderTest, ResumesInsideARunOfMoreThanTwoThousandEqualTimesDespiteAnExpiredPageToken) {
  for (int i = 0; i < 2050; ++i)
    server_.add("Contacts", contact("bulk" + std::to_string(10000 + i), "2026-05-14T08:00:00Z"));
  RecordingSink first(10);  // stops right before the page token would be needed
  ASSERT_TRUE(read("contacts", "", first, 200).ok());
  RecordingSink second;
  // The resumed read walks the same second again by page numbers and token; one stale token is survived.
  server_.expire_next_page_token();
  ASSERT_TRUE(read("contacts", first.last_cursor(), second, 200).ok());
  auto all = first.records();
  const auto rest = second.records();
  all.insert(all.end(), rest.begin(), rest.end());
  const auto ids = ids_of(all);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 2050U);
  EXPECT_EQ(ids.size(), 2050U);
}

}  // namespace
}  // namespace crmsync::zoho_crm
