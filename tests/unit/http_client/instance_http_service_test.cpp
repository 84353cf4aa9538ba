// An instance's HTTP service: the instance name is the budget key unless the
// connector names one, so every stream of an instance slows down together.
#include "daemon/http_client/instance_http_service.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "capturing_logger.hpp"
#include "fake_retry_clock.hpp"
#include "server_process.hpp"

namespace crmsync::http_client {
namespace {

using namespace std::chrono_literals;

class InstanceHttpServiceTest : public ::testing::Test {
 protected:
  InstanceHttpServiceTest()
      : server_(std::filesystem::path(CRMSYNC_SOURCE_DIR) / "tests/unit/http_client/scripted_server.py", {},
                std::filesystem::path(CRMSYNC_BINARY_DIR) / "test-scratch" / "http_client"),
        clock_(std::make_shared<testing::FakeRetryClock>()),
        shared_(clock_) {}

  static sdk::HttpClientOptions slow_options() {
    sdk::HttpClientOptions options;
    options.requests_per_second = 1;
    options.burst = 1;
    return options;
  }

  sdk::HttpRequest get() {
    sdk::HttpRequest request;
    request.url = server_.url() + "/api/contacts";
    return request;
  }

  testing::ServerProcess server_;
  std::shared_ptr<testing::FakeRetryClock> clock_;
  CurlHttpService shared_;
};

TEST_F(InstanceHttpServiceTest, StreamsOfOneInstanceShareTheInstancesBudget) {
  InstanceHttpService instance(shared_, "zoho_eu", nullptr);
  auto contacts = instance.create_client(slow_options());
  auto orders = instance.create_client(slow_options());
  ASSERT_TRUE(contacts->send(get()).ok());
  ASSERT_TRUE(orders->send(get()).ok());
  EXPECT_GE(clock_->total_slept(), 900ms);
}

TEST_F(InstanceHttpServiceTest, OtherInstancesHaveBudgetsOfTheirOwn) {
  InstanceHttpService eu(shared_, "zoho_eu", nullptr);
  InstanceHttpService cn(shared_, "zoho_cn", nullptr);
  ASSERT_TRUE(eu.create_client(slow_options())->send(get()).ok());
  ASSERT_TRUE(cn.create_client(slow_options())->send(get()).ok());
  EXPECT_EQ(clock_->total_slept(), 0ns);
}

TEST_F(InstanceHttpServiceTest, AConnectorNamedKeyIsSharedAcrossInstances) {
  InstanceHttpService first(shared_, "zoho_eu_contacts", nullptr);
  InstanceHttpService second(shared_, "zoho_eu_orders", nullptr);
  auto options = slow_options();
  options.budget_key = "zoho:client-1000.ABC";
  ASSERT_TRUE(first.create_client(options)->send(get()).ok());
  ASSERT_TRUE(second.create_client(options)->send(get()).ok());
  EXPECT_GE(clock_->total_slept(), 900ms);
}

TEST_F(InstanceHttpServiceTest, DebugLinesGoToTheInstancesLogger) {
  testing::CapturingLogger logger;
  InstanceHttpService instance(shared_, "zoho_eu", &logger);
  ASSERT_TRUE(instance.create_client(slow_options())->send(get()).ok());
  ASSERT_EQ(logger.lines.size(), 2u);
  EXPECT_NE(logger.lines[0].find("GET " + server_.url() + "/api/contacts"), std::string::npos)
      << logger.lines[0];
  EXPECT_NE(logger.lines[1].find("http< 200"), std::string::npos) << logger.lines[1];
}

}  // namespace
}  // namespace crmsync::http_client
