#include "daemon/config/secret_registry.hpp"

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace crmsync::config {
namespace {

TEST(SecretRegistryTest, RedactsEveryOccurrence) {
  SecretRegistry secrets;
  secrets.add("s3cr3t-token");
  EXPECT_EQ(secrets.redact("a s3cr3t-token b s3cr3t-token"), "a *** b ***");
}

TEST(SecretRegistryTest, IgnoresValuesShorterThanFourCharacters) {
  SecretRegistry secrets;
  secrets.add("abc");
  secrets.add("");
  EXPECT_EQ(secrets.size(), 0U);
  EXPECT_EQ(secrets.redact("abc abcd"), "abc abcd");
}

TEST(SecretRegistryTest, LongerSecretIsReplacedWhole) {
  SecretRegistry secrets;
  secrets.add("pass");
  secrets.add("password-1234");
  EXPECT_EQ(secrets.redact("x=password-1234 y=pass"), "x=*** y=***");
}

TEST(SecretRegistryTest, TextWithoutSecretsIsUnchanged) {
  SecretRegistry secrets;
  secrets.add("token-value");
  EXPECT_EQ(secrets.redact("nothing to see"), "nothing to see");
}

TEST(SecretRegistryTest, ConcurrentAddAndRedactAreSafe) {
  SecretRegistry secrets;
  std::vector<std::thread> threads;
  threads.reserve(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&secrets, t] {
      for (int i = 0; i < 200; ++i) {
        secrets.add("secret-" + std::to_string(t) + "-" + std::to_string(i));
        (void)secrets.redact("secret-0-1 and secret-3-199");
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(secrets.size(), 800U);
  EXPECT_EQ(secrets.redact("secret-0-1 and secret-3-199"), "*** and ***");
}

}  // namespace
}  // namespace crmsync::config
