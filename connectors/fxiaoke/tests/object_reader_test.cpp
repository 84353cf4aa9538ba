#include "object_reader.hpp"

#include <gtest/gtest.h>

#include "scripted_http_client.hpp"

namespace crmsync::fxiaoke {
namespace {

using testing::account_row;
using testing::RecordingSink;
using testing::ScriptedHttpClient;

constexpr const char* kPlace = "fxiaoke instance 'fx', stream 'accounts'";

class ObjectReaderTest : public ::testing::Test {
 protected:
  ObjectReaderTest() : api_(settings(), http_, kPlace) {}

  static const FxiaokeSettings& settings() {
    static const FxiaokeSettings instance = [] {
      FxiaokeSettings s;
      s.base_url = "http://127.0.0.1:9000";
      return s;
    }();
    return instance;
  }

  sdk::Status read(const std::string& stream, const FxiaokeCursor& cursor, RecordingSink& sink,
                   int page_size) {
    ObjectReader reader(*FxiaokeStream::find(stream), api_, mapper_, page_size);
    return reader.read(cursor, sink);
  }

  ScriptedHttpClient http_;
  FxiaokeApi api_;
  FxiaokeRecordMapper mapper_{"CNY"};
};

TEST_F(ObjectReaderTest, PagesByKeysetUntilAShortPage) {
  http_.answer_rows({account_row("a1", 1000), account_row("a2", 2000)});
  http_.answer_rows({account_row("a2", 2000), account_row("a3", 3000)});
  http_.answer_rows({account_row("a3", 3000)});
  RecordingSink sink;
  ASSERT_TRUE(read("accounts", FxiaokeCursor{}, sink, 2).ok());
  EXPECT_EQ(sink.ids(), (std::vector<std::string>{"a1", "a2", "a3"}));
  ASSERT_EQ(http_.sent.size(), 3U);
  EXPECT_EQ(http_.sent[0].url, "http://127.0.0.1:9000/cgi/crm/v2/data/query");
  const auto second = http_.data_of(1)["search_query_info"];
  EXPECT_EQ(second["offset"], 0);
  EXPECT_EQ(second["filters"][0]["operator"], "GTE");
  EXPECT_EQ(second["filters"][0]["field_values"][0], "2000");
}

TEST_F(ObjectReaderTest, MoreRowsAtOneTimeThanAPageAreReadBy_idThenPastThatTime) {
  FxiaokeCursor cursor;
  cursor.advance(5000, "b2");
  // Every row of the inclusive page was read before: switch to _id paging at that time.
  http_.answer_rows({account_row("b1", 5000), account_row("b2", 5000)});
  http_.answer_rows({account_row("b3", 5000), account_row("b4", 5000)});
  http_.answer_rows({account_row("b5", 5000)});
  http_.answer_rows({account_row("c1", 6000)});
  RecordingSink sink;
  ASSERT_TRUE(read("accounts", cursor, sink, 2).ok());
  EXPECT_EQ(sink.ids(), (std::vector<std::string>{"b3", "b4", "b5", "c1"}));
  EXPECT_EQ(http_.data_of(1)["search_query_info"]["filters"][1]["field_values"][0], "b2");
  EXPECT_EQ(http_.data_of(2)["search_query_info"]["filters"][1]["field_values"][0], "b4");
  EXPECT_EQ(http_.data_of(3)["search_query_info"]["filters"][0]["operator"], "GT");
}

TEST_F(ObjectReaderTest, ResumedReadSkipsWhatTheLastCommittedBatchHeld) {
  http_.answer_rows({account_row("a1", 1000), account_row("a2", 1000)});
  http_.answer_rows({account_row("a2", 1000), account_row("a3", 1000)});
  RecordingSink first(1);
  ASSERT_TRUE(read("accounts", FxiaokeCursor{}, first, 2).ok());
  EXPECT_EQ(first.ids(), (std::vector<std::string>{"a1", "a2"}));
  std::string error;
  auto cursor = FxiaokeCursor::parse(first.last_cursor(), error);
  ASSERT_TRUE(cursor) << error;
  http_.answer_rows({account_row("a1", 1000), account_row("a2", 1000)});
  http_.answer_rows({account_row("a3", 1000)});
  http_.answer_rows({});
  RecordingSink second;
  ASSERT_TRUE(read("accounts", *cursor, second, 2).ok());
  EXPECT_EQ(second.ids(), (std::vector<std::string>{"a3"}));
}

TEST_F(ObjectReaderTest, OrdersGetTheirLinesBeforeTheyAreEmitted) {
  http_.answer_rows(
      {{{"_id", "o1"}, {"account_id", "a1"}, {"order_amount", "10.00"}, {"last_modified_time", 1}},
       {{"_id", "o2"}, {"account_id", "a1"}, {"last_modified_time", 2}}});
  http_.answer_rows({{{"_id", "l1"}, {"order_id", "o1"}, {"quantity", "1"}},
                     {{"_id", "l2"}, {"order_id", "o2"}, {"quantity", "2"}},
                     {{"_id", "l3"}, {"order_id", "o1"}, {"quantity", "3"}}});
  RecordingSink sink;
  ASSERT_TRUE(read("orders", FxiaokeCursor{}, sink, 5).ok());
  ASSERT_EQ(sink.batches.size(), 1U);
  const auto& orders = sink.batches[0].records;
  ASSERT_EQ(orders.size(), 2U);
  EXPECT_EQ(orders[0].lines.size(), 2U);
  EXPECT_EQ(orders[1].lines.size(), 1U);
  EXPECT_EQ(http_.data_of(1)["dataObjectApiName"], "SalesOrderProductObj");
}

TEST_F(ObjectReaderTest, FrequencyLimitInA200MeansRetryLater) {
  http_.answer(R"({"errorCode":30004,"errorMessage":"per second frequency exceeded"})");
  RecordingSink sink;
  const auto status = read("accounts", FxiaokeCursor{}, sink, 100);
  EXPECT_EQ(status.code(), sdk::Status::Code::retry);
  EXPECT_EQ(status.delay(), FxiaokeApi::kFrequencyPause);
}

TEST_F(ObjectReaderTest, BusinessErrorFailsNamingPlaceCodeAndObject) {
  http_.answer(
      R"({"errorCode":10013,"errorMessage":"offset out of range 10000","errorDescription":"offset 不能超过10000"})");
  RecordingSink sink;
  const auto status = read("accounts", FxiaokeCursor{}, sink, 100);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find(kPlace), std::string::npos);
  EXPECT_NE(status.reason().find("errorCode 10013"), std::string::npos);
  EXPECT_NE(status.reason().find("AccountObj"), std::string::npos);
}

TEST_F(ObjectReaderTest, RowsWithoutIdAreRejectedAndTheRestGoOn) {
  http_.answer_rows({account_row("a1", 1000), {{"name", "无编号"}, {"last_modified_time", 1500}}});
  RecordingSink sink;
  ASSERT_TRUE(read("accounts", FxiaokeCursor{}, sink, 100).ok());
  ASSERT_EQ(sink.batches.size(), 1U);
  EXPECT_EQ(sink.batches[0].records.size(), 1U);
  EXPECT_EQ(sink.batches[0].rejections.size(), 1U);
}

TEST_F(ObjectReaderTest, HostGivingUpMeansRetryAfterItsDelay) {
  http_.answer_retry_later(std::chrono::seconds(40), "HTTP 429 six times");
  RecordingSink sink;
  const auto status = read("accounts", FxiaokeCursor{}, sink, 100);
  EXPECT_EQ(status.code(), sdk::Status::Code::retry);
  EXPECT_EQ(status.delay(), std::chrono::seconds(40));
}

}  // namespace
}  // namespace crmsync::fxiaoke
