#include "daemon/config/option_validator.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "daemon/config/config_loader.hpp"
#include "tests/unit/config/fake_environment.hpp"
#include "tests/unit/config/temp_directory.hpp"

namespace crmsync::config {
namespace {

using sdk::ConfigValue;
using sdk::OptionType;
using ::testing::ElementsAre;
using testing::fake_environment;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::TempDirectory;

// The option table of a CSV drop connector, plus one option of every type.
sdk::ConfigSpec csv_drop_spec() {
  return {
      {"directory", OptionType::path, std::nullopt, true, false, "where partners drop files"},
      {"pattern", OptionType::string, "*.csv", false, false, "file name glob"},
      {"batch_size", OptionType::integer, "500", false, false, "records per batch"},
      {"delete_after_import", OptionType::boolean, "false", false, false, "remove imported files"},
      {"poll_interval", OptionType::duration, "1m", false, false, "how often to look"},
      {"api_token", OptionType::string, std::nullopt, false, true, "token for the partner portal"},
      {"pin", OptionType::integer, std::nullopt, false, true, "portal PIN"},
      {"encodings", OptionType::string_list, std::nullopt, false, false, "tried in order"},
      {"columns", OptionType::object, std::nullopt, false, false, "column mapping"},
      {"files", OptionType::object_list, std::nullopt, false, false, "per-file settings"},
  };
}

std::vector<std::string> messages(const ConfigErrors& errors) {
  std::vector<std::string> out;
  out.reserve(errors.size());
  for (const ConfigError& error : errors) out.push_back(error.to_string());
  return out;
}

class OptionValidatorTest : public ::testing::Test {
 protected:
  // `yaml` is the body of a file whose line 1 is "options:"; the instance
  // stands at line 1, column 5 as if it were a list entry.
  Expected<ConfigValue, ConfigErrors> validate(const std::string& yaml) {
    document = YAML::Load(yaml);
    const OptionValidator validator(fake_environment(environment));
    return validator.validate(document["options"], csv_drop_spec(), "csv_drop", "crmsync.yaml",
                              SourceLocation{"crmsync.yaml", 1, 5}, dir.path().string(), secrets);
  }

  std::vector<std::string> errors_of(const std::string& yaml) {
    const auto result = validate(yaml);
    EXPECT_FALSE(result.has_value());
    return result ? std::vector<std::string>{} : messages(result.error());
  }

  ConfigValue valid(const std::string& yaml) {
    auto result = validate(yaml);
    EXPECT_TRUE(result.has_value()) << (result ? "" : ::testing::PrintToString(messages(result.error())));
    return result ? std::move(result).value() : ConfigValue{};
  }

  TempDirectory dir;
  SecretRegistry secrets;
  std::map<std::string, std::string> environment;
  YAML::Node document;
};

TEST_F(OptionValidatorTest, DefaultsAreFilled) {
  const ConfigValue options = valid(
      "options:\n"
      "  directory: /srv/drop\n");
  EXPECT_EQ(options.string_or("directory", ""), "/srv/drop");
  EXPECT_EQ(options.string_or("pattern", ""), "*.csv");
  EXPECT_EQ(options.integer("batch_size"), 500);
  EXPECT_FALSE(options.boolean_or("delete_after_import", true));
  EXPECT_EQ(options.integer("poll_interval"), 60);
  EXPECT_EQ(options.find("api_token"), nullptr);
  EXPECT_EQ(options.find("encodings"), nullptr);
}

TEST_F(OptionValidatorTest, ValuesAreConvertedToCanonicalText) {
  const ConfigValue options = valid(
      "options:\n"
      "  directory: drop/in\n"
      "  batch_size: 250\n"
      "  delete_after_import: yes\n"
      "  poll_interval: 2h\n"
      "  encodings: [utf-8, gb18030]\n");
  EXPECT_EQ(options.string_or("directory", ""), (dir.path() / "drop" / "in").string());
  EXPECT_EQ(options.integer("batch_size"), 250);
  EXPECT_EQ(options.string_or("delete_after_import", ""), "true");
  EXPECT_EQ(options.integer("poll_interval"), 7200);
  const ConfigValue* encodings = options.find("encodings");
  ASSERT_NE(encodings, nullptr);
  ASSERT_EQ(encodings->items().size(), 2U);
  EXPECT_EQ(encodings->items()[1].text(), "gb18030");
}

TEST_F(OptionValidatorTest, ObjectsAreConvertedWithReferencesResolved) {
  environment = {{"EMAIL_COLUMN", "E-Mail"}};
  const ConfigValue options = valid(
      "options:\n"
      "  directory: /srv/drop\n"
      "  columns:\n"
      "    email: ${env:EMAIL_COLUMN}\n"
      "    phones: [Tel, Mobile]\n"
      "  files:\n"
      "    - pattern: a*.csv\n"
      "    - pattern: b*.csv\n"
      "      delimiter: ';'\n");
  const ConfigValue* columns = options.find("columns");
  ASSERT_NE(columns, nullptr);
  EXPECT_EQ(columns->string_or("email", ""), "E-Mail");
  ASSERT_NE(columns->find("phones"), nullptr);
  EXPECT_EQ(columns->find("phones")->items().size(), 2U);
  const ConfigValue* files = options.find("files");
  ASSERT_NE(files, nullptr);
  ASSERT_EQ(files->items().size(), 2U);
  EXPECT_EQ(files->items()[1].string_or("delimiter", ""), ";");
}

TEST_F(OptionValidatorTest, UnknownOptionSuggestsClosestKey) {
  EXPECT_THAT(errors_of("options:\n"
                        "  directory: /srv/drop\n"
                        "  patern: '*.txt'\n"),
              ElementsAre("crmsync.yaml:3:3: unknown option 'patern' for connector csv_drop (did you mean "
                          "'pattern'?)"));
}

TEST_F(OptionValidatorTest, UnknownOptionFarFromAnyKeyHasNoSuggestion) {
  EXPECT_THAT(errors_of("options:\n"
                        "  directory: /srv/drop\n"
                        "  foo: 1\n"),
              ElementsAre("crmsync.yaml:3:3: unknown option 'foo' for connector csv_drop"));
}

TEST_F(OptionValidatorTest, MissingRequiredOptionIsReported) {
  EXPECT_THAT(errors_of("options:\n"
                        "  pattern: '*.csv'\n"),
              ElementsAre("crmsync.yaml:2:3: missing required option 'directory' for connector csv_drop"));
}

TEST_F(OptionValidatorTest, MissingRequiredOptionWithoutOptionsIsReportedAtInstance) {
  EXPECT_THAT(errors_of("name: x\n"),
              ElementsAre("crmsync.yaml:1:5: missing required option 'directory' for connector csv_drop"));
}

TEST_F(OptionValidatorTest, WrongTypeNamesLineAndColumn) {
  EXPECT_THAT(
      errors_of("options:\n"
                "  directory: /srv/drop\n"
                "  batch_size: many\n"
                "  delete_after_import: perhaps\n"
                "  poll_interval: soon\n"
                "  encodings: utf-8\n"
                "  columns: [a]\n"
                "  files:\n"
                "    - pattern: a\n"
                "    - b\n"
                "  pattern: [x]\n"
                "  directory2: ~\n"),
      ElementsAre("crmsync.yaml:3:15: option 'batch_size' must be a whole number",
                  "crmsync.yaml:4:24: option 'delete_after_import' must be true or false",
                  "crmsync.yaml:5:18: option 'poll_interval' must be a duration such as 45s, 5m, 2h, 1d "
                  "or a number of seconds",
                  "crmsync.yaml:6:14: option 'encodings' must be a list of single values",
                  "crmsync.yaml:7:12: option 'columns' must be a mapping",
                  "crmsync.yaml:10:7: entry 2 of option 'files' must be a mapping",
                  "crmsync.yaml:11:12: option 'pattern' must be a single value",
                  "crmsync.yaml:12:3: unknown option 'directory2' for connector csv_drop (did you mean "
                  "'directory'?)"));
}

TEST_F(OptionValidatorTest, AllProblemsAreReportedAtOnce) {
  const auto errors = errors_of(
      "options:\n"
      "  batch_size: -x\n"
      "  bogus: 1\n"
      "  api_token: ${env:MISSING}\n");
  EXPECT_THAT(errors,
              ElementsAre("crmsync.yaml:2:3: missing required option 'directory' for connector csv_drop",
                          "crmsync.yaml:2:15: option 'batch_size' must be a whole number",
                          "crmsync.yaml:3:3: unknown option 'bogus' for connector csv_drop",
                          "crmsync.yaml:4:14: option 'api_token': environment variable MISSING is not set"));
}

TEST_F(OptionValidatorTest, SecretOptionIsRegistered) {
  const ConfigValue options = valid(
      "options:\n"
      "  directory: /srv/drop\n"
      "  api_token: literal-token-1234\n");
  EXPECT_EQ(options.string_or("api_token", ""), "literal-token-1234");
  EXPECT_EQ(secrets.redact("sent literal-token-1234"), "sent ***");
}

TEST_F(OptionValidatorTest, SecretValueNeverAppearsInErrors) {
  dir.write("creds/pin", "not-a-number-83\n");
  environment = {{"CREDENTIALS_DIRECTORY", (dir.path() / "creds").string()}, {"TOKEN", "env-token-xyz"}};
  const auto errors = errors_of(
      "options:\n"
      "  directory: /srv/drop\n"
      "  pin: ${credential:pin}\n"
      "  api_token: [\"${env:TOKEN}\"]\n");
  EXPECT_THAT(errors, ElementsAre("crmsync.yaml:3:8: option 'pin' must be a whole number",
                                  "crmsync.yaml:4:14: option 'api_token' must be a single value"));
  for (const std::string& error : errors) {
    EXPECT_THAT(error, Not(HasSubstr("not-a-number-83")));
    EXPECT_THAT(error, Not(HasSubstr("env-token-xyz")));
  }
}

TEST_F(OptionValidatorTest, ReferencesInScalarOptionsAreResolvedBeforeTypeCheck) {
  environment = {{"BATCH", "42"}, {"DROP", "/srv/env-drop"}};
  const ConfigValue options = valid(
      "options:\n"
      "  directory: ${env:DROP}\n"
      "  batch_size: ${env:BATCH}\n");
  EXPECT_EQ(options.integer("batch_size"), 42);
  EXPECT_EQ(options.string_or("directory", ""), "/srv/env-drop");
}

TEST_F(OptionValidatorTest, ValidatesInstanceOfLoadedConfig) {
  const auto config = ConfigLoader(fake_environment({}))
                          .load_from_string(
                              "instances:\n"
                              "  - name: partners\n"
                              "    connector: csv_drop\n"
                              "    options:\n"
                              "      directory: inbox\n"
                              "      batch_siz: 3\n",
                              "crmsync.yaml", dir.path());
  ASSERT_TRUE(config.has_value());
  const OptionValidator validator(fake_environment({}));
  const auto result = validator.validate(config->instances[0], csv_drop_spec(), config.value());
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(messages(result.error()),
              ElementsAre("crmsync.yaml:6:7: unknown option 'batch_siz' for connector csv_drop (did you mean "
                          "'batch_size'?)"));
}

TEST_F(OptionValidatorTest, PathOptionOfLoadedConfigResolvesAgainstConfigDirectory) {
  const auto config = ConfigLoader(fake_environment({}))
                          .load_from_string(
                              "instances:\n"
                              "  - name: partners\n"
                              "    connector: csv_drop\n"
                              "    options:\n"
                              "      directory: ./inbox\n",
                              "crmsync.yaml", dir.path());
  ASSERT_TRUE(config.has_value());
  const auto result =
      OptionValidator(fake_environment({})).validate(config->instances[0], csv_drop_spec(), *config);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->string_or("directory", ""), (dir.path() / "inbox").string());
}

TEST_F(OptionValidatorTest, InvalidDefaultOfConnectorIsReported) {
  const sdk::ConfigSpec spec = {{"batch_size", OptionType::integer, "lots", false, false, ""}};
  const YAML::Node none;
  const auto result = OptionValidator(fake_environment({}))
                          .validate(none, spec, "broken", "crmsync.yaml",
                                    SourceLocation{"crmsync.yaml", 7, 5}, dir.path().string(), secrets);
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(
      messages(result.error()),
      ElementsAre("crmsync.yaml:7:5: connector broken has an invalid default for option 'batch_size' (a "
                  "whole number expected); set the option explicitly"));
}

TEST_F(OptionValidatorTest, EmptyDefaultOfTypedOptionMeansUnset) {
  const sdk::ConfigSpec spec = {{"archive", OptionType::path, "", false, false, ""},
                                {"prefix", OptionType::string, "", false, false, ""}};
  const YAML::Node none;
  const auto result = OptionValidator(fake_environment({}))
                          .validate(none, spec, "csv_drop", "crmsync.yaml",
                                    SourceLocation{"crmsync.yaml", 1, 1}, dir.path().string(), secrets);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->find("archive"), nullptr);
  ASSERT_NE(result->find("prefix"), nullptr);
  EXPECT_EQ(result->find("prefix")->text(), "");
}

TEST_F(OptionValidatorTest, ListAndObjectDefaultsAreParsedAsYaml) {
  const sdk::ConfigSpec spec = {
      {"encodings", OptionType::string_list, "[utf-8, latin1]", false, false, ""},
      {"columns", OptionType::object, "", false, false, ""},
  };
  const YAML::Node none;
  const auto result = OptionValidator(fake_environment({}))
                          .validate(none, spec, "csv_drop", "crmsync.yaml",
                                    SourceLocation{"crmsync.yaml", 1, 1}, dir.path().string(), secrets);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->find("encodings")->items().size(), 2U);
  EXPECT_EQ(result->find("columns")->kind(), ConfigValue::Kind::mapping);
}

}  // namespace
}  // namespace crmsync::config
