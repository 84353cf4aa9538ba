#include "daemon/plugin_host/credential_secrets.hpp"

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "plugin_test_files.hpp"

namespace crmsync::plugin_host {
namespace {

TEST(CredentialSecrets, ReadsCredentialFileWithoutTrailingNewline) {
  testing::PluginScratchDir dir;
  { std::ofstream(dir.path() / "zoho_token") << "s3cr3t-value\n"; }
  CredentialSecrets secrets(dir.path());
  EXPECT_EQ(secrets.get("zoho_token"), "s3cr3t-value");
}

TEST(CredentialSecrets, FallsBackToEnvironment) {
  testing::PluginScratchDir dir;
  setenv("CRMSYNC_SECRET_API_KEY", "from-env", 1);  // NOLINT(concurrency-mt-unsafe)
  CredentialSecrets secrets(dir.path());
  EXPECT_EQ(secrets.get("api_key"), "from-env");
  unsetenv("CRMSYNC_SECRET_API_KEY");  // NOLINT(concurrency-mt-unsafe)
  EXPECT_EQ(secrets.get("api_key"), std::nullopt);
}

TEST(CredentialSecrets, RefusesNamesThatEscapeTheDirectory) {
  testing::PluginScratchDir dir;
  CredentialSecrets secrets(dir.path());
  EXPECT_EQ(secrets.get("../etc/passwd"), std::nullopt);
  EXPECT_EQ(secrets.get(".hidden"), std::nullopt);
}

}  // namespace
}  // namespace crmsync::plugin_host
