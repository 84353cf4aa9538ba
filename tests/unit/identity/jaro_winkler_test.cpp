#include "daemon/identity/jaro_winkler.hpp"

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

TEST(JaroWinkler, IsSymmetric) {
  EXPECT_DOUBLE_EQ(JaroWinkler::similarity("harrington", "harington"),
                   JaroWinkler::similarity("harington", "harrington"));
}

}  // namespace
}  // namespace crmsync::identity
