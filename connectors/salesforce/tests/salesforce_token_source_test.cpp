#include "salesforce_token_source.hpp"

#include <gtest/gtest.h>

namespace crmsync::salesforce {
namespace {

SalesforceSettings settings_with(std::string base_url) {
  SalesforceSettings settings;
  settings.base_url = std::move(base_url);
  settings.token_url = "https://login.salesforce.com/services/oauth2/token";
  settings.client_id = "3MVG9 id";
  settings.client_secret = "s&cret";
  settings.refresh_token = "5Aep+861";
  settings.session_lifetime = std::chrono::seconds(3600);
  return settings;
}

sdk::HttpResponse answer(long status, std::string body) {
  sdk::HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

TEST(SalesforceTokenSourceTest, AsksForARefreshTokenGrantWithEncodedSecrets) {
  const SalesforceSettings settings = settings_with("");
  const SalesforceTokenSource source(settings);
  const sdk::HttpRequest request = source.token_request();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, settings.token_url);
  EXPECT_FALSE(request.authorize);
  EXPECT_NE(request.body.find("grant_type=refresh_token"), std::string::npos);
  EXPECT_NE(request.body.find("client_id=3MVG9%20id"), std::string::npos);
  EXPECT_NE(request.body.find("client_secret=s%26cret"), std::string::npos);
  EXPECT_NE(request.body.find("refresh_token=5Aep%2B861"), std::string::npos);
}

TEST(SalesforceTokenSourceTest, TokenLivesForTheSessionTimeoutAndMovesCallsToItsInstance) {
  const SalesforceSettings settings = settings_with("");
  const SalesforceTokenSource source(settings);
  std::string error;
  auto token = source.parse_token(
      answer(200,
             R"({"access_token":"00D!AQ","instance_url":"https://eu5.salesforce.com","token_type":"Bearer",
                     "issued_at":"1714550400000","signature":"x"})"),
      error);
  ASSERT_TRUE(token) << error;
  EXPECT_EQ(token->lifetime, std::chrono::seconds(3600));
  sdk::HttpRequest request;
  request.url = source.api_origin() + "/services/data/v60.0/query?q=x";
  source.apply(*token, request);
  EXPECT_EQ(request.url, "https://eu5.salesforce.com/services/data/v60.0/query?q=x");
  ASSERT_FALSE(request.headers.empty());
  EXPECT_EQ(request.headers.back().second, "Bearer 00D!AQ");
}

TEST(SalesforceTokenSourceTest, ConfiguredBaseUrlWins) {
  const SalesforceSettings settings = settings_with("http://127.0.0.1:9000");
  const SalesforceTokenSource source(settings);
  std::string error;
  auto token = source.parse_token(
      answer(200, R"({"access_token":"t","instance_url":"https://eu5.salesforce.com"})"), error);
  ASSERT_TRUE(token);
  sdk::HttpRequest request;
  request.url = "http://127.0.0.1:9000/services/data/v60.0/query";
  source.apply(*token, request);
  EXPECT_EQ(request.url, "http://127.0.0.1:9000/services/data/v60.0/query");
}

TEST(SalesforceTokenSourceTest, PlainHttpInstanceUrlOffThisMachineIsRefused) {
  const SalesforceSettings settings = settings_with("");
  const SalesforceTokenSource source(settings);
  std::string error;
  EXPECT_FALSE(source.parse_token(
      answer(200, R"({"access_token":"t","instance_url":"http://eu5.example.com"})"), error));
  EXPECT_NE(error.find("neither https nor a loopback"), std::string::npos);
  EXPECT_TRUE(source.parse_token(
      answer(200, R"({"access_token":"t","instance_url":"http://127.0.0.1:8080"})"), error));
}

TEST(SalesforceTokenSourceTest, ExpiredRefreshTokenIsRefusedWithTheVendorReason) {
  const SalesforceSettings settings = settings_with("");
  const SalesforceTokenSource source(settings);
  std::string error;
  EXPECT_FALSE(source.parse_token(
      answer(400, R"({"error":"invalid_grant","error_description":"expired access/refresh token"})"), error));
  EXPECT_EQ(error, "invalid_grant: expired access/refresh token");
}

TEST(SalesforceTokenSourceTest, Only401MeansTheSessionIsGone) {
  const SalesforceSettings settings = settings_with("");
  const SalesforceTokenSource source(settings);
  EXPECT_TRUE(source.rejects_token(
      answer(401, R"([{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}])")));
  EXPECT_FALSE(source.rejects_token(answer(403, R"([{"errorCode":"REQUEST_LIMIT_EXCEEDED"}])")));
}

}  // namespace
}  // namespace crmsync::salesforce
