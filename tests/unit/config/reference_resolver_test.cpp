#include "daemon/config/reference_resolver.hpp"

#include <gtest/gtest.h>

#include "tests/unit/config/fake_environment.hpp"
#include "tests/unit/config/temp_directory.hpp"

namespace crmsync::config {
namespace {

using testing::fake_environment;
using testing::TempDirectory;

class ReferenceResolverTest : public ::testing::Test {
 protected:
  Expected<std::string, std::string> resolve(std::string_view text,
                                             std::map<std::string, std::string> environment = {}) {
    const ReferenceResolver resolver(dir.path(), fake_environment(std::move(environment)), secrets);
    return resolver.resolve(text);
  }

  TempDirectory dir;
  SecretRegistry secrets;
};

TEST_F(ReferenceResolverTest, TextWithoutReferencesIsUnchanged) {
  EXPECT_EQ(resolve("plain $text with $ signs").value(), "plain $text with $ signs");
}

TEST_F(ReferenceResolverTest, EnvReferenceIsResolved) {
  EXPECT_EQ(resolve("${env:CRM_HOST}", {{"CRM_HOST", "crm.example.com"}}).value(), "crm.example.com");
}

TEST_F(ReferenceResolverTest, ReferenceInsideLongerTextIsResolved) {
  EXPECT_EQ(resolve("https://${env:HOST}:${env:PORT}/api", {{"HOST", "h"}, {"PORT", "8443"}}).value(),
            "https://h:8443/api");
}

TEST_F(ReferenceResolverTest, DoubleDollarEscapesALiteralReference) {
  EXPECT_EQ(resolve("cost $${env:X} and ${env:X}", {{"X", "1"}}).value(), "cost ${env:X} and 1");
}

TEST_F(ReferenceResolverTest, MissingEnvVariableIsAnErrorWithoutValue) {
  const auto result = resolve("Bearer ${env:CRM_TOKEN}", {{"OTHER", "x"}});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error(), "environment variable CRM_TOKEN is not set");
}

TEST_F(ReferenceResolverTest, FileReferenceReadsRelativeToBaseDirWithoutTrailingNewline) {
  dir.write("secrets/api.key", "key-from-file\n");
  EXPECT_EQ(resolve("${file:secrets/api.key}").value(), "key-from-file");
  EXPECT_EQ(secrets.redact("x key-from-file"), "x ***");
}

TEST_F(ReferenceResolverTest, FileReferenceAcceptsAbsolutePath) {
  const auto file = dir.write("abs.txt", "absolute-value\r\n");
  EXPECT_EQ(resolve("${file:" + file.string() + "}").value(), "absolute-value");
}

TEST_F(ReferenceResolverTest, MissingFileIsAnError) {
  const auto result = resolve("${file:nope.txt}");
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().find("nope.txt"), std::string::npos);
}

TEST_F(ReferenceResolverTest, CredentialReferenceReadsCredentialsDirectory) {
  dir.write("creds/dbpass", "pa55-word\n");
  const auto result = resolve("postgresql://crm:${credential:dbpass}@127.0.0.1/crm",
                              {{"CREDENTIALS_DIRECTORY", (dir.path() / "creds").string()}});
  ASSERT_TRUE(result.has_value()) << result.error();
  EXPECT_EQ(result.value(), "postgresql://crm:pa55-word@127.0.0.1/crm");
  EXPECT_EQ(secrets.redact(result.value()), "postgresql://crm:***@127.0.0.1/crm");
}

TEST_F(ReferenceResolverTest, CredentialWithoutCredentialsDirectoryIsAnError) {
  const auto result = resolve("${credential:dbpass}");
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().find("CREDENTIALS_DIRECTORY is not set"), std::string::npos);
}

TEST_F(ReferenceResolverTest, MissingCredentialFileIsAnError) {
  const auto result = resolve("${credential:dbpass}", {{"CREDENTIALS_DIRECTORY", dir.path().string()}});
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().find("credential 'dbpass' not found"), std::string::npos);
}

TEST_F(ReferenceResolverTest, CredentialNameCannotLeaveTheDirectory) {
  dir.write("outside", "outside-secret");
  dir.write("creds/x", "x");
  const auto result =
      resolve("${credential:../outside}", {{"CREDENTIALS_DIRECTORY", (dir.path() / "creds").string()}});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().find("outside-secret"), std::string::npos);
}

TEST_F(ReferenceResolverTest, MalformedReferencesAreErrors) {
  EXPECT_FALSE(resolve("${env:X").has_value());
  EXPECT_FALSE(resolve("${env:}").has_value());
  EXPECT_FALSE(resolve("${vault:x}").has_value());
  EXPECT_FALSE(resolve("${file:${env:X}}", {{"X", "y"}}).has_value());
}

}  // namespace
}  // namespace crmsync::config
