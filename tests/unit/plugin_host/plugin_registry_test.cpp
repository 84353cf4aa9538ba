#include "daemon/plugin_host/plugin_registry.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include "plugin_test_files.hpp"

namespace crmsync::plugin_host {
namespace {

namespace fs = std::filesystem;

PluginRegistry registry() {
  return PluginRegistry(PluginLoader(PluginFileAuditor(geteuid())));
}

TEST(PluginRegistry, BadPluginsAreRefusedWhileGoodOnesLoad) {
  testing::PluginScratchDir dir;
  dir.add(testing::kTemplatePlugin, "crmsync_template.so");
  dir.add(testing::test_plugin("wrong_abi"), "crmsync_wrong_abi.so");
  dir.add(testing::test_plugin("missing_export"), "crmsync_missing_export.so");
  const auto writable = dir.add(testing::kTemplatePlugin, "crmsync_writable.so");
  fs::permissions(writable, fs::perms::others_write, fs::perm_options::add);

  auto plugins = registry();
  const auto refusals = plugins.scan(dir.path());
  ASSERT_EQ(plugins.plugins().size(), 1U);
  EXPECT_NE(plugins.find("template"), nullptr);
  ASSERT_EQ(refusals.size(), 3U);
  // Sorted by file name: missing_export, writable, wrong_abi.
  EXPECT_NE(refusals[0].reason.find("no 'crmsync_plugin' export"), std::string::npos);
  EXPECT_EQ(refusals[1].reason, "file is world-writable");
  EXPECT_NE(refusals[2].reason.find("built against SDK"), std::string::npos);
}

TEST(PluginRegistry, SecondPluginWithTheSameNameIsRefused) {
  testing::PluginScratchDir dir;
  dir.add(testing::kTemplatePlugin, "a.so");
  dir.add(testing::kTemplatePlugin, "b.so");
  auto plugins = registry();
  const auto refusals = plugins.scan(dir.path());
  ASSERT_EQ(refusals.size(), 1U);
  EXPECT_NE(refusals[0].reason.find("already loaded"), std::string::npos);
}

TEST(PluginRegistry, RescanLoadsOnlyNewFiles) {
  testing::PluginScratchDir dir;
  auto plugins = registry();
  EXPECT_TRUE(plugins.scan(dir.path()).empty());
  EXPECT_TRUE(plugins.plugins().empty());
  dir.add(testing::kTemplatePlugin, "crmsync_template.so");
  EXPECT_TRUE(plugins.scan(dir.path()).empty());
  EXPECT_EQ(plugins.plugins().size(), 1U);
  EXPECT_TRUE(plugins.scan(dir.path()).empty()) << "an already loaded file is not loaded twice";
}

TEST(PluginRegistry, MissingDirectoryIsReported) {
  auto plugins = registry();
  const auto refusals = plugins.scan("/nonexistent/plugins");
  ASSERT_EQ(refusals.size(), 1U);
  EXPECT_NE(refusals[0].reason.find("cannot read plugin directory"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::plugin_host
