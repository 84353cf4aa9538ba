#include "hubspot_token_source.hpp"

#include <gtest/gtest.h>

namespace crmsync::hubspot {
namespace {

class HubSpotTokenSourceTest : public ::testing::Test {
 protected:
  HubSpotTokenSourceTest() {
    settings_.token_url = "https://api.hubapi.com/oauth/v1/token";
    settings_.client_id = "cid";
    settings_.client_secret = "s/cret";
    settings_.refresh_token = "rt-1";
  }
  static sdk::HttpResponse response(long status, std::string body) {
    sdk::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
  HubSpotSettings settings_;
};

TEST_F(HubSpotTokenSourceTest, RefreshIsAFormPost) {
  const auto request = HubSpotTokenSource(settings_).token_request();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://api.hubapi.com/oauth/v1/token");
  EXPECT_EQ(request.body, "grant_type=refresh_token&client_id=cid&client_secret=s%2Fcret&refresh_token=rt-1");
  EXPECT_FALSE(request.authorize);
}

TEST_F(HubSpotTokenSourceTest, ReadsTheTokenAndItsLifetime) {
  std::string error;
  const auto token = HubSpotTokenSource(settings_).parse_token(
      response(
          200,
          R"({"token_type":"bearer","access_token":"CJ...","refresh_token":"rt-1","expires_in":1800,"hub_id":1234567})"),
      error);
  ASSERT_TRUE(token) << error;
  EXPECT_EQ(token->lifetime, std::chrono::seconds(1800));
  sdk::HttpRequest request;
  HubSpotTokenSource(settings_).apply(*token, request);
  EXPECT_EQ(request.headers.at(0).second, "Bearer CJ...");
}

TEST_F(HubSpotTokenSourceTest, BadRefreshTokenIsARefusalWithTheReason) {
  std::string error;
  EXPECT_FALSE(HubSpotTokenSource(settings_).parse_token(
      response(400, R"({"status":"BAD_REFRESH_TOKEN","message":"missing or unknown refresh token"})"),
      error));
  EXPECT_NE(error.find("BAD_REFRESH_TOKEN"), std::string::npos);
}

TEST_F(HubSpotTokenSourceTest, ExpiredAuthenticationAsksForANewTokenButMissingScopesDoesNot) {
  const HubSpotTokenSource source(settings_);
  EXPECT_TRUE(source.rejects_token(response(
      401,
      R"({"status":"error","message":"The OAuth token used to make this call expired 75 second(s) ago.","category":"EXPIRED_AUTHENTICATION"})")));
  EXPECT_TRUE(
      source.rejects_token(response(401, R"({"status":"error","category":"INVALID_AUTHENTICATION"})")));
  EXPECT_FALSE(source.rejects_token(response(403, R"({"status":"error","category":"MISSING_SCOPES"})")));
}

}  // namespace
}  // namespace crmsync::hubspot
