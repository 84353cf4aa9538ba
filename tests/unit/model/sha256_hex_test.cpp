#include "daemon/model/sha256_hex.hpp"

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

// Known answers from FIPS 180-2.
TEST(Sha256Hex, EmptyInputGivesKnownDigest) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Hex, AbcGivesKnownLowerCaseDigest) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Hex, HashesBytesIncludingEmbeddedNul) {
  using namespace std::string_view_literals;
  EXPECT_NE(sha256_hex("a\0b"sv), sha256_hex("a"sv));
  EXPECT_EQ(sha256_hex("a\0b"sv).size(), 64U);
}

}  // namespace
}  // namespace crmsync::model
