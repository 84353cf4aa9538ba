#include "imap_cursor.hpp"

#include <gtest/gtest.h>

namespace crmsync::imap {
namespace {

TEST(ImapCursorTest, EmptyMeansFromTheBeginning) {
  const auto cursor = ImapCursor::parse("");
  ASSERT_TRUE(cursor);
  EXPECT_EQ(cursor->uidvalidity, 0U);
  EXPECT_EQ(cursor->last_uid, 0U);
}

TEST(ImapCursorTest, RoundTripsValidityAndUid) {
  const auto cursor = ImapCursor::parse("1700000000:42");
  ASSERT_TRUE(cursor);
  EXPECT_EQ(cursor->uidvalidity, 1700000000U);
  EXPECT_EQ(cursor->last_uid, 42U);
  EXPECT_EQ(cursor->text(), "1700000000:42");
}

TEST(ImapCursorTest, RefusesOtherShapes) {
  EXPECT_FALSE(ImapCursor::parse("42"));
  EXPECT_FALSE(ImapCursor::parse("a:1"));
  EXPECT_FALSE(ImapCursor::parse("1:"));
  EXPECT_FALSE(ImapCursor::parse("1:2:3"));
}

}  // namespace
}  // namespace crmsync::imap
