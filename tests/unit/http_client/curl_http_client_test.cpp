// The HTTP client against a real loopback server whose answers each test scripts.
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <gtest/gtest.h>
#include <unistd.h>

#include "capturing_logger.hpp"
#include "daemon/http_client/curl_http_service.hpp"
#include "fake_retry_clock.hpp"
#include "mock_control.hpp"
#include "server_process.hpp"
#include "test_token_source.hpp"

namespace crmsync::http_client {
namespace {

using namespace std::chrono_literals;
using testing::MockControl;
using testing::ServerProcess;
using Kind = sdk::HttpResult::Kind;

const std::filesystem::path kScript =
    std::filesystem::path(CRMSYNC_SOURCE_DIR) / "tests/unit/http_client/scripted_server.py";

std::filesystem::path scratch_directory() {
  return std::filesystem::path(CRMSYNC_BINARY_DIR) / "test-scratch" / "http_client";
}

nlohmann::json answer(int status, nlohmann::json headers = nlohmann::json::object(),
                      std::string body = "{}") {
  return {{"status", status}, {"headers", std::move(headers)}, {"body", std::move(body)}};
}

class CurlHttpClientTest : public ::testing::Test {
 protected:
  CurlHttpClientTest()
      : server_(kScript, {}, scratch_directory()),
        control_(server_.url()),
        clock_(std::make_shared<testing::FakeRetryClock>()),
        service_(clock_),
        tokens_(server_.url()) {}

  sdk::HttpClientOptions options(bool with_token = false) {
    sdk::HttpClientOptions options;
    options.budget_key = "test-credential";
    options.requests_per_second = 1000;
    options.burst = 1000;
    options.timeout = 10s;
    options.token_source = with_token ? &tokens_ : nullptr;
    return options;
  }

  sdk::HttpRequest get(const std::string& path) {
    sdk::HttpRequest request;
    request.url = server_.url() + path;
    return request;
  }

  void script(nlohmann::json responses, nlohmann::json token_responses = nlohmann::json::array()) {
    control_.post("/__script",
                  {{"responses", std::move(responses)}, {"token_responses", std::move(token_responses)}});
  }

  nlohmann::json requests() { return control_.get("/__requests")["requests"]; }

  std::vector<std::string> authorizations() {
    std::vector<std::string> seen;
    for (const auto& request : requests()) {
      if (request["path"].get<std::string>().rfind("/api", 0) == 0) {
        seen.push_back(request["headers"].value("authorization", ""));
      }
    }
    return seen;
  }

  ServerProcess server_;
  MockControl control_;
  std::shared_ptr<testing::FakeRetryClock> clock_;
  CurlHttpService service_;
  testing::TestTokenSource tokens_;
};

TEST_F(CurlHttpClientTest, RetriesA429AfterTheRetryAfterSecondsItNames) {
  script({answer(429, {{"Retry-After", "3"}})});
  auto client = service_.create_client(options());
  const auto result = client->send(get("/api/contacts"));
  ASSERT_EQ(result.kind, Kind::response) << result.error;
  EXPECT_EQ(result.response.status, 200);
  EXPECT_EQ(requests().size(), 2u);
  EXPECT_GE(clock_->total_slept(), 3s);
  EXPECT_LT(clock_->total_slept(), 4s);
}

TEST_F(CurlHttpClientTest, RetriesA429WithoutRetryAfterWithGrowingBackoff) {
  script({answer(429), answer(429)});
  auto client = service_.create_client(options());
  const auto result = client->send(get("/api/contacts"));
  ASSERT_EQ(result.kind, Kind::response) << result.error;
  EXPECT_EQ(requests().size(), 3u);
  ASSERT_EQ(clock_->sleeps().size(), 2u);
  EXPECT_GE(clock_->sleeps()[0], 250ms);
  EXPECT_GE(clock_->sleeps()[1], 500ms);
}

TEST_F(CurlHttpClientTest, RidesOutABurstOfServerErrors) {
  script({answer(503), answer(502), answer(500)});
  auto client = service_.create_client(options());
  const auto result = client->send(get("/api/contacts"));
  ASSERT_EQ(result.kind, Kind::response) << result.error;
  EXPECT_EQ(result.response.status, 200);
  EXPECT_EQ(requests().size(), 4u);
}

TEST_F(CurlHttpClientTest, HandsClientErrorsToTheConnectorWithoutRetrying) {
  script({answer(404, nlohmann::json::object(), R"({"error":"no such module"})")});
  auto client = service_.create_client(options());
  const auto result = client->send(get("/api/nothing"));
  ASSERT_EQ(result.kind, Kind::response);
  EXPECT_EQ(result.response.status, 404);
  EXPECT_EQ(result.response.body, R"({"error":"no such module"})");
  EXPECT_EQ(requests().size(), 1u);
}

TEST_F(CurlHttpClientTest, RetriesADroppedConnection) {
  script({{{"close", true}}});
  auto client = service_.create_client(options());
  const auto result = client->send(get("/api/contacts"));
  ASSERT_EQ(result.kind, Kind::response) << result.error;
  EXPECT_EQ(result.response.status, 200);
  EXPECT_EQ(requests().size(), 2u);
}

TEST_F(CurlHttpClientTest, AnswersRetryLaterWhenNothingListens) {
  auto settings = options();
  settings.max_attempts = 3;
  auto client = service_.create_client(settings);
  sdk::HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(testing::unused_loopback_port()) + "/api/contacts";
  const auto result = client->send(request);
  EXPECT_EQ(result.kind, Kind::retry_later);
  EXPECT_NE(result.error.find("network error"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("3 attempts"), std::string::npos) << result.error;
  EXPECT_EQ(clock_->sleeps().size(), 2u);
  EXPECT_GE(result.retry_after, 1s);
}

TEST_F(CurlHttpClientTest, GivesUpWithRetryLaterAfterMaxAttempts) {
  script({answer(503), answer(503), answer(503), answer(503)});
  auto settings = options();
  settings.max_attempts = 3;
  auto client = service_.create_client(settings);
  const auto result = client->send(get("/api/contacts"));
  EXPECT_EQ(result.kind, Kind::retry_later);
  EXPECT_EQ(result.response.status, 503);
  EXPECT_EQ(requests().size(), 3u);
}

TEST_F(CurlHttpClientTest, GivesUpAtOnceWhenRetryAfterIsLongerThanMaxWait) {
  script({answer(429, {{"Retry-After", "600"}})});
  auto settings = options();
  settings.max_wait = 120s;
  auto client = service_.create_client(settings);
  const auto result = client->send(get("/api/contacts"));
  EXPECT_EQ(result.kind, Kind::retry_later);
  EXPECT_GE(result.retry_after, 599s);
  EXPECT_EQ(requests().size(), 1u);
  EXPECT_EQ(clock_->total_slept(), 0s);
}

TEST_F(CurlHttpClientTest, FetchesOneTokenAndReusesItOnTheSameConnection) {
  auto client = service_.create_client(options(true));
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(client->send(get("/api/contacts")).ok());
  const auto seen = requests();
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[0]["path"], "/token");
  EXPECT_EQ(authorizations(), std::vector<std::string>(3, "Bearer token-1"));
  // One keep-alive connection: every request came from the same client port.
  EXPECT_EQ(seen[1]["peer_port"], seen[3]["peer_port"]);
}

TEST_F(CurlHttpClientTest, RefreshesTheTokenShortlyBeforeItExpires) {
  control_.post("/__token", {{"expires_in", 100}});
  auto client = service_.create_client(options(true));
  ASSERT_TRUE(client->send(get("/api/contacts")).ok());
  clock_->advance(80s);
  ASSERT_TRUE(client->send(get("/api/contacts")).ok());
  clock_->advance(11s);  // 91 s: past 90 % of the lifetime
  ASSERT_TRUE(client->send(get("/api/contacts")).ok());
  EXPECT_EQ(authorizations(),
            (std::vector<std::string>{"Bearer token-1", "Bearer token-1", "Bearer token-2"}));
}

TEST_F(CurlHttpClientTest, RefreshesOnceAndResendsOnA401) {
  script({answer(401, nlohmann::json::object(), R"({"error":"invalid_token"})")});
  auto client = service_.create_client(options(true));
  const auto result = client->send(get("/api/contacts"));
  ASSERT_EQ(result.kind, Kind::response) << result.error;
  EXPECT_EQ(result.response.status, 200);
  EXPECT_EQ(authorizations(), (std::vector<std::string>{"Bearer token-1", "Bearer token-2"}));
}

TEST_F(CurlHttpClientTest, RefreshesOnceAndResendsOnA200CarryingATokenError) {
  script({answer(200, nlohmann::json::object(), R"({"error_code":"TOKEN_EXPIRED"})")});
  auto client = service_.create_client(options(true));
  const auto result = client->send(get("/api/contacts"));
  ASSERT_EQ(result.kind, Kind::response) << result.error;
  EXPECT_EQ(nlohmann::json::parse(result.response.body).value("ok", false), true);
  EXPECT_EQ(authorizations(), (std::vector<std::string>{"Bearer token-1", "Bearer token-2"}));
}

TEST_F(CurlHttpClientTest, FailsWhenAFreshTokenIsRejectedToo) {
  script({answer(401), answer(401), answer(401)});
  auto client = service_.create_client(options(true));
  const auto result = client->send(get("/api/contacts"));
  EXPECT_EQ(result.kind, Kind::failed);
  EXPECT_NE(result.error.find("freshly fetched"), std::string::npos) << result.error;
  EXPECT_EQ(authorizations().size(), 2u);
}

TEST_F(CurlHttpClientTest, FailsWithTheTokenEndpointsReasonWhenItRefuses) {
  script(nlohmann::json::array(), {answer(400, nlohmann::json::object(), R"({"error":"invalid_client"})")});
  auto client = service_.create_client(options(true));
  const auto result = client->send(get("/api/contacts"));
  EXPECT_EQ(result.kind, Kind::failed);
  EXPECT_NE(result.error.find("invalid_client"), std::string::npos) << result.error;
  EXPECT_TRUE(authorizations().empty());
}

TEST_F(CurlHttpClientTest, ClientsOfOneBudgetKeyShareItsPace) {
  auto settings = options();
  settings.requests_per_second = 2;
  settings.burst = 1;
  auto first = service_.create_client(settings);
  auto second = service_.create_client(settings);
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(first->send(get("/api/a")).ok());
    ASSERT_TRUE(second->send(get("/api/b")).ok());
  }
  // Four requests at 2/s with no burst: three waits of half a second between them.
  EXPECT_GE(clock_->total_slept(), 1400ms);

  auto elsewhere = options();
  elsewhere.budget_key = "another-credential";
  elsewhere.requests_per_second = 2;
  elsewhere.burst = 1;
  const auto before = clock_->total_slept();
  auto other = service_.create_client(elsewhere);
  ASSERT_TRUE(other->send(get("/api/c")).ok());
  EXPECT_EQ(clock_->total_slept(), before);
}

TEST_F(CurlHttpClientTest, HoldsBackWhenHubSpotSaysTheWindowIsUsedUp) {
  script({answer(200, {{"X-HubSpot-RateLimit-Max", "110"},
                       {"X-HubSpot-RateLimit-Remaining", "0"},
                       {"X-HubSpot-RateLimit-Interval-Milliseconds", "10000"}})});
  auto client = service_.create_client(options());
  ASSERT_TRUE(client->send(get("/api/contacts")).ok());
  EXPECT_EQ(clock_->total_slept(), 0s);
  ASSERT_TRUE(client->send(get("/api/contacts")).ok());
  EXPECT_GE(clock_->total_slept(), 9s);
}

TEST_F(CurlHttpClientTest, ARetryAfterBeatsTheWindowTheLimitHeadersSuggest) {
  script({answer(429, {{"Retry-After", "2"},
                       {"X-HubSpot-RateLimit-Max", "110"},
                       {"X-HubSpot-RateLimit-Remaining", "0"},
                       {"X-HubSpot-RateLimit-Interval-Milliseconds", "10000"}})});
  auto client = service_.create_client(options());
  ASSERT_TRUE(client->send(get("/api/contacts")).ok());
  EXPECT_GE(clock_->total_slept(), 2s);
  EXPECT_LT(clock_->total_slept(), 3s);
}

TEST_F(CurlHttpClientTest, A429PausesEveryClientOfTheCredential) {
  script({answer(429, {{"Retry-After", "5"}})});
  auto settings = options();
  settings.max_wait = 2s;
  auto first = service_.create_client(settings);
  auto second = service_.create_client(settings);
  EXPECT_EQ(first->send(get("/api/contacts")).kind, Kind::retry_later);
  // The second stream does not even ask while the credential is paused.
  const auto held_back = second->send(get("/api/deals"));
  EXPECT_EQ(held_back.kind, Kind::retry_later);
  EXPECT_GE(held_back.retry_after, 4s);
  EXPECT_EQ(requests().size(), 1u);
  clock_->advance(5s);
  EXPECT_TRUE(second->send(get("/api/deals")).ok());
}

TEST_F(CurlHttpClientTest, RefusesPlainHttpToANonLoopbackHost) {
  auto client = service_.create_client(options());
  sdk::HttpRequest request;
  request.url = "http://crm.example.com/api?access_token=abc123secret";
  const auto result = client->send(request);
  EXPECT_EQ(result.kind, Kind::failed);
  EXPECT_NE(result.error.find("https"), std::string::npos) << result.error;
  EXPECT_EQ(result.error.find("abc123secret"), std::string::npos) << result.error;
  request.url = "http://10.1.2.3/api";
  EXPECT_EQ(client->send(request).kind, Kind::failed);
}

TEST_F(CurlHttpClientTest, LogsExchangesAtDebugWithSecretsRedacted) {
  testing::CapturingLogger logger;
  script({answer(200, {{"Set-Cookie", "sid=cookie-secret-1"}},
                 R"({"refresh_token":"refresh-secret-2","ok":true})")});
  auto client = service_.create_client(options(true), &logger);
  sdk::HttpRequest request = get("/api/contacts?api_key=query-secret-3&page=2");
  request.method = "POST";
  request.headers = {{"Cookie", "sid=cookie-secret-4"}, {"Content-Type", "application/json"}};
  request.body = R"({"password":"body-secret-5","name":"Ada"})";
  ASSERT_TRUE(client->send(request).ok());

  std::string all;
  for (const auto& line : logger.lines) all += line + '\n';
  for (const char* secret : {"cookie-secret-1", "refresh-secret-2", "query-secret-3", "cookie-secret-4",
                             "body-secret-5", "token-1", "s3cr3t-client-value"}) {
    EXPECT_EQ(all.find(secret), std::string::npos) << secret << " leaked into:\n" << all;
  }
  EXPECT_NE(all.find("POST http://127.0.0.1"), std::string::npos) << all;
  EXPECT_NE(all.find("page=2"), std::string::npos) << all;
  EXPECT_NE(all.find("\"name\":\"Ada\""), std::string::npos) << all;
  EXPECT_NE(all.find("Authorization: ***"), std::string::npos) << all;
}

// https against a throwaway self-signed certificate made with the openssl CLI.
class CurlHttpsTest : public ::testing::Test {
 protected:
  static void make_certificate(const std::filesystem::path& directory, const std::string& name) {
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost"
        " -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '" +
        (directory / (name + ".key")).string() + "' -out '" + (directory / (name + ".crt")).string() +
        "' 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }

  void SetUp() override {
    directory_ = scratch_directory() / ("tls-" + std::to_string(::getpid()));
    std::filesystem::create_directories(directory_);
    make_certificate(directory_, "server");
    make_certificate(directory_, "stranger");
    server_ = std::make_unique<ServerProcess>(
        kScript,
        std::vector<std::string>{"--cert", (directory_ / "server.crt").string(), "--key",
                                 (directory_ / "server.key").string()},
        directory_);
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(directory_);
  }

  sdk::HttpResult fetch_with_ca(const std::string& ca_file) {
    CurlHttpService service(std::make_shared<testing::FakeRetryClock>());
    sdk::HttpClientOptions options;
    options.ca_file = ca_file;
    options.timeout = 10s;
    sdk::HttpRequest request;
    request.url = server_->url("https") + "/api/contacts";
    return service.create_client(options)->send(request);
  }

  std::filesystem::path directory_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(CurlHttpsTest, RefusesAServerWhoseCertificateTheCaFileDoesNotVouchFor) {
  const auto result = fetch_with_ca((directory_ / "stranger.crt").string());
  EXPECT_EQ(result.kind, Kind::failed);
  EXPECT_FALSE(result.error.empty());
}

TEST_F(CurlHttpsTest, RefusesASelfSignedServerWithTheSystemCaBundle) {
  EXPECT_EQ(fetch_with_ca("").kind, Kind::failed);
}

TEST_F(CurlHttpsTest, TalksToTheServerWithTheRightCaFile) {
  const auto result = fetch_with_ca((directory_ / "server.crt").string());
  ASSERT_EQ(result.kind, Kind::response) << result.error;
  EXPECT_EQ(result.response.status, 200);
}

}  // namespace
}  // namespace crmsync::http_client
