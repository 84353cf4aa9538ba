#include "zoho_settings.hpp"

#include <gtest/gtest.h>

#include "zoho_crm_connector.hpp"

namespace crmsync::zoho_crm {
namespace {

using sdk::ConfigValue;

ConfigValue options(std::vector<ConfigValue::Entry> extra = {}) {
  std::vector<ConfigValue::Entry> entries{{"client_id", ConfigValue::make_scalar("1000.ABC")},
                                          {"client_secret", ConfigValue::make_scalar("s3cr3t")},
                                          {"refresh_token", ConfigValue::make_scalar("1000.rt")}};
  for (auto& entry : extra) entries.push_back(std::move(entry));
  return ConfigValue::make_mapping(std::move(entries));
}

TEST(ZohoSettingsTest, DefaultsPointAtZohoDotCom) {
  std::vector<sdk::ConfigProblem> problems;
  const auto settings = ZohoSettings::parse(options(), problems);
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->base_url, "https://www.zohoapis.com");
  EXPECT_EQ(settings->page_size, 200);
  EXPECT_TRUE(settings->sync_deletions);
}

TEST(ZohoSettingsTest, PageSizeAboveZohosMaximumIsAProblemAtItsKey) {
  const auto problems =
      ZohoCrmConnector().validate(options({{"page_size", ConfigValue::make_scalar("500")}}));
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].path, "page_size");
}

TEST(ZohoSettingsTest, BaseUrlMayPointAtAnyServer) {
  std::vector<sdk::ConfigProblem> problems;
  const auto settings =
      ZohoSettings::parse(options({{"base_url", ConfigValue::make_scalar("http://127.0.0.1:8123/")},
                                   {"api_version", ConfigValue::make_scalar("v8")}}),
                          problems);
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->base_url, "http://127.0.0.1:8123");
  EXPECT_EQ(settings->api_version, "v8");
  EXPECT_FALSE(
      ZohoSettings::parse(options({{"base_url", ConfigValue::make_scalar("zohoapis.com")}}), problems));
}

TEST(ZohoSettingsTest, SecretsAreMarkedSecret) {
  for (const auto& option : ZohoCrmConnector().config_spec()) {
    const bool should_be_secret = option.key == "client_secret" || option.key == "refresh_token";
    EXPECT_EQ(option.secret, should_be_secret) << option.key;
    EXPECT_FALSE(option.doc.empty()) << option.key;
  }
}

}  // namespace
}  // namespace crmsync::zoho_crm
