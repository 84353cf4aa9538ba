#include "zoho_token_source.hpp"

#include <gtest/gtest.h>

namespace crmsync::zoho_crm {
namespace {

class ZohoTokenSourceTest : public ::testing::Test {
 protected:
  ZohoTokenSourceTest() {
    settings_.token_url = "https://accounts.zoho.eu/oauth/v2/token";
    settings_.client_id = "1000.ID";
    settings_.client_secret = "se&cret";
    settings_.refresh_token = "1000.rt";
  }
  static sdk::HttpResponse response(long status, std::string body) {
    sdk::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
  ZohoSettings settings_;
};

TEST_F(ZohoTokenSourceTest, RefreshParametersGoInTheQueryString) {
  const auto request = ZohoTokenSource(settings_).token_request();
  EXPECT_EQ(request.method, "POST");
  EXPECT_FALSE(request.authorize);
  EXPECT_EQ(request.url,
            "https://accounts.zoho.eu/oauth/v2/"
            "token?refresh_token=1000.rt&client_id=1000.ID&client_secret=se%26cret"
            "&grant_type=refresh_token");
}

TEST_F(ZohoTokenSourceTest, ReadsTheTokenAndAppliesItAsZohoOauthtoken) {
  const ZohoTokenSource source(settings_);
  std::string error;
  const auto token = source.parse_token(
      response(
          200,
          R"({"access_token":"1000.xx.yy","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600})"),
      error);
  ASSERT_TRUE(token) << error;
  EXPECT_EQ(token->lifetime, std::chrono::seconds(3600));
  sdk::HttpRequest request;
  source.apply(*token, request);
  ASSERT_EQ(request.headers.size(), 1U);
  EXPECT_EQ(request.headers[0].second, "Zoho-oauthtoken 1000.xx.yy");
}

TEST_F(ZohoTokenSourceTest, ErrorInsideHttp200IsARefusal) {
  std::string error;
  EXPECT_FALSE(ZohoTokenSource(settings_).parse_token(response(200, R"({"error":"invalid_code"})"), error));
  EXPECT_NE(error.find("invalid_code"), std::string::npos);
}

TEST_F(ZohoTokenSourceTest, RecognisesBothWaysZohoRejectsAToken) {
  const ZohoTokenSource source(settings_);
  EXPECT_TRUE(source.rejects_token(response(
      401, R"({"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"})")));
  EXPECT_TRUE(source.rejects_token(response(200, R"({"code":"AUTHENTICATION_FAILURE","status":"error"})")));
  EXPECT_FALSE(source.rejects_token(response(429, R"({"code":"TOO_MANY_REQUESTS","status":"error"})")));
  EXPECT_FALSE(source.rejects_token(response(200, R"({"data":[]})")));
}

}  // namespace
}  // namespace crmsync::zoho_crm
