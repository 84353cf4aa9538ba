#include "survey_token_finder.hpp"

#include <gtest/gtest.h>

namespace crmsync::imap {
namespace {

TEST(SurveyTokenFinderTest, FindsTheTokenInTheSurveyLink) {
  EXPECT_EQ(SurveyTokenFinder::find("> Rate us: https://shop.example/s/Ab3_x-9QrT5uVw7Yz1\n"),
            "Ab3_x-9QrT5uVw7Yz1");
}

TEST(SurveyTokenFinderTest, FindsTheTokenLine) {
  EXPECT_EQ(SurveyTokenFinder::find("Thanks\n> Survey-Token: ZZZZ0000yyyy1111xx\n"), "ZZZZ0000yyyy1111xx");
}

TEST(SurveyTokenFinderTest, IgnoresShortRunsAndOtherPaths) {
  EXPECT_EQ(SurveyTokenFinder::find("https://shop.example/s/short"), "");
  EXPECT_EQ(SurveyTokenFinder::find("https://shop.example/orders/Ab3_x-9QrT5uVw7Yz1"), "");
}

}  // namespace
}  // namespace crmsync::imap
