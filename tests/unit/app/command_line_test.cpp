#include "daemon/app/command_line.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace crmsync::app {
namespace {

Expected<CommandLine, std::string> parse(std::vector<const char*> args) {
  args.insert(args.begin(), "crmsyncd");
  return CommandLine::parse(static_cast<int>(args.size()), args.data());
}

TEST(CommandLine, RunIsTheDefaultCommand) {
  auto line = parse({"--config", "/tmp/x.yaml"});
  ASSERT_TRUE(line) << line.error();
  EXPECT_EQ(line->command, Command::run);
  EXPECT_EQ(line->config_path, "/tmp/x.yaml");
}

TEST(CommandLine, DescribeTakesAConnectorName) {
  auto line = parse({"describe", "csv_drop"});
  ASSERT_TRUE(line) << line.error();
  EXPECT_EQ(line->command, Command::describe);
  EXPECT_EQ(line->describe_name, "csv_drop");
}

TEST(CommandLine, DescribeWithoutNameIsAnError) {
  auto line = parse({"describe"});
  ASSERT_FALSE(line);
  EXPECT_NE(line.error().find("describe needs a connector name"), std::string::npos);
}

TEST(CommandLine, UnknownCommandIsAnErrorWithUsage) {
  auto line = parse({"sync-now"});
  ASSERT_FALSE(line);
  EXPECT_NE(line.error().find("unknown command 'sync-now'"), std::string::npos);
  EXPECT_NE(line.error().find("usage: crmsyncd"), std::string::npos);
}

TEST(CommandLine, ExtraArgumentIsAnError) {
  auto line = parse({"once", "extra"});
  ASSERT_FALSE(line);
  EXPECT_NE(line.error().find("unexpected argument 'extra'"), std::string::npos);
}

TEST(CommandLine, VersionFlag) {
  auto line = parse({"--version"});
  ASSERT_TRUE(line);
  EXPECT_EQ(line->command, Command::version);
}

TEST(CommandLine, UnknownOptionIsAnError) {
  auto line = parse({"--frobnicate"});
  ASSERT_FALSE(line);
  EXPECT_NE(line.error().find("frobnicate"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::app
