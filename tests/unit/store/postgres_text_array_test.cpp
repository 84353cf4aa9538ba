#include "daemon/store/postgres_text_array.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace crmsync::store {
namespace {

TEST(PostgresTextArrayTest, QuotesEveryElement) {
  EXPECT_EQ(PostgresTextArray::literal({"a", "客户-7", "two words"}), R"({"a","客户-7","two words"})");
}

TEST(PostgresTextArrayTest, EscapesQuotesAndBackslashesOnly) {
  EXPECT_EQ(PostgresTextArray::literal({R"(say "hi")", R"(back\slash)", "x\\"}),
            R"({"say \"hi\"","back\\slash","x\\"})");
}

TEST(PostgresTextArrayTest, KeepsWhatArraysGiveMeaningAsText) {
  // Unquoted, NULL would be a null element and braces or commas would split it.
  EXPECT_EQ(PostgresTextArray::literal({"NULL", "{a,b}", "", "'"}), R"({"NULL","{a,b}","","'"})");
}

TEST(PostgresTextArrayTest, NoValuesIsTheEmptyArray) {
  EXPECT_EQ(PostgresTextArray::literal({}), "{}");
}

}  // namespace
}  // namespace crmsync::store
