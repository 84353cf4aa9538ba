// The survey and unsubscribe links against a real listener and a SQLite store.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "daemon/http/http_listener.hpp"
#include "daemon/http/survey_endpoint.hpp"
#include "daemon/scheduler/survey_planner.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/migration_runner.hpp"

namespace crmsync::http {
namespace {

using namespace std::chrono_literals;
namespace beast = boost::beast;

class FixedClock final : public sdk::Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override {
    return std::chrono::sys_days{std::chrono::year{2026} / 11 / 24} + 10h;
  }
};

struct HttpAnswer {
  int status = 0;
  std::string body;
};

HttpAnswer request(unsigned short port, beast::http::verb method, const std::string& target,
                   const std::string& body = "") {
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  beast::http::request<beast::http::string_body> out{method, target, 11};
  out.set(beast::http::field::host, "127.0.0.1");
  if (!body.empty()) out.set(beast::http::field::content_type, "application/x-www-form-urlencoded");
  out.body() = body;
  out.prepare_payload();
  beast::http::write(stream, out);
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> in;
  beast::http::read(stream, buffer, in);
  return {static_cast<int>(in.result_int()), in.body()};
}

model::NormalizedRecord record(const std::string& id, sdk::EntityType entity, const std::string& payload) {
  model::NormalizedRecord r;
  r.external_id = id;
  r.entity = entity;
  r.payload = payload;
  r.payload_hash = payload;
  return r;
}

class SurveyLinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ =
        std::filesystem::temp_directory_path() /
        ("crmsync-http-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    url_ = "sqlite://" + (directory_ / "crmsync.db").string();
    database_ = store::Database::open(url_);
    store::MigrationRunner(*database_).run();
    journey_.enabled = true;
    journey_.surveys.push_back({"after_delivery", {"delivered"}, {}, "nps", 0s, "mail", "nps_survey"});
    journey_.reminders.channel = "mail";
    plan_survey();
    endpoint_ = std::make_unique<SurveyEndpoint>(url_, journey_, signer_, clock_);
    listener_ = std::make_unique<HttpListener>(
        "127.0.0.1:0", [this](const std::string& method, const std::string& target, const std::string& body) {
          return endpoint_->handle(method, target, body);
        });
  }

  void TearDown() override {
    listener_.reset();
    endpoint_.reset();
    database_.reset();
    std::filesystem::remove_all(directory_);
  }

  void plan_survey() {
    scheduler::SurveyPlanner planner(journey_, signer_, clock_);
    store::BatchWriter writer(*database_);
    writer.add_observer(&planner);
    store::BatchWrite batch;
    batch.instance = "shop";
    batch.stream = "records";
    auto customer = record("c1", sdk::EntityType::customer, R"({"id":"c1"})");
    model::Customer data;
    data.name = "王芳";
    data.name_key = "王芳";
    data.email = model::Email{"wang@example.cn", "wang@example.cn"};
    data.country = "CN";
    customer.data = data;
    batch.records.push_back(customer);
    auto order = record("o1", sdk::EntityType::order, R"({"id":"o1"})");
    model::Order placed;
    placed.customer_ref = "c1";
    placed.order_number = "SO-1";
    placed.status = "delivered";
    order.data = placed;
    batch.records.push_back(order);
    writer.write(batch);
    database_->session() << "SELECT survey_token FROM outbox", soci::into(token_);
  }

  std::string text(const std::string& query) {
    std::string value;
    soci::indicator indicator = soci::i_null;
    database_->session() << query, soci::into(value, indicator);
    return indicator == soci::i_ok ? value : "NULL";
  }

  std::filesystem::path directory_;
  std::string url_;
  config::JourneyConfig journey_;
  scheduler::SurveyTokenSigner signer_{"http test signing key 0123"};
  FixedClock clock_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<SurveyEndpoint> endpoint_;
  std::unique_ptr<HttpListener> listener_;
  std::string token_;
};

TEST_F(SurveyLinkTest, ClickStoresTheScoreAsFeedbackOfTheSurveyedCustomerAndOrder) {
  ASSERT_FALSE(token_.empty());
  EXPECT_EQ(request(listener_->port(), beast::http::verb::get, "/s/" + token_ + "?score=9").status, 200);
  EXPECT_EQ(text("SELECT kind || ':' || score FROM feedback_unified WHERE instance = 'crmsync'"
                 " AND stream = 'survey_clicks' AND external_id = '" +
                 token_ + "'"),
            "nps:9");
  EXPECT_EQ(text("SELECT order_number FROM feedback_unified WHERE instance = 'crmsync'"), "SO-1");
  EXPECT_EQ(text("SELECT promoters FROM nps_by_segment WHERE country = 'CN'"), "1");
}

TEST_F(SurveyLinkTest, ChangedMindKeepsOneAnswerWithTheLatestScore) {
  request(listener_->port(), beast::http::verb::get, "/s/" + token_ + "?score=9");
  request(listener_->port(), beast::http::verb::get, "/s/" + token_ + "?score=4");
  EXPECT_EQ(text("SELECT COUNT(*) FROM feedback"), "1");
  EXPECT_EQ(text("SELECT score FROM feedback"), "4");
  EXPECT_EQ(text("SELECT COUNT(*) FROM outbox WHERE rule = 'at_risk'"), "1");  // a detractor now
}

TEST_F(SurveyLinkTest, ForgedOrAlteredTokenIsNotFoundAndStoresNothing) {
  std::string altered = token_;
  altered[0] = altered[0] == 'A' ? 'B' : 'A';
  EXPECT_EQ(request(listener_->port(), beast::http::verb::get, "/s/" + altered + "?score=10").status, 404);
  EXPECT_EQ(request(listener_->port(), beast::http::verb::get, "/s/../../etc/passwd?score=10").status, 404);
  EXPECT_EQ(text("SELECT COUNT(*) FROM feedback"), "0");
}

TEST_F(SurveyLinkTest, ScoreOutsideTheSurveyScaleIsRefused) {
  EXPECT_EQ(request(listener_->port(), beast::http::verb::get, "/s/" + token_ + "?score=11").status, 400);
  EXPECT_EQ(request(listener_->port(), beast::http::verb::get, "/s/" + token_ + "?score=ten").status, 400);
  EXPECT_EQ(text("SELECT COUNT(*) FROM feedback"), "0");
}

TEST_F(SurveyLinkTest, OneClickUnsubscribeSuppressesTheCustomerOnce) {
  const auto page = request(listener_->port(), beast::http::verb::get, "/u/" + token_);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("method=\"post\""), std::string::npos);
  EXPECT_EQ(text("SELECT COUNT(*) FROM suppression"), "0");  // a GET (a link scanner) changes nothing
  EXPECT_EQ(request(listener_->port(), beast::http::verb::post, "/u/" + token_, "List-Unsubscribe=One-Click")
                .status,
            200);
  EXPECT_EQ(request(listener_->port(), beast::http::verb::post, "/u/" + token_, "List-Unsubscribe=One-Click")
                .status,
            200);
  EXPECT_EQ(text("SELECT COUNT(*) FROM suppression"), "1");
  EXPECT_EQ(text("SELECT reason || ' ' || address FROM suppression"), "unsubscribed wang@example.cn");
}

}  // namespace
}  // namespace crmsync::http
