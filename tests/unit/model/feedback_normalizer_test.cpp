#include "daemon/model/feedback_normalizer.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

class FeedbackNormalizerTest : public ::testing::Test {
 protected:
  Expected<Feedback, std::string> normalize(const sdk::FieldMap& fields) const {
    return feedback.normalize(fields);
  }

  TimestampParser timestamps{"UTC"};
  FeedbackNormalizer feedback{timestamps};
};

TEST_F(FeedbackNormalizerTest, ReadsNpsFeedback) {
  const auto result = normalize({{"customer_ref", "c-1"},
                                 {"order_ref", "o-9"},
                                 {"feedback_kind", " NPS "},
                                 {"score", "9"},
                                 {"comment", " 很好 "},
                                 {"received_at", "2024-05-01T18:00:00+08:00"}});
  ASSERT_TRUE(result.has_value()) << result.error();
  EXPECT_EQ(result->customer_ref, "c-1");
  EXPECT_EQ(result->order_ref, "o-9");
  EXPECT_EQ(result->kind, "nps");
  EXPECT_EQ(result->score, 9);
  EXPECT_EQ(result->comment, "很好");
  EXPECT_EQ(result->received_at, sys_days{2024y / May / 1} + 10h);
}

TEST_F(FeedbackNormalizerTest, KindDefaultsToNote) {
  const auto result = normalize({{"customer_ref", "c"}, {"comment", "called about invoice"}});
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->kind, "note");
  EXPECT_FALSE(result->score.has_value());
}

TEST_F(FeedbackNormalizerTest, MissingCustomerRefIsRejected) {
  const auto result = normalize({{"feedback_kind", "note"}});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error(), "field 'customer_ref' is missing");
}

TEST_F(FeedbackNormalizerTest, NpsAcceptsZeroToTen) {
  EXPECT_EQ(normalize({{"customer_ref", "c"}, {"feedback_kind", "nps"}, {"score", "0"}})->score, 0);
  EXPECT_EQ(normalize({{"customer_ref", "c"}, {"feedback_kind", "nps"}, {"score", "10"}})->score, 10);
}

TEST_F(FeedbackNormalizerTest, NpsOutOfRangeIsRejected) {
  const auto result = normalize({{"customer_ref", "c"}, {"feedback_kind", "nps"}, {"score", "11"}});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error(), "field 'score': 11 is outside 0-10 for nps");
  EXPECT_FALSE(normalize({{"customer_ref", "c"}, {"feedback_kind", "nps"}, {"score", "-1"}}).has_value());
}

TEST_F(FeedbackNormalizerTest, CsatAcceptsOneToFiveOnly) {
  EXPECT_EQ(normalize({{"customer_ref", "c"}, {"feedback_kind", "csat"}, {"score", "1"}})->score, 1);
  EXPECT_EQ(normalize({{"customer_ref", "c"}, {"feedback_kind", "csat"}, {"score", "5"}})->score, 5);
  const auto zero = normalize({{"customer_ref", "c"}, {"feedback_kind", "csat"}, {"score", "0"}});
  ASSERT_FALSE(zero.has_value());
  EXPECT_EQ(zero.error(), "field 'score': 0 is outside 1-5 for csat");
  EXPECT_FALSE(normalize({{"customer_ref", "c"}, {"feedback_kind", "csat"}, {"score", "6"}}).has_value());
}

TEST_F(FeedbackNormalizerTest, NonIntegerScoreIsRejected) {
  const auto result = normalize({{"customer_ref", "c"}, {"feedback_kind", "csat"}, {"score", "4.5"}});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error(), "field 'score': '4.5' is not a whole number");
}

TEST_F(FeedbackNormalizerTest, FullWidthScoreIsRead) {
  EXPECT_EQ(normalize({{"customer_ref", "c"}, {"feedback_kind", "nps"}, {"score", "１０"}})->score, 10);
}

TEST_F(FeedbackNormalizerTest, UnknownKindIsRejected) {
  const auto result = normalize({{"customer_ref", "c"}, {"feedback_kind", "praise"}});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error(), "field 'feedback_kind': 'praise' is not one of nps, csat, complaint, note");
}

TEST_F(FeedbackNormalizerTest, BadReceivedAtIsRejectedNamingTheField) {
  const auto result = normalize({{"customer_ref", "c"}, {"received_at", "2024-02-30"}});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error(), "field 'received_at': '2024-02-30' is not a timestamp");
}

}  // namespace
}  // namespace crmsync::model
