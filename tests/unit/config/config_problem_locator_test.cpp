#include "daemon/config/config_problem_locator.hpp"

#include <gtest/gtest.h>

namespace crmsync::config {
namespace {

// Line 1 is "options:", as in an instance's entry.
const char* const kOptions =
    "options:\n"
    "  streams:\n"
    "    customers:\n"
    "      columns:\n"
    "        email: Mail\n"
    "        phone:\n"
    "  files:\n"
    "    - pattern: a*.csv\n"
    "    - pattern: b*.csv\n";

class ConfigProblemLocatorTest : public ::testing::Test {
 protected:
  std::string locate(const std::string& path, const std::string& message = "bad") {
    return ConfigProblemLocator::locate(document["options"], sdk::ConfigProblem{path, message},
                                        "crmsync.yaml", SourceLocation{"crmsync.yaml", 1, 5}, secrets)
        .to_string();
  }

  YAML::Node document = YAML::Load(kOptions);
  SecretRegistry secrets;
};

TEST_F(ConfigProblemLocatorTest, PointsAtAnExistingScalarValue) {
  EXPECT_EQ(locate("streams.customers.columns.email", "not a column"),
            "crmsync.yaml:5:16: option 'streams.customers.columns.email': not a column");
}

TEST_F(ConfigProblemLocatorTest, EmptyValuePointsAtItsKey) {
  EXPECT_EQ(locate("streams.customers.columns.phone"),
            "crmsync.yaml:6:9: option 'streams.customers.columns.phone': bad");
}

TEST_F(ConfigProblemLocatorTest, MissingLeafPointsAtDeepestExistingKey) {
  EXPECT_EQ(locate("streams.customers.columns.name", "required"),
            "crmsync.yaml:4:7: option 'streams.customers.columns.name': required");
  EXPECT_EQ(locate("streams.orders.columns"), "crmsync.yaml:2:3: option 'streams.orders.columns': bad");
}

TEST_F(ConfigProblemLocatorTest, ListIndexIsFollowed) {
  EXPECT_EQ(locate("files.1.pattern"), "crmsync.yaml:9:16: option 'files.1.pattern': bad");
  EXPECT_EQ(locate("files[1].pattern"), "crmsync.yaml:9:16: option 'files[1].pattern': bad");
  EXPECT_EQ(locate("files.5.pattern"), "crmsync.yaml:7:3: option 'files.5.pattern': bad");
}

TEST_F(ConfigProblemLocatorTest, UnknownFirstStepPointsAtOptions) {
  EXPECT_EQ(locate("nothing"), "crmsync.yaml:2:3: option 'nothing': bad");
  EXPECT_EQ(locate("", "general problem"), "crmsync.yaml:2:3: general problem");
}

TEST_F(ConfigProblemLocatorTest, NoOptionsFallsBackToInstance) {
  const YAML::Node none;
  EXPECT_EQ(ConfigProblemLocator::locate(none, {"x", "bad"}, "crmsync.yaml", {"crmsync.yaml", 3, 5}, secrets)
                .to_string(),
            "crmsync.yaml:3:5: option 'x': bad");
}

TEST_F(ConfigProblemLocatorTest, SecretValueNeverAppearsInErrors) {
  secrets.add("tok-123456");
  EXPECT_EQ(locate("streams", "token tok-123456 rejected"),
            "crmsync.yaml:2:3: option 'streams': token *** rejected");
}

}  // namespace
}  // namespace crmsync::config
