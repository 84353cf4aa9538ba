#include "odoo_settings.hpp"

#include <gtest/gtest.h>

#include "odoo_connector.hpp"

namespace crmsync::odoo {
namespace {

sdk::ConfigValue options(std::vector<sdk::ConfigValue::Entry> entries) {
  return sdk::ConfigValue::make_mapping(std::move(entries));
}

sdk::ConfigValue::Entry opt(const char* key, const char* value) {
  return {key, sdk::ConfigValue::make_scalar(value)};
}

std::vector<std::string> paths(const std::vector<sdk::ConfigProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.path);
  return out;
}

TEST(OdooSettingsTest, JsonRpcNeedsDatabaseAndLogin) {
  const auto problems =
      OdooConnector().validate(options({opt("base_url", "https://x.odoo.com"), opt("api_key", "k")}));
  EXPECT_EQ(paths(problems), (std::vector<std::string>{"database", "login"}));
}

TEST(OdooSettingsTest, Json2NeedsOnlyTheKey) {
  std::vector<sdk::ConfigProblem> problems;
  const auto settings = OdooSettings::parse(
      options({opt("base_url", "https://x.odoo.com/"), opt("protocol", "json2"), opt("api_key", "k")}),
      problems);
  ASSERT_TRUE(settings) << (problems.empty() ? "" : problems[0].message);
  EXPECT_EQ(settings->protocol, OdooProtocol::json2);
  EXPECT_EQ(settings->base_url, "https://x.odoo.com");
  EXPECT_EQ(settings->page_size, 200);
  EXPECT_EQ(settings->unlinked_scan_interval, std::chrono::hours(1));
}

TEST(OdooSettingsTest, NamesEachBadOption) {
  const auto problems = OdooConnector().validate(
      options({opt("base_url", "ftp://x"), opt("protocol", "xmlrpc"), opt("api_key", "k"),
               opt("page_size", "0"), opt("unlinked_scan_interval", "soon")}));
  EXPECT_EQ(paths(problems),
            (std::vector<std::string>{"base_url", "protocol", "page_size", "unlinked_scan_interval"}));
}

TEST(OdooSettingsTest, ApiKeyIsASecretOption) {
  for (const auto& option : OdooConnector().config_spec()) {
    EXPECT_EQ(option.secret, option.key == "api_key") << option.key;
    EXPECT_FALSE(option.doc.empty()) << option.key;
  }
}

}  // namespace
}  // namespace crmsync::odoo
