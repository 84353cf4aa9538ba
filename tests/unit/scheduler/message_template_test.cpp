#include "daemon/scheduler/message_template.hpp"

#include <gtest/gtest.h>

namespace crmsync::scheduler {
namespace {

const std::map<std::string, std::string> kValues{{"customer_name", "O'Brien & <Sons>"},
                                                 {"order_number", "SO-1"},
                                                 {"survey_link", "https://x.example/s/T"},
                                                 {"unsubscribe_link", "https://x.example/u/T"}};

TEST(MessageTemplateTest, FillsPlaceholdersAndEscapesOnlyForHtml) {
  EXPECT_EQ(MessageTemplate::fill("Dear {{ customer_name }}", kValues, false, "t"), "Dear O'Brien & <Sons>");
  EXPECT_EQ(MessageTemplate::fill("<p>{{customer_name}}</p>", kValues, true, "t"),
            "<p>O&#39;Brien &amp; &lt;Sons&gt;</p>");
}

TEST(MessageTemplateTest, UnknownPlaceholderNamesTheTemplate) {
  try {
    (void)MessageTemplate::fill("{{coupon}}", kValues, false, "nps_survey.en.txt");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "nps_survey.en.txt: unknown placeholder {{coupon}}");
  }
}

TEST(MessageTemplateTest, ShippedChineseNpsSurveyRendersWithLinks) {
  const MessageTemplate templates(std::string(CRMSYNC_SOURCE_DIR) + "/config/templates");
  const auto message = templates.render("nps_survey", "zh", kValues);
  EXPECT_EQ(message.subject, "您愿意向朋友推荐我们吗？（订单 SO-1）");
  EXPECT_NE(message.text_body.find("https://x.example/s/T?score=10"), std::string::npos);
  EXPECT_NE(message.html_body.find("https://x.example/u/T"), std::string::npos);
}

TEST(MessageTemplateTest, LanguageWithoutTemplatesFallsBackToEnglish) {
  const MessageTemplate templates(std::string(CRMSYNC_SOURCE_DIR) + "/config/templates");
  EXPECT_EQ(templates.render("csat_survey", "fr", kValues).subject,
            "How satisfied were you with order SO-1?");
}

}  // namespace
}  // namespace crmsync::scheduler
