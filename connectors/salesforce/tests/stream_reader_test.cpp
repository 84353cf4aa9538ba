#include "stream_reader.hpp"

#include <gtest/gtest.h>

#include "salesforce_time.hpp"
#include "scripted_http_client.hpp"

namespace crmsync::salesforce {
namespace {

using testing::contact_row;
using testing::query_page;
using testing::RecordingSink;
using testing::ScriptedHttpClient;

constexpr const char* kOrigin = "http://127.0.0.1:9000";
constexpr const char* kPlace = "salesforce instance 'sf', stream 'contacts'";

std::string header_of(const sdk::HttpRequest& request, const std::string& name) {
  for (const auto& [key, value] : request.headers) {
    if (key == name) return value;
  }
  return {};
}

class StreamReaderTest : public ::testing::Test {
 protected:
  StreamReaderTest() : api_(settings(), http_, kOrigin, kPlace) {}

  static const SalesforceSettings& settings() {
    static const SalesforceSettings instance = [] {
      SalesforceSettings s;
      s.api_version = "v60.0";
      s.batch_size = 500;
      return s;
    }();
    return instance;
  }

  sdk::Status read(const std::string& stream, const SalesforceCursor& cursor, RecordingSink& sink) {
    StreamReader reader(*SalesforceStream::find(stream), api_, mapper_, true, true);
    return reader.read(cursor, sink);
  }

  static SalesforceCursor cursor_of(const std::string& text) {
    std::string error;
    return *SalesforceCursor::parse(text, error);
  }

  ScriptedHttpClient http_;
  SalesforceApi api_;
  SalesforceRecordMapper mapper_{""};
};

TEST_F(StreamReaderTest, FollowsNextRecordsUrlAndEmitsOneBatchPerPage) {
  http_.answer(200, query_page({contact_row("003A", "2024-05-01T10:00:00.000+0000")},
                               "/services/data/v60.0/query/01gRO0000016PIAYA2-500"));
  http_.answer(200, query_page({contact_row("003B", "2024-05-01T11:00:00.000+0000")}));
  RecordingSink sink;
  const sdk::Status status = read("contacts", SalesforceCursor{}, sink);
  ASSERT_TRUE(status.ok()) << status.reason();
  EXPECT_EQ(sink.ids(), (std::vector<std::string>{"003A", "003B"}));
  EXPECT_EQ(sink.batches.size(), 2U);
  ASSERT_EQ(http_.sent.size(), 2U);
  EXPECT_EQ(http_.sent[0].url.rfind("http://127.0.0.1:9000/services/data/v60.0/queryAll?q=SELECT%20Id", 0),
            0U);
  EXPECT_EQ(http_.sent[1].url, "http://127.0.0.1:9000/services/data/v60.0/query/01gRO0000016PIAYA2-500");
  EXPECT_EQ(header_of(http_.sent[0], "Sforce-Query-Options"), "batchSize=500");
}

TEST_F(StreamReaderTest, RecordSharingTheBoundaryTimestampIsNotLostWhenAReadStopsBetweenPages) {
  const std::string t1 = "2024-05-01T10:00:00.000+0000";
  const std::string t2 = "2024-05-01T10:00:07.250+0000";
  http_.answer(
      200, query_page({contact_row("003A", t1), contact_row("003B", t2)}, "/services/data/v60.0/query/L-2"));
  http_.answer(200, query_page({contact_row("003C", t2)}));
  RecordingSink first(1);  // the daemon stops before the second page is committed
  ASSERT_TRUE(read("contacts", SalesforceCursor{}, first).ok());
  EXPECT_EQ(first.ids(), (std::vector<std::string>{"003A", "003B"}));

  // The resumed query starts at the boundary second again: 003B comes back and
  // is skipped, 003C (same instant, its page never committed) arrives once.
  http_.answer(200, query_page({contact_row("003B", t2), contact_row("003C", t2),
                                contact_row("003D", "2024-05-01T10:00:08.000+0000")}));
  RecordingSink second;
  ASSERT_TRUE(read("contacts", cursor_of(first.last_cursor()), second).ok());
  EXPECT_EQ(second.ids(), (std::vector<std::string>{"003C", "003D"}));
  EXPECT_NE(http_.sent.back().url.find("SystemModstamp%20%3E%3D%202024-05-01T10%3A00%3A07Z"),
            std::string::npos);
}

TEST_F(StreamReaderTest, NothingNewEmitsNothing) {
  const std::string t = "2024-05-01T10:00:00.000+0000";
  SalesforceCursor cursor;
  cursor.advance(*SalesforceTime::parse_millis(t), "003A");
  http_.answer(200, query_page({contact_row("003A", t)}));
  RecordingSink sink;
  ASSERT_TRUE(read("contacts", cursor, sink).ok());
  EXPECT_TRUE(sink.batches.empty());
}

TEST_F(StreamReaderTest, DeletedRowsArriveMarkedDeletedAndRowsWithoutIdAreRejected) {
  http_.answer(200, query_page({contact_row("003A", "2024-05-01T10:00:00Z", true),
                                R"({"attributes":{"type":"Contact"},"LastName":"NoId"})"}));
  RecordingSink sink;
  ASSERT_TRUE(read("contacts", SalesforceCursor{}, sink).ok());
  ASSERT_EQ(sink.batches.size(), 1U);
  ASSERT_EQ(sink.batches[0].records.size(), 1U);
  EXPECT_TRUE(sink.batches[0].records[0].deleted);
  ASSERT_EQ(sink.batches[0].rejections.size(), 1U);
  EXPECT_EQ(sink.batches[0].rejections[0].location, "contacts page 1");
}

TEST_F(StreamReaderTest, ExpiredQueryLocatorQueriesAgainFromTheCursor) {
  http_.answer(200,
               query_page({contact_row("003A", "2024-05-01T10:00:00Z")}, "/services/data/v60.0/query/L-2"));
  http_.answer(400, R"([{"message":"invalid query locator","errorCode":"INVALID_QUERY_LOCATOR"}])");
  http_.answer(200, query_page({contact_row("003A", "2024-05-01T10:00:00Z"),
                                contact_row("003B", "2024-05-01T10:00:01Z")}));
  RecordingSink sink;
  ASSERT_TRUE(read("contacts", SalesforceCursor{}, sink).ok());
  EXPECT_EQ(sink.ids(), (std::vector<std::string>{"003A", "003B"}));
  EXPECT_NE(http_.sent[2].url.find("WHERE"), std::string::npos);
}

TEST_F(StreamReaderTest, DailyApiLimitMeansRetryLater) {
  http_.answer(403, R"([{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}])",
               {{"sforce-limit-info", "api-usage=15000/15000"}});
  RecordingSink sink;
  const sdk::Status status = read("contacts", SalesforceCursor{}, sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::retry);
  EXPECT_EQ(status.delay(), SalesforceApi::kDailyLimitPause);
  EXPECT_NE(status.reason().find("api-usage=15000/15000"), std::string::npos);
}

TEST_F(StreamReaderTest, HostGivingUpOnRetriesMeansRetryAfterItsDelay) {
  http_.answer_retry_later(std::chrono::seconds(30), "HTTP 503 six times");
  RecordingSink sink;
  const sdk::Status status = read("contacts", SalesforceCursor{}, sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::retry);
  EXPECT_EQ(status.delay(), std::chrono::seconds(30));
}

TEST_F(StreamReaderTest, RefusedQueryFailsNamingInstanceStreamErrorCodeAndUrl) {
  http_.answer(400, R"([{"message":"unexpected token: FROM","errorCode":"MALFORMED_QUERY"}])");
  RecordingSink sink;
  const sdk::Status status = read("contacts", SalesforceCursor{}, sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find(kPlace), std::string::npos);
  EXPECT_NE(status.reason().find("HTTP 400 MALFORMED_QUERY: unexpected token: FROM"), std::string::npos);
  EXPECT_NE(status.reason().find("GET http://127.0.0.1:9000/services/data/v60.0/queryAll?q="),
            std::string::npos);
}

TEST_F(StreamReaderTest, OrderItemsOnLaterChildPagesAreFetchedBeforeTheOrderIsEmitted) {
  http_.answer(200, query_page({R"({"Id":"801A","AccountId":"001A","SystemModstamp":"2024-05-01T10:00:00Z",
      "OrderItems":{"totalSize":2,"done":false,"nextRecordsUrl":"/services/data/v60.0/query/C-1",
                    "records":[{"Id":"802A","Quantity":1,"UnitPrice":5}]}})"}));
  http_.answer(200, query_page({R"({"Id":"802B","Quantity":2,"UnitPrice":7})"}));
  RecordingSink sink;
  ASSERT_TRUE(read("orders", SalesforceCursor{}, sink).ok());
  ASSERT_EQ(sink.ids(), (std::vector<std::string>{"801A"}));
  ASSERT_EQ(sink.batches[0].records[0].lines.size(), 2U);
  EXPECT_EQ(sink.batches[0].records[0].lines[1].at(sdk::field::kQuantity), "2");
  EXPECT_EQ(http_.sent[1].url, "http://127.0.0.1:9000/services/data/v60.0/query/C-1");
}

}  // namespace
}  // namespace crmsync::salesforce
