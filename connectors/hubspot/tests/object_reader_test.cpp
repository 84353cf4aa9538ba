#include "object_reader.hpp"

#include <set>

#include <gtest/gtest.h>

#include "fake_hubspot_server.hpp"
#include "iso_timestamp.hpp"

namespace crmsync::hubspot {
namespace {

using nlohmann::json;
using testing::FakeHubSpotServer;
using testing::RecordingSink;

json contact(const std::string& id, const std::string& modified) {
  return json{{"id", id},
              {"properties",
               {{"firstname", "Ann"},
                {"lastname", id},
                {"email", id + "@example.com"},
                {"lastmodifieddate", modified},
                {"hs_object_id", id}}},
              {"createdAt", "2026-01-01T00:00:00.000Z"},
              {"updatedAt", modified},
              {"archived", false}};
}

std::string millis(std::int64_t n) {
  return format_time_millis(1767225600000 + n);
}

class ObjectReaderTest : public ::testing::Test {
 protected:
  ObjectReaderTest() {
    settings_.base_url = "https://hubspot.test";
    settings_.access_token = "pat-na1-test";
  }

  sdk::Status read(const std::string& stream, const std::string& cursor_text, RecordingSink& sink,
                   int page_size = 3) {
    std::string error;
    auto cursor = HubSpotCursor::parse(cursor_text, error);
    EXPECT_TRUE(cursor) << error;
    HubSpotApi api(settings_, server_, "hubspot_eu");
    ObjectReader reader(*find_hubspot_object(stream), api, page_size, true, settled_before_);
    return reader.read(*cursor, sink);
  }

  static std::multiset<std::string> ids_of(const std::vector<sdk::RawRecord>& records) {
    std::multiset<std::string> ids;
    for (const auto& record : records) ids.insert(record.external_id);
    return ids;
  }

  HubSpotSettings settings_;
  FakeHubSpotServer server_;
  std::optional<std::int64_t> settled_before_;
};

TEST_F(ObjectReaderTest, ReadsEveryRecordWhenManyShareOneMillisecondAcrossPages) {
  for (int i = 1; i <= 7; ++i) server_.add("contacts", contact(std::to_string(100 + i), millis(5)));
  server_.add("contacts", contact("200", millis(1)));
  server_.add("contacts", contact("201", millis(9)));

  RecordingSink sink;
  ASSERT_TRUE(read("contacts", "", sink).ok());
  const auto ids = ids_of(sink.records());
  EXPECT_EQ(ids.size(), 9U);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 9U) << "a record came twice";
}

TEST_F(ObjectReaderTest, ResumesFromCommittedCursorWithoutLossOrRepeat) {
  for (int i = 1; i <= 5; ++i) server_.add("contacts", contact(std::to_string(100 + i), millis(0)));
  for (int i = 1; i <= 4; ++i) server_.add("contacts", contact(std::to_string(200 + i), millis(i)));

  RecordingSink interrupted(1);
  ASSERT_TRUE(read("contacts", "", interrupted).ok());
  RecordingSink resumed;
  ASSERT_TRUE(read("contacts", interrupted.last_cursor(), resumed).ok());

  auto all = interrupted.records();
  const auto rest = resumed.records();
  all.insert(all.end(), rest.begin(), rest.end());
  const auto ids = ids_of(all);
  EXPECT_EQ(ids.size(), 9U);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 9U) << "a record came twice";
}

TEST_F(ObjectReaderTest, NextReadReturnsOnlyWhatChangedSinceTheCursor) {
  for (int i = 1; i <= 4; ++i) server_.add("contacts", contact(std::to_string(i), millis(0)));
  RecordingSink first;
  ASSERT_TRUE(read("contacts", "", first).ok());

  server_.add("contacts", contact("2", millis(50)));
  server_.add("contacts", contact("5", millis(0)));  // late arrival in an already-read millisecond
  RecordingSink second;
  ASSERT_TRUE(read("contacts", first.last_cursor(), second).ok());
  EXPECT_EQ(ids_of(second.records()), (std::multiset<std::string>{"2", "5"}));
}

TEST_F(ObjectReaderTest, NeverAsksSearchForResultsPastTenThousand) {
  for (int i = 0; i < 10500; ++i) server_.add("contacts", contact(std::to_string(100000 + i), millis(i / 2)));

  RecordingSink sink;
  const auto status = read("contacts", "", sink, 200);
  ASSERT_TRUE(status.ok()) << status.reason();
  EXPECT_EQ(ids_of(sink.records()).size(), 10500U);
  for (const auto& request : server_.requests) {
    if (request.method != "POST") continue;
    const auto body = json::parse(request.body);
    if (body.contains("after")) {
      EXPECT_LT(std::stoll(body["after"].get<std::string>()), 10000) << request.body;
    }
  }
}

TEST_F(ObjectReaderTest, MoreEqualTimesThanSearchCanReturnFailsWithTheReason) {
  for (int i = 0; i < 10100; ++i) server_.add("contacts", contact(std::to_string(100000 + i), millis(7)));
  RecordingSink sink;
  const auto status = read("contacts", "", sink, 200);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("10000"), std::string::npos) << status.reason();
  EXPECT_EQ(ids_of(sink.records()).size(), 10000U) << "what search could return was delivered";
}

TEST_F(ObjectReaderTest, DealsBecomeOrdersWithTheirContactAndLineItems) {
  server_.add("line_items", json{{"id", "li1"},
                                 {"properties",
                                  {{"name", "Widget"},
                                   {"quantity", "3"},
                                   {"price", "500"},
                                   {"amount", "1500"},
                                   {"hs_sku", "W-1"}}}});
  server_.add(
      "deals",
      json{{"id", "d1"},
           {"properties",
            {{"dealname", "Acme renewal"},
             {"amount", "1500"},
             {"deal_currency_code", "EUR"},
             {"closedate", "2026-03-31T00:00:00Z"},
             {"dealstage", "closedwon"},
             {"hs_lastmodifieddate", millis(3)}}},
           {"associations",
            {{"contacts", {{"results", json::array({{{"id", "c9"}, {"type", "deal_to_contact"}}})}}},
             {"line items", {{"results", json::array({{{"id", "li1"}, {"type", "deal_to_line_item"}}})}}}}}});
  RecordingSink sink;
  ASSERT_TRUE(read("orders", "", sink).ok());
  const auto records = sink.records();
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].entity, sdk::EntityType::order);
  EXPECT_EQ(records[0].fields.at(sdk::field::kCustomerRef), "c9");
  EXPECT_EQ(records[0].fields.at(sdk::field::kCurrency), "EUR");
  ASSERT_EQ(records[0].lines.size(), 1U);
  EXPECT_EQ(records[0].lines[0].at(sdk::field::kSku), "W-1");
  EXPECT_EQ(records[0].lines[0].at(sdk::field::kLineTotal), "1500");
  EXPECT_NE(records[0].payload.find("lineItems"), std::string::npos);
}

TEST_F(ObjectReaderTest, ArchivedObjectsArriveDeletedOnce) {
  for (int i = 1; i <= 4; ++i) server_.add("contacts", contact(std::to_string(i), millis(0)));
  RecordingSink first;
  ASSERT_TRUE(read("contacts", "", first).ok());

  server_.archive("contacts", "3", "2026-02-01T10:00:00.500Z");
  server_.archive("contacts", "1", "2026-02-01T10:00:00.100Z");
  RecordingSink second;
  ASSERT_TRUE(read("contacts", first.last_cursor(), second).ok());
  const auto deleted = second.records();
  ASSERT_EQ(deleted.size(), 2U);
  EXPECT_EQ(deleted[0].external_id, "1");
  EXPECT_TRUE(deleted[0].deleted);
  EXPECT_TRUE(deleted[1].deleted);

  RecordingSink third;
  ASSERT_TRUE(read("contacts", second.last_cursor(), third).ok());
  EXPECT_TRUE(third.records().empty());
}

TEST_F(ObjectReaderTest, RecordWithoutIdIsRejectedAndTheRestGoesOn) {
  server_.add("contacts", contact("1", millis(0)));
  server_.add("contacts", json{{"id", nullptr}, {"properties", {{"lastmodifieddate", millis(1)}}}});
  server_.add("contacts", contact("2", millis(2)));
  RecordingSink sink;
  ASSERT_TRUE(read("contacts", "", sink).ok());
  EXPECT_EQ(ids_of(sink.records()), (std::multiset<std::string>{"1", "2"}));
  ASSERT_EQ(sink.batches[0].rejections.size(), 1U);
}

TEST_F(ObjectReaderTest, ChangesTooRecentForTheSearchIndexWaitForTheNextRead) {
  server_.add("contacts", contact("1", millis(0)));
  server_.add("contacts", contact("2", millis(1000)));
  settled_before_ = 1767225600000 + 500;
  RecordingSink first;
  ASSERT_TRUE(read("contacts", "", first).ok());
  EXPECT_EQ(ids_of(first.records()), (std::multiset<std::string>{"1"}));

  settled_before_ = 1767225600000 + 5000;
  RecordingSink second;
  ASSERT_TRUE(read("contacts", first.last_cursor(), second).ok());
  EXPECT_EQ(ids_of(second.records()), (std::multiset<std::string>{"2"}));
}

TEST_F(ObjectReaderTest, RateLimitWithRetryAfterAsksTheHostToWaitThatLong) {
  auto limited =
      testing::answer(429, R"({"status":"error","message":"You have reached your ten secondly limit.",
      "errorType":"RATE_LIMIT","policyName":"TEN_SECONDLY_ROLLING"})");
  limited.response.headers.emplace_back("retry-after", "7");
  server_.queue(limited);
  RecordingSink sink;
  const auto status = read("contacts", "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::retry);
  EXPECT_EQ(status.delay(), std::chrono::seconds(7));
}

TEST_F(ObjectReaderTest, FailureNamesInstanceStreamAndUrl) {
  server_.queue(
      testing::answer(403, R"({"status":"error","message":"missing scopes","category":"MISSING_SCOPES"})"));
  RecordingSink sink;
  const auto status = read("feedback", "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("'hubspot_eu'"), std::string::npos) << status.reason();
  EXPECT_NE(status.reason().find("'feedback'"), std::string::npos) << status.reason();
  EXPECT_NE(status.reason().find("https://hubspot.test/crm/v3/objects/notes/search"), std::string::npos);
  EXPECT_NE(status.reason().find("MISSING_SCOPES"), std::string::npos);
}

TEST_F(ObjectReaderTest, PrivateAppTokenTravelsAsBearer) {
  server_.add("contacts", contact("1", millis(0)));
  RecordingSink sink;
  ASSERT_TRUE(read("contacts", "", sink).ok());
  ASSERT_FALSE(server_.requests.empty());
  bool bearer = false;
  for (const auto& [name, value] : server_.requests[0].headers)
    bearer = bearer || value == "Bearer pat-na1-test";
  EXPECT_TRUE(bearer);
}

}  // namespace
}  // namespace crmsync::hubspot
