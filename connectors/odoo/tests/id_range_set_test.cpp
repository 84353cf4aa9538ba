#include "id_range_set.hpp"

#include <gtest/gtest.h>

namespace crmsync::odoo {
namespace {

TEST(IdRangeSetTest, RunsOfIdsAreWrittenAsRanges) {
  IdRangeSet ids;
  for (int id = 1; id <= 500; ++id) ids.add(id);
  ids.add(502);
  ids.remove(250);
  EXPECT_EQ(ids.to_json().dump(), "[[1,249],[251,500],[502,502]]");
}

TEST(IdRangeSetTest, ReadsBackWhatItWrote) {
  IdRangeSet ids;
  for (int id : {3, 4, 5, 9, 20, 21}) ids.add(id);
  IdRangeSet read;
  std::string error;
  ASSERT_TRUE(IdRangeSet::from_json(ids.to_json(), read, error)) << error;
  EXPECT_EQ(read.size(), 6u);
  EXPECT_TRUE(read.contains(9));
  EXPECT_FALSE(read.contains(6));
}

TEST(IdRangeSetTest, ListsIdsTheServerNoLongerHas) {
  IdRangeSet delivered;
  IdRangeSet on_server;
  for (int id = 1; id <= 10; ++id) delivered.add(id);
  for (int id : {1, 2, 4, 5, 6, 7, 8, 10, 11}) on_server.add(id);
  EXPECT_EQ(delivered.missing_from(on_server), (std::vector<std::int64_t>{3, 9}));
  delivered.keep_only(on_server);
  EXPECT_EQ(delivered.size(), 8u);
  EXPECT_FALSE(delivered.contains(11));
}

TEST(IdRangeSetTest, RefusesRangesThatRunBackwards) {
  IdRangeSet read;
  std::string error;
  EXPECT_FALSE(IdRangeSet::from_json(nlohmann::json::parse("[[5,2]]"), read, error));
  EXPECT_NE(error.find("backwards"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::odoo
