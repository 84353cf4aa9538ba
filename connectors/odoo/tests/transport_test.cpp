#include <gtest/gtest.h>

#include "json2_transport.hpp"
#include "json_rpc_transport.hpp"
#include "scripted_http_host.hpp"

namespace crmsync::odoo {
namespace {

using testing::ScriptedHttpHost;

sdk::HttpResponse answer(long status, const nlohmann::json& body) {
  return sdk::HttpResponse{status, {{"content-type", "application/json"}}, body.dump()};
}

nlohmann::json jsonrpc_error(const char* name, const char* message, int code = 200) {
  return {
      {"jsonrpc", "2.0"},
      {"id", 1},
      {"error",
       {{"code", code}, {"message", "Odoo Server Error"}, {"data", {{"name", name}, {"message", message}}}}}};
}

class JsonRpcTransportTest : public ::testing::Test {
 protected:
  JsonRpcTransportTest() {
    settings_.base_url = "http://127.0.0.1:8069";
    settings_.database = "mydb";
    settings_.login = "bot@example.com";
    settings_.api_key = "secret-key";
  }

  // Answers authenticate with uid 7 and execute_kw with `execute`.
  ScriptedHttpHost host_with(std::function<sdk::HttpResponse(const nlohmann::json&)> execute) {
    return ScriptedHttpHost([this, execute](const sdk::HttpRequest& request) {
      const auto body = nlohmann::json::parse(request.body);
      if (body["params"]["service"] == "common") {
        ++logins_;
        return answer(200, {{"jsonrpc", "2.0"},
                            {"id", 0},
                            {"result", accept_login_ ? nlohmann::json(7) : nlohmann::json(false)}});
      }
      return execute(body);
    });
  }

  OdooSettings settings_;
  int logins_ = 0;
  bool accept_login_ = true;
};

TEST_F(JsonRpcTransportTest, AuthenticatesThenCallsExecuteKwWithTheUid) {
  nlohmann::json seen;
  auto host = host_with([&seen](const nlohmann::json& body) {
    seen = body;
    return answer(200, {{"jsonrpc", "2.0"}, {"id", 1}, {"result", nlohmann::json::array({{{"id", 7}}})}});
  });
  JsonRpcTransport transport(settings_, host, {});
  const auto reply = transport.call("res.partner", "search_read", {{"limit", 5}});
  ASSERT_TRUE(reply.ok()) << reply.error;
  EXPECT_EQ(reply.result[0]["id"], 7);
  EXPECT_EQ(host.requests.front().url, "http://127.0.0.1:8069/jsonrpc");
  const auto& args = seen["params"]["args"];
  EXPECT_EQ(args[0], "mydb");
  EXPECT_EQ(args[1], 7);
  EXPECT_EQ(args[3], "res.partner");
  EXPECT_EQ(args[4], "search_read");
  EXPECT_EQ(args[6]["limit"], 5);
}

TEST_F(JsonRpcTransportTest, AccessDeniedMidSyncLogsInAgainAndResends) {
  int calls = 0;
  auto host = host_with([&calls](const nlohmann::json&) {
    if (++calls == 1) return answer(200, jsonrpc_error("odoo.exceptions.AccessDenied", "Access Denied"));
    return answer(200, {{"jsonrpc", "2.0"}, {"id", 1}, {"result", nlohmann::json::array()}});
  });
  JsonRpcTransport transport(settings_, host, {});
  EXPECT_TRUE(transport.call("res.partner", "search_read", nlohmann::json::object()).ok());
  EXPECT_EQ(logins_, 2);
}

TEST_F(JsonRpcTransportTest, RefusedLoginFailsNamingLoginAndDatabase) {
  accept_login_ = false;
  auto host = host_with([](const nlohmann::json&) { return answer(200, {{"result", true}}); });
  JsonRpcTransport transport(settings_, host, {});
  const auto reply = transport.call("res.partner", "search_read", nlohmann::json::object());
  EXPECT_EQ(reply.kind, OdooReply::Kind::failed);
  EXPECT_NE(reply.error.find("'bot@example.com'"), std::string::npos);
  EXPECT_NE(reply.error.find("'mydb'"), std::string::npos);
  EXPECT_EQ(reply.error.find("secret-key"), std::string::npos);
}

TEST_F(JsonRpcTransportTest, SerializationFailureInA200IsRetried) {
  auto host = host_with([](const nlohmann::json&) {
    return answer(200, jsonrpc_error("psycopg2.errors.SerializationFailure", "could not serialize access"));
  });
  JsonRpcTransport transport(settings_, host, {});
  const auto reply = transport.call("sale.order", "search_read", nlohmann::json::object());
  EXPECT_EQ(reply.kind, OdooReply::Kind::retry);
  EXPECT_GT(reply.retry_after.count(), 0);
}

TEST_F(JsonRpcTransportTest, ValidationErrorFailsWithOdoosMessage) {
  auto host = host_with([](const nlohmann::json&) {
    return answer(200, jsonrpc_error("builtins.ValueError", "Invalid field 'mobile' on model 'res.partner'"));
  });
  JsonRpcTransport transport(settings_, host, {});
  const auto reply = transport.call("res.partner", "search_read", nlohmann::json::object());
  EXPECT_EQ(reply.kind, OdooReply::Kind::failed);
  EXPECT_NE(reply.error.find("res.partner.search_read"), std::string::npos);
  EXPECT_NE(reply.error.find("Invalid field 'mobile'"), std::string::npos);
}

TEST_F(JsonRpcTransportTest, HostGivingUpBecomesRetryWithItsDelay) {
  auto host = host_with([](const nlohmann::json&) { return answer(200, {{"result", true}}); });
  sdk::HttpResult later;
  later.kind = sdk::HttpResult::Kind::retry_later;
  later.retry_after = std::chrono::seconds(42);
  later.error = "429 Too Many Requests";
  host.queue_result(later);
  JsonRpcTransport transport(settings_, host, {});
  const auto reply = transport.call("res.partner", "search_read", nlohmann::json::object());
  EXPECT_EQ(reply.kind, OdooReply::Kind::retry);
  EXPECT_EQ(reply.retry_after, std::chrono::seconds(42));
}

TEST(Json2TransportTest, SendsNamedArgumentsWithBearerKeyAndDatabase) {
  OdooSettings settings;
  settings.base_url = "http://127.0.0.1:8069";
  settings.database = "mydb";
  settings.api_key = "secret-key";
  ScriptedHttpHost host([](const sdk::HttpRequest&) {
    return answer(200, nlohmann::json::array({{{"id", 25}, {"name", "Deco Addict"}}}));
  });
  Json2Transport transport(settings, host, {});
  const auto reply = transport.call("res.partner", "search_read", {{"fields", {"name"}}});
  ASSERT_TRUE(reply.ok()) << reply.error;
  EXPECT_EQ(reply.result[0]["name"], "Deco Addict");
  const auto& call = host.requests.back();
  EXPECT_EQ(call.url, "http://127.0.0.1:8069/json/2/res.partner/search_read");
  EXPECT_EQ(nlohmann::json::parse(call.body)["fields"][0], "name");
  const sdk::HttpResponse headers{0, call.headers, {}};
  EXPECT_EQ(headers.header("authorization"), "bearer secret-key");
  EXPECT_EQ(headers.header("x-odoo-database"), "mydb");
}

TEST(Json2TransportTest, KeyRefusedOnRecheckFailsWithOdoosMessage) {
  OdooSettings settings;
  settings.base_url = "http://127.0.0.1:8069";
  settings.api_key = "old-key";
  ScriptedHttpHost host([](const sdk::HttpRequest&) {
    return answer(401, {{"name", "werkzeug.exceptions.Unauthorized"}, {"message", "Invalid apikey"}});
  });
  Json2Transport transport(settings, host, {});
  const auto reply = transport.call("res.partner", "search_read", nlohmann::json::object());
  EXPECT_EQ(reply.kind, OdooReply::Kind::failed);
  EXPECT_NE(reply.error.find("Invalid apikey"), std::string::npos);
  EXPECT_NE(reply.error.find("3 months"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::odoo
