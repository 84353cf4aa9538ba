#include "fxiaoke_token_source.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace crmsync::fxiaoke {
namespace {

FxiaokeSettings settings() {
  FxiaokeSettings s;
  s.base_url = "http://127.0.0.1:9000";
  s.token_url = "http://127.0.0.1:9000/cgi/corpAccessToken/get/V2";
  s.app_id = "FSAID_1";
  s.app_secret = "secret";
  s.permanent_code = "perm";
  s.open_user_id = "FSUID_1000";
  return s;
}

sdk::HttpResponse answer(std::string body) {
  sdk::HttpResponse response;
  response.status = 200;
  response.body = std::move(body);
  return response;
}

TEST(FxiaokeTokenSourceTest, AsksWithAppIdSecretAndPermanentCode) {
  const FxiaokeSettings s = settings();
  const FxiaokeTokenSource source(s);
  const auto request = source.token_request();
  EXPECT_EQ(request.url, s.token_url);
  const auto body = nlohmann::json::parse(request.body);
  EXPECT_EQ(body["appId"], "FSAID_1");
  EXPECT_EQ(body["appSecret"], "secret");
  EXPECT_EQ(body["permanentCode"], "perm");
}

TEST(FxiaokeTokenSourceTest, PutsTokenCorpIdAndUserIntoTheBody) {
  const FxiaokeSettings s = settings();
  const FxiaokeTokenSource source(s);
  std::string error;
  auto token = source.parse_token(answer(R"({"errorCode":0,"errorMessage":"success","corpAccessToken":"T1",
      "corpId":"FSCID_9","expiresIn":6600})"),
                                  error);
  ASSERT_TRUE(token) << error;
  EXPECT_EQ(token->lifetime, std::chrono::seconds(6600));
  sdk::HttpRequest request;
  request.body = R"({"data":{"dataObjectApiName":"AccountObj"}})";
  source.apply(*token, request);
  const auto body = nlohmann::json::parse(request.body);
  EXPECT_EQ(body["corpAccessToken"], "T1");
  EXPECT_EQ(body["corpId"], "FSCID_9");
  EXPECT_EQ(body["currentOpenUserId"], "FSUID_1000");
  EXPECT_EQ(body["data"]["dataObjectApiName"], "AccountObj");
}

TEST(FxiaokeTokenSourceTest, RefusalInA200IsReportedWithItsCode) {
  const FxiaokeSettings s = settings();
  const FxiaokeTokenSource source(s);
  std::string error;
  EXPECT_FALSE(source.parse_token(
      answer(R"({"errorCode":10006,"errorMessage":"the parameter appSecret is missing or illegal",
      "errorDescription":"缺少参数或参数不合法"})"),
      error));
  EXPECT_NE(error.find("errorCode 10006"), std::string::npos);
  EXPECT_NE(error.find("appSecret"), std::string::npos);
}

TEST(FxiaokeTokenSourceTest, ErrorCode20016InA200MeansTheTokenIsGone) {
  const FxiaokeSettings s = settings();
  const FxiaokeTokenSource source(s);
  EXPECT_TRUE(source.rejects_token(answer(
      R"({"traceId":"E-O.null","errorMessage":"the cropId,cropAccessToken or authorization is error","errorCode":20016})")));
  EXPECT_FALSE(source.rejects_token(answer(R"({"errorCode":0,"data":{"dataList":[]}})")));
  EXPECT_FALSE(source.rejects_token(answer(R"({"errorCode":30004,"errorMessage":"too frequent"})")));
}

}  // namespace
}  // namespace crmsync::fxiaoke
