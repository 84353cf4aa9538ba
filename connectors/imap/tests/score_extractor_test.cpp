#include "score_extractor.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::imap {
namespace {

void expect_score(const std::string& text, int score, const std::string& kind) {
  const ScoreReading reading = ScoreExtractor::extract(text);
  ASSERT_TRUE(reading.score.has_value()) << "no score found in: " << text;
  EXPECT_EQ(*reading.score, score) << text;
  EXPECT_EQ(reading.kind, kind) << text;
}

void expect_no_score(const std::string& text) {
  const ScoreReading reading = ScoreExtractor::extract(text);
  EXPECT_FALSE(reading.score.has_value()) << "took " << reading.score.value_or(-1) << " from: " << text;
  EXPECT_EQ(reading.kind, "note") << text;
}

TEST(ScoreExtractorTest, ABareNumberIsAnNpsScore) {
  expect_score("9", 9, "nps");
  expect_score("10!\n\nThanks for asking.", 10, "nps");
  expect_score("  0 \n", 0, "nps");
  expect_score("8 points", 8, "nps");
}

TEST(ScoreExtractorTest, ReadsScoresOutOfTen) {
  expect_score("9/10", 9, "nps");
  expect_score("I'd rate it 7 / 10, delivery was slow.", 7, "nps");
  expect_score("I'd say 8 out of 10", 8, "nps");
  expect_score("Score: 6", 6, "nps");
  expect_score("I would give you a 9 - great service", 9, "nps");
}

TEST(ScoreExtractorTest, ReadsScoresOutOfFiveAsCsat) {
  expect_score("4/5 would buy again", 4, "csat");
  expect_score("3 out of 5", 3, "csat");
}

TEST(ScoreExtractorTest, ReadsChineseNumericScores) {
  expect_score("满意度：9分", 9, "nps");
  expect_score("给你们打10分！", 10, "nps");
  expect_score("评分：7", 7, "nps");
  expect_score("8分。\n物流有点慢", 8, "nps");
}

TEST(ScoreExtractorTest, ReadsChineseSatisfactionWordsAsCsat) {
  expect_score("非常满意", 5, "csat");
  expect_score("满意，谢谢", 4, "csat");
  expect_score("一般吧", 3, "csat");
  expect_score("不满意，包装破了", 2, "csat");
  expect_score("非常不满意！！", 1, "csat");
  expect_score("很满意，客服很耐心", 5, "csat");
  expect_score("不太满意", 2, "csat");
}

TEST(ScoreExtractorTest, ReadsEnglishSatisfactionWordsAsCsat) {
  expect_score("Very satisfied, thank you!", 5, "csat");
  expect_score("very dissatisfied with the delivery", 1, "csat");
  expect_score("Satisfied.", 4, "csat");
  expect_score("Not satisfied at all", 2, "csat");
  expect_score("Dissatisfied", 2, "csat");
  expect_score("neutral", 3, "csat");
}

TEST(ScoreExtractorTest, AnExplicitNumberWinsOverWording) {
  expect_score("非常满意，给10分", 10, "nps");
  expect_score("Very satisfied - 9/10", 9, "nps");
}

TEST(ScoreExtractorTest, IgnoresNumbersInQuotedHistory) {
  expect_no_score("Thanks for the survey.\n> On a scale of 0 to 10, how likely are you...\n> 10\n> 9/10");
  expect_score("7\n> How would you rate us from 0 to 10?\n> 10", 7, "nps");
  expect_no_score("> 非常满意");
}

TEST(ScoreExtractorTest, DoesNotTakeDatesTimesOrPhoneNumbersAsScores) {
  expect_no_score("The parcel arrived on 2026-11-23, call me at 9:30 on +86 10 8888 8888.");
  expect_no_score("Delivered 9/10/2026.");
  expect_no_score("Order 1001 was 3.5 kg");
  expect_no_score("请打电话 138-0013-8000");
  expect_no_score("等了5分钟才接通");
  expect_no_score("2026年11月23日收到");
}

TEST(ScoreExtractorTest, TextWithoutAScoreIsANote) {
  expect_no_score("Please change my delivery address to 5 Main Street.");
  expect_no_score("请问发票什么时候开？");
  expect_no_score("");
}

}  // namespace
}  // namespace crmsync::imap
