#include "daemon/http_client/http_log_line.hpp"

#include <gtest/gtest.h>

namespace crmsync::http_client {
namespace {

TEST(HttpLogLineTest, MasksCredentialHeadersButShowsTheOthers) {
  sdk::HttpRequest request;
  request.url = "https://www.zohoapis.com/crm/v2/Contacts?page=2";
  request.headers = {{"Authorization", "Zoho-oauthtoken 1000.abc.def"},
                     {"X-Api-Key", "k-123"},
                     {"Accept", "application/json"}};
  const std::string line = HttpLogLine().request(request, 1);
  EXPECT_EQ(line.find("1000.abc.def"), std::string::npos) << line;
  EXPECT_EQ(line.find("k-123"), std::string::npos) << line;
  EXPECT_NE(line.find("Accept: application/json"), std::string::npos) << line;
  EXPECT_NE(line.find("GET https://www.zohoapis.com/crm/v2/Contacts?page=2"), std::string::npos) << line;
}

TEST(HttpLogLineTest, MasksSecretFieldsInQueryStringsFormsAndJson) {
  EXPECT_EQ(HttpLogLine::redact_fields("https://x/oauth?refresh_token=r1&client_id=c&client_secret=s2"),
            "https://x/oauth?refresh_token=***&client_id=c&client_secret=***");
  EXPECT_EQ(HttpLogLine::redact_fields("grant_type=password&username=u&password=p%40ss"),
            "grant_type=password&username=u&password=***");
  EXPECT_EQ(HttpLogLine::redact_fields(R"({"access_token": "a.b.c", "expires_in": 3600, "Password":"x\"y"})"),
            R"({"access_token": "***", "expires_in": 3600, "Password":"***"})");
}

TEST(HttpLogLineTest, MasksCamelCaseSecretFields) {
  EXPECT_EQ(HttpLogLine::redact_fields(
                R"({"appId":"FSAID_1","appSecret":"s1","permanentCode":"p2","corpAccessToken":"t3"})"),
            R"({"appId":"FSAID_1","appSecret":"***","permanentCode":"***","corpAccessToken":"***"})");
}

TEST(HttpLogLineTest, LeavesFieldsThatMerelyContainASecretWordAlone) {
  EXPECT_EQ(HttpLogLine::redact_fields("https://x/api?tokenizer=on&page_token_hint=2"),
            "https://x/api?tokenizer=on&page_token_hint=2");
  EXPECT_EQ(HttpLogLine::redact_fields(R"({"code":"INVALID_TOKEN","message":"expired"})"),
            R"({"code":"INVALID_TOKEN","message":"expired"})");
}

TEST(HttpLogLineTest, MasksKnownSecretValuesWhereverTheyAppear) {
  const HttpLogLine log({"tok-98765"});
  EXPECT_EQ(log.redact_text("echo: tok-98765 and again tok-98765"), "echo: *** and again ***");
}

TEST(HttpLogLineTest, CutsLongBodies) {
  sdk::HttpRequest request;
  sdk::HttpResponse response;
  response.status = 200;
  response.body = std::string(10000, 'x');
  const std::string line = HttpLogLine().response(request, response);
  EXPECT_LT(line.size(), 2500u);
  EXPECT_NE(line.find("(10000 bytes)"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::http_client
