#include "fxiaoke_cursor.hpp"

#include <gtest/gtest.h>

namespace crmsync::fxiaoke {
namespace {

TEST(FxiaokeCursorTest, EmptyTextIsTheStartOfHistory) {
  std::string error;
  auto cursor = FxiaokeCursor::parse("", error);
  ASSERT_TRUE(cursor);
  EXPECT_FALSE(cursor->modified_millis());
  EXPECT_FALSE(cursor->covers(0, "a"));
  EXPECT_EQ(cursor->to_text(), "");
}

TEST(FxiaokeCursorTest, CoversEverythingUpToTheLastIdAtTheLastTime) {
  FxiaokeCursor cursor;
  cursor.advance(1714550400000, "65a1");
  cursor.advance(1714550400000, "65a3");
  EXPECT_TRUE(cursor.covers(1714550399999, "ffff"));
  EXPECT_TRUE(cursor.covers(1714550400000, "65a2"));
  EXPECT_TRUE(cursor.covers(1714550400000, "65a3"));
  EXPECT_FALSE(cursor.covers(1714550400000, "65a4"));  // same time, not yet read
  EXPECT_FALSE(cursor.covers(1714550400001, "0000"));
}

TEST(FxiaokeCursorTest, RoundTripsAndRejectsForeignText) {
  FxiaokeCursor cursor;
  cursor.advance(1714550400000, "65a1");
  std::string error;
  auto again = FxiaokeCursor::parse(cursor.to_text(), error);
  ASSERT_TRUE(again) << error;
  EXPECT_EQ(again->modified_millis(), 1714550400000);
  EXPECT_EQ(again->last_id(), "65a1");
  EXPECT_FALSE(FxiaokeCursor::parse("{\"offset\": 100}", error));
  EXPECT_NE(error.find("modified_ms"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::fxiaoke
