#include "daemon/config/journey_config_reader.hpp"

#include <gtest/gtest.h>

#include "daemon/config/config_loader.hpp"

namespace crmsync::config {
namespace {

const std::string kInstances = R"(
instances:
  - name: mail
    connector: smtp
)";

Expected<DaemonConfig, ConfigErrors> load(const std::string& text) {
  return ConfigLoader([](const std::string&) { return std::optional<std::string>(); })
      .load_from_string(text, "crmsync.yaml", std::string(CRMSYNC_SOURCE_DIR) + "/config");
}

std::string all_messages(const ConfigErrors& errors) {
  std::string out;
  for (const auto& error : errors) out += error.to_string() + "\n";
  return out;
}

TEST(JourneyConfigReaderTest, WithoutAJourneySectionNothingIsPlanned) {
  const auto config = load(kInstances);
  ASSERT_TRUE(config) << all_messages(config.error());
  EXPECT_FALSE(config->journey.enabled);
  EXPECT_TRUE(config->journey.surveys.empty());
}

TEST(JourneyConfigReaderTest, ReadsSurveysRemindersAndPolitenessWithDefaults) {
  const auto config = load(kInstances + R"(
journey:
  public_url: https://crm.example.com
  signing_key: 0123456789abcdef0123
  listen: 127.0.0.1:8089
  surveys:
    - name: after_delivery
      on_order_status: [Delivered, completed]
      survey: csat
      delay: 2d
      channel: mail
  reminders:
    channel: mail
    cadence: {vip: 30d, key: 60d}
  politeness:
    quiet_hours: "21:30-08:00"
)");
  ASSERT_TRUE(config) << all_messages(config.error());
  const auto& journey = config->journey;
  ASSERT_EQ(journey.surveys.size(), 1U);
  EXPECT_EQ(journey.surveys[0].order_statuses, (std::vector<std::string>{"delivered", "completed"}));
  EXPECT_EQ(journey.surveys[0].template_name, "csat_survey");
  EXPECT_EQ(journey.surveys[0].delay, std::chrono::hours(48));
  EXPECT_EQ(journey.message_domain, "crm.example.com");
  ASSERT_EQ(journey.reminders.cadences.size(), 2U);
  EXPECT_EQ(journey.politeness.quiet_start_minute, 21 * 60 + 30);
  EXPECT_EQ(journey.politeness.quiet_end_minute, 8 * 60);
  EXPECT_EQ(journey.politeness.fatigue, std::chrono::hours(24 * 30));
}

TEST(JourneyConfigReaderTest, PlainHttpLinksOnlyOnLoopback) {
  const auto config = load(kInstances + R"(
journey:
  public_url: http://crm.example.com
)");
  ASSERT_FALSE(config);
  EXPECT_NE(
      all_messages(config.error()).find("crmsync.yaml:7:15: 'public_url' in 'journey' must be an https URL"),
      std::string::npos)
      << all_messages(config.error());
  EXPECT_TRUE(load(kInstances + "journey:\n  public_url: http://127.0.0.1:8089\n"));
}

TEST(JourneyConfigReaderTest, SurveyNamingAnUnknownChannelOrTemplateIsRejectedWithItsPlace) {
  const auto config = load(kInstances + R"(
journey:
  public_url: https://crm.example.com
  signing_key: 0123456789abcdef0123
  surveys:
    - name: after_delivery
      on_order_status: delivered
      channel: post
      template: postcard
)");
  ASSERT_FALSE(config);
  const std::string messages = all_messages(config.error());
  EXPECT_NE(messages.find(":12:16: 'channel' in survey 'after_delivery': no instance named 'post'"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find(":13:17: message template 'postcard' not found"), std::string::npos) << messages;
}

TEST(JourneyConfigReaderTest, SurveysNeedASigningKey) {
  const auto config = load(kInstances + R"(
journey:
  public_url: https://crm.example.com
  surveys:
    - {name: s, on_order_status: delivered, channel: mail}
)");
  ASSERT_FALSE(config);
  EXPECT_NE(all_messages(config.error()).find("need a 'signing_key'"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::config
