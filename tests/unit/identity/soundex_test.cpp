#include "daemon/identity/soundex.hpp"

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

TEST(Soundex, KnownCodes) {
  EXPECT_EQ(Soundex::code("robert"), "r163");
  EXPECT_EQ(Soundex::code("rupert"), "r163");
  EXPECT_EQ(Soundex::code("ashcraft"), "a261");
  EXPECT_EQ(Soundex::code("tymczak"), "t522");
  EXPECT_EQ(Soundex::code("pfister"), "p236");
  EXPECT_EQ(Soundex::code("lee"), "l000");
  EXPECT_EQ(Soundex::code(""), "");
}

}  // namespace
}  // namespace crmsync::identity
