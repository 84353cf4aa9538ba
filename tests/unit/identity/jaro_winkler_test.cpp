#include "daemon/identity/jaro_winkler.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

TEST(JaroWinkler, JaroWinklerKnownValues) {
  EXPECT_NEAR(JaroWinkler::jaro("martha", "marhta"), 0.9444, 1e-4);
  EXPECT_NEAR(JaroWinkler::similarity("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler::similarity("dwayne", "duane"), 0.84, 1e-4);
  EXPECT_NEAR(JaroWinkler::similarity("dixon", "dicksonx"), 0.8133, 1e-4);
}

TEST(JaroWinkler, EqualStringsScoreOneAndDisjointZero) {
  EXPECT_DOUBLE_EQ(JaroWinkler::similarity("sondergeld", "sondergeld"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler::similarity("abc", "xyz"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler::similarity("", "abc"), 0.0);
}

TEST(JaroWinkler, StringsLongerThanAWordScoreAsShortOnesDo) {
  // 64 characters and fewer take a bit-mask path, longer ones a byte path: same rules.
  const std::string base = "martha";
  const std::string typo = "marhta";
  std::string long_base;
  std::string long_typo;
  for (int i = 0; i < 12; ++i) {
    long_base += base + "|";
    long_typo += typo + "|";
  }
  ASSERT_GT(long_base.size(), 64U);
  // Twelve copies of one transposition: 84 matches, 12 transpositions.
  EXPECT_NEAR(JaroWinkler::jaro(long_base, long_typo), (1.0 + 1.0 + (84.0 - 12.0) / 84.0) / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(JaroWinkler::jaro(long_base, long_typo), JaroWinkler::jaro(long_typo, long_base));
  EXPECT_DOUBLE_EQ(JaroWinkler::jaro(long_base, std::string(70, '#')), 0.0);
}

TEST(JaroWinkler, IsSymmetric) {
  EXPECT_DOUBLE_EQ(JaroWinkler::similarity("harrington", "harington"),
                   JaroWinkler::similarity("harington", "harrington"));
}

}  // namespace
}  // namespace crmsync::identity
