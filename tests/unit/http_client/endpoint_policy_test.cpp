#include "daemon/http_client/endpoint_policy.hpp"

#include <gtest/gtest.h>

namespace crmsync::http_client {
namespace {

TEST(EndpointPolicyTest, AllowsHttpsAnywhere) {
  EXPECT_FALSE(EndpointPolicy::refusal("https://api.hubapi.com/crm/v3/objects/contacts"));
}

TEST(EndpointPolicyTest, AllowsPlainHttpOnlyToLoopback) {
  EXPECT_FALSE(EndpointPolicy::refusal("http://127.0.0.1:8080/api"));
  EXPECT_FALSE(EndpointPolicy::refusal("http://127.3.4.5/api"));
  EXPECT_FALSE(EndpointPolicy::refusal("http://localhost:9000/"));
  EXPECT_FALSE(EndpointPolicy::refusal("http://[::1]:9000/"));
  EXPECT_TRUE(EndpointPolicy::refusal("http://api.hubapi.com/"));
  EXPECT_TRUE(EndpointPolicy::refusal("http://128.0.0.1/"));
  EXPECT_TRUE(EndpointPolicy::refusal("http://localhost.attacker.example/"));
}

TEST(EndpointPolicyTest, RefusesOtherSchemesAndRelativeUrls) {
  EXPECT_TRUE(EndpointPolicy::refusal("ftp://127.0.0.1/file"));
  EXPECT_TRUE(EndpointPolicy::refusal("file:///etc/passwd"));
  EXPECT_TRUE(EndpointPolicy::refusal("/crm/v2/Contacts"));
}

}  // namespace
}  // namespace crmsync::http_client
