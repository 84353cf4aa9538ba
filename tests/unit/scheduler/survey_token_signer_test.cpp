#include "daemon/scheduler/survey_token_signer.hpp"

#include <gtest/gtest.h>

namespace crmsync::scheduler {
namespace {

TEST(SurveyTokenSignerTest, SameKeySameTokenAndItVerifies) {
  const SurveyTokenSigner signer("0123456789abcdef-secret");
  const auto token = signer.sign("survey:after_delivery:order:42");
  EXPECT_EQ(token, signer.sign("survey:after_delivery:order:42"));
  EXPECT_EQ(token.size(), 43U);  // 256 bits in base64url, no padding
  EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_TRUE(signer.verify(token, "survey:after_delivery:order:42"));
}

TEST(SurveyTokenSignerTest, TokenForAnotherMessageOrKeyIsRejected) {
  const SurveyTokenSigner signer("0123456789abcdef-secret");
  const SurveyTokenSigner other("another-key-0123456789");
  const auto token = signer.sign("survey:after_delivery:order:42");
  EXPECT_FALSE(signer.verify(token, "survey:after_delivery:order:43"));
  EXPECT_FALSE(other.verify(token, "survey:after_delivery:order:42"));
  EXPECT_FALSE(signer.verify(token.substr(0, 42), "survey:after_delivery:order:42"));
}

TEST(SurveyTokenSignerTest, ShortSigningKeyIsRefused) {
  EXPECT_THROW(SurveyTokenSigner("short"), std::invalid_argument);
}

}  // namespace
}  // namespace crmsync::scheduler
