#include "daemon/plugin_host/plugin_file_auditor.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include "plugin_test_files.hpp"

namespace crmsync::plugin_host {
namespace {

namespace fs = std::filesystem;

TEST(PluginFileAuditor, AcceptsAFileOwnedByTheDaemonUserWithSafeMode) {
  testing::PluginScratchDir dir;
  const auto file = dir.add(testing::kTemplatePlugin, "ok.so");
  EXPECT_EQ(PluginFileAuditor(geteuid()).audit(file), std::nullopt);
}

TEST(PluginFileAuditor, RefusesGroupWritableFile) {
  testing::PluginScratchDir dir;
  const auto file = dir.add(testing::kTemplatePlugin, "group.so");
  fs::permissions(file, fs::perms::group_write, fs::perm_options::add);
  EXPECT_EQ(PluginFileAuditor(geteuid()).audit(file), "file is group-writable");
}

TEST(PluginFileAuditor, RefusesWorldWritableFile) {
  testing::PluginScratchDir dir;
  const auto file = dir.add(testing::kTemplatePlugin, "world.so");
  fs::permissions(file, fs::perms::others_write, fs::perm_options::add);
  EXPECT_EQ(PluginFileAuditor(geteuid()).audit(file), "file is world-writable");
}

TEST(PluginFileAuditor, RefusesFileOwnedBySomeoneElse) {
  testing::PluginScratchDir dir;
  const auto file = dir.add(testing::kTemplatePlugin, "foreign.so");
  constexpr uid_t kNobody = 65534;
  uid_t daemon_uid = geteuid();
  if (geteuid() == 0) {
    // As root we can hand the file to another user.
    ASSERT_EQ(chown(file.c_str(), kNobody, static_cast<gid_t>(-1)), 0);
  } else {
    // Otherwise the file is ours, so pretend the daemon runs as somebody else.
    daemon_uid = geteuid() + 1;
  }
  const auto refusal = PluginFileAuditor(daemon_uid).audit(file);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_NE(refusal->find("not by root or the daemon's user"), std::string::npos) << *refusal;
}

TEST(PluginFileAuditor, RefusesMissingFile) {
  const auto refusal = PluginFileAuditor(geteuid()).audit("/nonexistent/plugin.so");
  ASSERT_TRUE(refusal.has_value());
  EXPECT_NE(refusal->find("cannot stat"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::plugin_host
