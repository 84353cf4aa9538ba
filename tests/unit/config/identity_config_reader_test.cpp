// The `identity:` section, read through the whole config loader as users write it.
#include "daemon/config/identity_config_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "daemon/config/config_loader.hpp"
#include "tests/unit/config/fake_environment.hpp"
#include "tests/unit/config/temp_directory.hpp"

namespace crmsync::config {
namespace {

using ::testing::HasSubstr;

constexpr const char* kInstances =
    "instances:\n"
    "  - name: crm\n"
    "    connector: csv_drop\n"
    "  - name: erp\n"
    "    connector: csv_drop\n";

class IdentityConfigReaderTest : public ::testing::Test {
 protected:
  Expected<DaemonConfig, ConfigErrors> load(const std::string& identity_section) {
    return ConfigLoader(testing::fake_environment({}))
        .load_from_string(std::string(kInstances) + identity_section, "crmsync.yaml", dir.path());
  }
  std::string errors_of(const std::string& identity_section) {
    const auto config = load(identity_section);
    EXPECT_FALSE(config.has_value());
    std::string out;
    if (!config) {
      for (const auto& error : config.error()) out += error.to_string() + "\n";
    }
    return out;
  }

  testing::TempDirectory dir;
};

TEST_F(IdentityConfigReaderTest, WithoutTheSectionTheDefaultsApply) {
  const auto config = load("");
  ASSERT_TRUE(config.has_value());
  const identity::IdentitySettings defaults;
  EXPECT_EQ(config->identity.resolution.thresholds.auto_merge_at,
            defaults.resolution.thresholds.auto_merge_at);
  EXPECT_EQ(config->identity.survivorship.for_field("date_of_birth").rule,
            identity::SurvivorshipRule::kMostFrequent);
  EXPECT_EQ(config->identity.survivorship.for_field("name").rule, identity::SurvivorshipRule::kMostRecent);
}

TEST_F(IdentityConfigReaderTest, ThresholdsLimitsAndSurvivorshipAreRead) {
  const auto config = load(
      "identity:\n"
      "  auto_merge_at: 15\n"
      "  review_from: 5.5\n"
      "  min_average_linkage: 7\n"
      "  veto_below: -10\n"
      "  max_block_size: 250\n"
      "  rare_block_size: 12\n"
      "  shared_identifier_limit: 4\n"
      "  survivorship:\n"
      "    default: most_complete\n"
      "    fields:\n"
      "      phone_e164: {rule: source_priority, sources: [erp, crm], fallback: most_frequent}\n"
      "      owner: most_recent\n");
  ASSERT_TRUE(config.has_value());
  const auto& identity = config->identity;
  EXPECT_EQ(identity.resolution.thresholds.auto_merge_at, 15.0);
  EXPECT_EQ(identity.resolution.thresholds.review_from, 5.5);
  EXPECT_EQ(identity.resolution.clustering.min_average_linkage, 7.0);
  EXPECT_EQ(identity.resolution.clustering.veto_below, -10.0);
  EXPECT_EQ(identity.resolution.blocking.max_block_size, 250U);
  EXPECT_EQ(identity.resolution.blocking.rare_block_size, 12U);
  EXPECT_EQ(identity.resolution.identifier_max_records, 4U);
  EXPECT_EQ(identity.survivorship.default_rule.rule, identity::SurvivorshipRule::kMostComplete);
  const auto& phone = identity.survivorship.for_field("phone_e164");
  EXPECT_EQ(phone.rule, identity::SurvivorshipRule::kSourcePriority);
  EXPECT_EQ(phone.sources, (std::vector<std::string>{"erp", "crm"}));
  EXPECT_EQ(phone.fallback, identity::SurvivorshipRule::kMostFrequent);
  EXPECT_EQ(identity.survivorship.for_field("owner").rule, identity::SurvivorshipRule::kMostRecent);
}

TEST_F(IdentityConfigReaderTest, MistakesAreNamedWithTheirPlace) {
  const auto errors = errors_of(
      "identity:\n"
      "  auto_merge_at: 3\n"
      "  review_from: 5\n"
      "  survivorship:\n"
      "    fields:\n"
      "      phone_e164: {rule: source_priority, sources: [shop]}\n"
      "      name: newest\n");
  EXPECT_THAT(errors, HasSubstr("'review_from' in 'identity' must not be above 'auto_merge_at'"));
  EXPECT_THAT(errors, HasSubstr("no instance named 'shop'"));
  EXPECT_THAT(errors, HasSubstr("crmsync.yaml:12:"));
  EXPECT_THAT(errors, HasSubstr("not 'newest'"));
}

TEST_F(IdentityConfigReaderTest, UnknownKeysAndFieldsAreRefused) {
  const auto errors = errors_of(
      "identity:\n"
      "  auto_merge: 10\n"
      "  survivorship:\n"
      "    fields:\n"
      "      shoe_size: most_recent\n");
  EXPECT_THAT(errors, HasSubstr("auto_merge"));
  EXPECT_THAT(errors, HasSubstr("shoe_size"));
}

}  // namespace
}  // namespace crmsync::config
