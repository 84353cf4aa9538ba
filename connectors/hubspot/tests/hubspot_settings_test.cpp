#include "hubspot_settings.hpp"

#include <gtest/gtest.h>

#include "hubspot_connector.hpp"

namespace crmsync::hubspot {
namespace {

using sdk::ConfigValue;

ConfigValue options(std::vector<ConfigValue::Entry> entries) {
  return ConfigValue::make_mapping(std::move(entries));
}

TEST(HubSpotSettingsTest, PrivateAppTokenAloneIsEnough) {
  std::vector<sdk::ConfigProblem> problems;
  const auto settings =
      HubSpotSettings::parse(options({{"access_token", ConfigValue::make_scalar("pat-na1-x")}}), problems);
  ASSERT_TRUE(settings);
  EXPECT_FALSE(settings->uses_oauth());
  EXPECT_EQ(settings->base_url, "https://api.hubapi.com");
}

TEST(HubSpotSettingsTest, OauthNeedsAllThreeParts) {
  const auto problems = HubSpotConnector().validate(options({{"client_id", ConfigValue::make_scalar("id")}}));
  ASSERT_EQ(problems.size(), 2U);
  EXPECT_EQ(problems[0].path, "client_secret");
  EXPECT_EQ(problems[1].path, "refresh_token");
}

TEST(HubSpotSettingsTest, BothAuthModesAtOnceIsAProblem) {
  const auto problems =
      HubSpotConnector().validate(options({{"access_token", ConfigValue::make_scalar("pat")},
                                           {"refresh_token", ConfigValue::make_scalar("rt")}}));
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].path, "access_token");
}

TEST(HubSpotSettingsTest, SearchPageSizeStopsAtTwoHundred) {
  const auto problems = HubSpotConnector().validate(options(
      {{"access_token", ConfigValue::make_scalar("pat")}, {"page_size", ConfigValue::make_scalar("201")}}));
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].path, "page_size");
}

TEST(HubSpotSettingsTest, SecretsAreMarkedSecret) {
  for (const auto& option : HubSpotConnector().config_spec()) {
    const bool should_be_secret =
        option.key == "access_token" || option.key == "client_secret" || option.key == "refresh_token";
    EXPECT_EQ(option.secret, should_be_secret) << option.key;
  }
}

}  // namespace
}  // namespace crmsync::hubspot
