#include "daemon/config/config_loader.hpp"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/config/fake_environment.hpp"
#include "tests/unit/config/temp_directory.hpp"

namespace crmsync::config {
namespace {

using ::testing::ElementsAre;
using testing::fake_environment;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::TempDirectory;

std::vector<std::string> messages(const ConfigErrors& errors) {
  std::vector<std::string> out;
  out.reserve(errors.size());
  for (const ConfigError& error : errors) out.push_back(error.to_string());
  return out;
}

class ConfigLoaderTest : public ::testing::Test {
 protected:
  Expected<DaemonConfig, ConfigErrors> load(const std::string& text) {
    return ConfigLoader(fake_environment(environment)).load_from_string(text, "crmsync.yaml", dir.path());
  }

  std::vector<std::string> errors_of(const std::string& text) {
    const auto config = load(text);
    EXPECT_FALSE(config.has_value());
    return config ? std::vector<std::string>{} : messages(config.error());
  }

  DaemonConfig loaded(const std::string& text) {
    auto config = load(text);
    EXPECT_TRUE(config.has_value()) << (config ? "" : ::testing::PrintToString(messages(config.error())));
    return config ? std::move(config).value() : DaemonConfig{};
  }

  TempDirectory dir;
  std::map<std::string, std::string> environment;
};

constexpr const char* kMinimal =
    "instances:\n"
    "  - name: partners\n"
    "    connector: csv_drop\n";

TEST_F(ConfigLoaderTest, MinimalFileGetsDefaults) {
  const DaemonConfig config = loaded(kMinimal);
  EXPECT_EQ(config.state_directory, dir.path() / "state");
  EXPECT_EQ(config.database_url, "sqlite://" + (dir.path() / "state" / "crmsync.db").string());
  EXPECT_TRUE(config.plugin_directory.empty());
  EXPECT_EQ(config.logging.level, "info");
  EXPECT_EQ(config.logging.format, "auto");
  ASSERT_EQ(config.instances.size(), 1U);
  const InstanceConfig& instance = config.instances[0];
  EXPECT_EQ(instance.name, "partners");
  EXPECT_EQ(instance.connector, "csv_drop");
  EXPECT_EQ(instance.schedule, std::chrono::minutes(5));
  EXPECT_TRUE(instance.enabled);
  EXPECT_EQ(instance.default_timezone, "UTC");
  EXPECT_EQ(instance.location.to_string(), "crmsync.yaml:2:5");
  EXPECT_EQ(config.file, dir.path() / "crmsync.yaml");
  ASSERT_NE(config.secrets, nullptr);
}

TEST_F(ConfigLoaderTest, EmptyFileGivesDefaults) {
  const DaemonConfig config = loaded("");
  EXPECT_EQ(config.state_directory, dir.path() / "state");
  EXPECT_TRUE(config.instances.empty());
}

TEST_F(ConfigLoaderTest, FullFileIsRead) {
  const DaemonConfig config = loaded(
      "state_directory: /var/lib/crmsync\n"
      "database:\n"
      "  url: postgresql://crm@db.internal/crm\n"
      "plugins:\n"
      "  directory: /usr/lib/crmsync/plugins\n"
      "logging:\n"
      "  level: debug\n"
      "  format: journal\n"
      "instances:\n"
      "  - name: partners\n"
      "    connector: csv_drop\n"
      "    schedule: 30s\n"
      "    enabled: false\n"
      "    default_region: CN\n"
      "    default_currency: CNY\n"
      "    default_timezone: Asia/Shanghai\n"
      "    options:\n"
      "      directory: /srv/drop\n"
      "  - name: zoho-eu_2\n"
      "    connector: zoho_crm\n"
      "    schedule: 90\n");
  EXPECT_EQ(config.state_directory, "/var/lib/crmsync");
  EXPECT_EQ(config.database_url, "postgresql://crm@db.internal/crm");
  EXPECT_EQ(config.plugin_directory, "/usr/lib/crmsync/plugins");
  EXPECT_EQ(config.logging.level, "debug");
  EXPECT_EQ(config.logging.format, "journal");
  ASSERT_EQ(config.instances.size(), 2U);
  const InstanceConfig& partners = config.instances[0];
  EXPECT_EQ(partners.schedule, std::chrono::seconds(30));
  EXPECT_FALSE(partners.enabled);
  EXPECT_EQ(partners.default_region, "CN");
  EXPECT_EQ(partners.default_currency, "CNY");
  EXPECT_EQ(partners.default_timezone, "Asia/Shanghai");
  ASSERT_TRUE(partners.options.IsMap());
  EXPECT_EQ(partners.options["directory"].Scalar(), "/srv/drop");
  EXPECT_EQ(partners.options["directory"].Mark().line + 1, 18);  // raw, marks intact
  EXPECT_EQ(config.instances[1].name, "zoho-eu_2");
  EXPECT_EQ(config.instances[1].schedule, std::chrono::seconds(90));
  EXPECT_EQ(config.instances[1].location.to_string(), "crmsync.yaml:19:5");
}

TEST_F(ConfigLoaderTest, TypoInTopLevelKeyNamesLineAndColumn) {
  EXPECT_THAT(
      errors_of("state_directory: ./state\n"
                "stat_directory: ./other\n"),
      ElementsAre("crmsync.yaml:2:1: unknown key 'stat_directory' (did you mean 'state_directory'?)"));
}

TEST_F(ConfigLoaderTest, TypoInNestedKeyNamesSection) {
  EXPECT_THAT(errors_of("logging:\n"
                        "  levl: debug\n"),
              ElementsAre("crmsync.yaml:2:3: unknown key 'levl' in 'logging' (did you mean 'level'?)"));
}

TEST_F(ConfigLoaderTest, UnknownInstanceKeyNamesTheInstance) {
  EXPECT_THAT(
      errors_of(std::string(kMinimal) + "    schedul: 5m\n"),
      ElementsAre(
          "crmsync.yaml:4:5: unknown key 'schedul' in instance 'partners' (did you mean 'schedule'?)"));
}

TEST_F(ConfigLoaderTest, WrongTypeNamesLineAndColumn) {
  EXPECT_THAT(
      errors_of("logging:\n"
                "  level: verbose\n"
                "database: sqlite://x.db\n"
                "instances:\n"
                "  - name: partners\n"
                "    connector: csv_drop\n"
                "    schedule: often\n"
                "    enabled: maybe\n"
                "    options: [1, 2]\n"),
      ElementsAre("crmsync.yaml:2:10: 'level' in 'logging' must be debug, info, warning or error",
                  "crmsync.yaml:3:11: 'database' must be a mapping, not a single value",
                  "crmsync.yaml:7:15: 'schedule' in instance 'partners' must be a duration greater than "
                  "zero such as 45s, 5m, 2h, 1d or a number of seconds",
                  "crmsync.yaml:8:14: 'enabled' in instance 'partners' must be true or false",
                  "crmsync.yaml:9:14: 'options' in instance 'partners' must be a mapping, not a list"));
}

TEST_F(ConfigLoaderTest, ListWhereSingleValueExpectedIsAnError) {
  EXPECT_THAT(errors_of("state_directory:\n"
                        "  - a\n"),
              ElementsAre("crmsync.yaml:2:3: 'state_directory' must be a single value, not a list"));
}

TEST_F(ConfigLoaderTest, MissingRequiredKeyIsReportedAtTheInstance) {
  EXPECT_THAT(errors_of("instances:\n"
                        "  - name: partners\n"
                        "    schedule: 5m\n"),
              ElementsAre("crmsync.yaml:2:5: missing required key 'connector' in instance 'partners'"));
}

TEST_F(ConfigLoaderTest, RequiredKeyWithoutValueIsReportedAtTheKey) {
  EXPECT_THAT(errors_of("instances:\n"
                        "  - name:\n"
                        "    connector: csv_drop\n"),
              ElementsAre("crmsync.yaml:2:5: 'name' in instances entry 1 has no value"));
}

TEST_F(ConfigLoaderTest, ZeroScheduleIsRejected) {
  EXPECT_THAT(errors_of(std::string(kMinimal) + "    schedule: 0s\n"),
              ElementsAre(HasSubstr("crmsync.yaml:4:15: 'schedule' in instance 'partners' must be a duration "
                                    "greater than zero")));
}

TEST_F(ConfigLoaderTest, AllProblemsAreReportedAtOnce) {
  EXPECT_THAT(
      errors_of("stat_directory: ./state\n"
                "logging:\n"
                "  format: fancy\n"
                "instances:\n"
                "  - name: Partners!\n"
                "    connector: csv_drop\n"
                "    default_region: cn\n"
                "  - connector: hubspot\n"
                "    default_currency: EURO\n"),
      ElementsAre("crmsync.yaml:1:1: unknown key 'stat_directory' (did you mean 'state_directory'?)",
                  "crmsync.yaml:3:11: 'format' in 'logging' must be auto, text or journal",
                  "crmsync.yaml:5:11: instance name must use only lower-case letters, digits, '_' and '-'",
                  "crmsync.yaml:7:21: 'default_region' in instances entry 1 must be an ISO 3166 country "
                  "code of two capital letters such as DE or CN",
                  "crmsync.yaml:8:5: missing required key 'name' in instances entry 2",
                  "crmsync.yaml:9:23: 'default_currency' in instances entry 2 must be an ISO 4217 "
                  "currency code of three capital letters such as EUR or CNY"));
}

TEST_F(ConfigLoaderTest, DuplicateInstanceNamesAreRejected) {
  EXPECT_THAT(errors_of("instances:\n"
                        "  - name: partners\n"
                        "    connector: csv_drop\n"
                        "  - name: partners\n"
                        "    connector: hubspot\n"),
              ElementsAre("crmsync.yaml:4:11: duplicate instance name 'partners' (first defined at line 2)"));
}

TEST_F(ConfigLoaderTest, DuplicateKeyIsRejected) {
  EXPECT_THAT(errors_of("logging:\n"
                        "  level: info\n"
                        "  level: debug\n"),
              ElementsAre("crmsync.yaml:3:3: duplicate key 'level' in 'logging'"));
}

TEST_F(ConfigLoaderTest, InstanceEntryMustBeAMapping) {
  EXPECT_THAT(
      errors_of("instances:\n"
                "  - partners\n"),
      ElementsAre("crmsync.yaml:2:5: each entry of 'instances' must be a mapping with at least 'name' "
                  "and 'connector'"));
}

TEST_F(ConfigLoaderTest, YamlSyntaxErrorHasLineAndColumn) {
  EXPECT_THAT(errors_of("logging:\n"
                        "  level: info\n"
                        " format: text\n"),
              ElementsAre("crmsync.yaml:3:2: YAML syntax error: end of map not found"));
  EXPECT_THAT(errors_of("logging: level: info\n"),
              ElementsAre("crmsync.yaml:1:15: YAML syntax error: illegal map value"));
}

TEST_F(ConfigLoaderTest, DocumentMustBeAMapping) {
  EXPECT_THAT(errors_of("- a\n- b\n"),
              ElementsAre(HasSubstr("crmsync.yaml:1:1: the configuration must be a mapping")));
}

TEST_F(ConfigLoaderTest, RelativePathsResolveAgainstConfigFile) {
  const auto file = dir.write("etc/crmsync.yaml",
                              "state_directory: ./state\n"
                              "database:\n"
                              "  url: sqlite://db/crm.db\n"
                              "plugins:\n"
                              "  directory: ../plugins\n");
  const auto config = ConfigLoader(fake_environment({})).load(file);
  ASSERT_TRUE(config.has_value()) << ::testing::PrintToString(messages(config.error()));
  EXPECT_EQ(config->file, file);
  EXPECT_EQ(config->state_directory, dir.path() / "etc" / "state");
  EXPECT_EQ(config->database_url, "sqlite://" + (dir.path() / "etc" / "db" / "crm.db").string());
  EXPECT_EQ(config->plugin_directory, dir.path() / "plugins");
}

TEST_F(ConfigLoaderTest, DefaultDatabaseFollowsStateDirectory) {
  const DaemonConfig config = loaded("state_directory: /var/lib/crmsync\n");
  EXPECT_EQ(config.database_url, "sqlite:///var/lib/crmsync/crmsync.db");
}

TEST_F(ConfigLoaderTest, UnreadableFileIsAnError) {
  const auto config = ConfigLoader(fake_environment({})).load(dir.path() / "missing.yaml");
  ASSERT_FALSE(config.has_value());
  EXPECT_THAT(messages(config.error()),
              ElementsAre((dir.path() / "missing.yaml").string() +
                          ": cannot read configuration file: No such file or directory"));
}

TEST_F(ConfigLoaderTest, DirectoryIsNotAConfigurationFile) {
  const auto config = ConfigLoader(fake_environment({})).load(dir.path());
  ASSERT_FALSE(config.has_value());
  EXPECT_THAT(messages(config.error()),
              ElementsAre(dir.path().string() + ": is a directory, not a configuration file"));
}

TEST_F(ConfigLoaderTest, LoadedFileErrorsNameTheFileAsGiven) {
  const auto file = dir.write("bad.yaml", "\n  bogus: 1\n");
  const auto config = ConfigLoader(fake_environment({})).load(file);
  ASSERT_FALSE(config.has_value());
  EXPECT_THAT(messages(config.error()), ElementsAre(file.string() + ":2:3: unknown key 'bogus'"));
}

TEST_F(ConfigLoaderTest, EnvReferenceIsResolved) {
  environment = {{"DB_PASS", "correct-horse"}, {"CRM_STATE", "/var/lib/x"}};
  const DaemonConfig config = loaded(
      "state_directory: ${env:CRM_STATE}\n"
      "database:\n"
      "  url: postgresql://crm:${env:DB_PASS}@127.0.0.1/crm\n");
  EXPECT_EQ(config.state_directory, "/var/lib/x");
  EXPECT_EQ(config.database_url, "postgresql://crm:correct-horse@127.0.0.1/crm");
}

TEST_F(ConfigLoaderTest, DatabasePasswordIsRegisteredAsSecret) {
  const DaemonConfig config = loaded(
      "database:\n"
      "  url: postgresql://crm:literal-pw@127.0.0.1/crm\n");
  EXPECT_EQ(config.secrets->redact(config.database_url), "postgresql://crm:***@127.0.0.1/crm");
}

TEST_F(ConfigLoaderTest, CredentialReferenceReadsCredentialsDirectory) {
  dir.write("creds/dbpass", "from-systemd\n");
  environment = {{"CREDENTIALS_DIRECTORY", (dir.path() / "creds").string()}};
  const DaemonConfig config = loaded(
      "database:\n"
      "  url: \"postgresql://crm:${credential:dbpass}@127.0.0.1/crm\"\n");
  EXPECT_EQ(config.database_url, "postgresql://crm:from-systemd@127.0.0.1/crm");
  EXPECT_EQ(config.secrets->redact("auth failed for from-systemd"), "auth failed for ***");
}

TEST_F(ConfigLoaderTest, MissingEnvVariableIsAnErrorWithoutValue) {
  environment = {{"UNRELATED", "x"}};
  EXPECT_THAT(errors_of("database:\n"
                        "  url: postgresql://crm:${env:DB_PASS}@127.0.0.1/crm\n"),
              ElementsAre("crmsync.yaml:2:8: 'url' in 'database': environment variable DB_PASS is not set"));
}

TEST_F(ConfigLoaderTest, SecretValueNeverAppearsInErrors) {
  dir.write("creds/token", "tok-4a8f9c2e\n");
  environment = {{"CREDENTIALS_DIRECTORY", (dir.path() / "creds").string()}};
  const auto errors = errors_of(std::string(kMinimal) +
                                "    schedule: ${credential:token}\n"
                                "    default_region: ${credential:token}\n"
                                "    enabled: ${credential:token}\n");
  ASSERT_EQ(errors.size(), 3U);
  for (const std::string& error : errors) EXPECT_THAT(error, Not(HasSubstr("tok-4a8f9c2e")));
  EXPECT_THAT(errors[0], HasSubstr("crmsync.yaml:4:15: 'schedule'"));
}

TEST_F(ConfigLoaderTest, UnsupportedDatabaseIsRejectedWithoutEchoingUrl) {
  EXPECT_THAT(errors_of("database:\n"
                        "  url: oracle://scott:tiger1@db\n"),
              ElementsAre("crmsync.yaml:2:8: 'url' in 'database': unsupported database 'oracle'; expected "
                          "sqlite, postgresql or mysql"));
}

}  // namespace
}  // namespace crmsync::config
