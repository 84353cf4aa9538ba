// Planning, delivery and reply linking against the real database engines.
#include <chrono>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "daemon/config/journey_config.hpp"
#include "daemon/scheduler/message_template.hpp"
#include "daemon/scheduler/outbox_delivery.hpp"
#include "daemon/scheduler/outbox_listing.hpp"
#include "daemon/scheduler/outbox_store.hpp"
#include "daemon/scheduler/reminder_planner.hpp"
#include "daemon/scheduler/reply_linker.hpp"
#include "daemon/scheduler/suppression_list.hpp"
#include "daemon/scheduler/survey_planner.hpp"
#include "daemon/scheduler/survey_token_signer.hpp"
#include "daemon/scheduler/tier_assigner.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/migration_runner.hpp"
#include "daemon/store/utc_timestamp.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/test_database.hpp"
#include "tests/integration/store/test_records.hpp"

namespace crmsync::scheduler {
namespace {

using namespace std::chrono_literals;
using store::testing::Backend;
using store::testing::DatabaseProbe;
using store::testing::TestDatabase;

struct BackendName {
  std::string operator()(const ::testing::TestParamInfo<Backend>& param_info) const {
    return store::testing::to_string(param_info.param);
  }
};

class TestClock final : public sdk::Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return now_; }
  void set(std::chrono::sys_seconds at) { now_ = at; }
  void advance(std::chrono::seconds by) { now_ += by; }

 private:
  std::chrono::system_clock::time_point now_;
};

// An action connector that keeps what it was asked to deliver.
class RecordingChannel final : public sdk::ActionConnector {
 public:
  sdk::Status deliver(const sdk::Action& action) override {
    delivered.push_back(action);
    if (!answers.empty()) {
      auto answer = answers.front();
      answers.erase(answers.begin());
      return answer;
    }
    return sdk::Status::success();
  }
  std::vector<sdk::Action> delivered;
  std::vector<sdk::Status> answers;  // in order; success once used up
};

// Tuesday 2026-11-24 10:00 UTC: 11:00 in Berlin, where the test customers live.
constexpr auto kTuesdayMorning = std::chrono::sys_days{std::chrono::year{2026} / 11 / 24} + 10h;

config::JourneyConfig test_journey() {
  config::JourneyConfig journey;
  journey.enabled = true;
  config::SurveyRule rule;
  rule.name = "after_delivery";
  rule.order_statuses = {"delivered", "completed"};
  rule.delay = 48h;
  rule.channel = "mail";
  journey.surveys.push_back(rule);
  journey.reminders.channel = "mail";
  journey.reminders.owner_fallback = "sales@example.com";
  journey.reminders.cadences.push_back({"gold", std::chrono::days(30)});
  journey.public_url = "https://crm.example.com/";
  journey.message_domain = "crm.example.com";
  journey.retry_backoff = 5min;
  journey.max_attempts = 3;
  return journey;
}

class JourneyStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    try {
      database_ = TestDatabase::create(GetParam(), name);
    } catch (const std::exception& error) {
      FAIL() << "no " << store::testing::to_string(GetParam()) << " database for this test: " << error.what();
    }
    store::MigrationRunner(*database_).run();
    clock_.set(kTuesdayMorning);
    writer_ = std::make_unique<store::BatchWriter>(*database_);
    writer_->add_observer(&replies_);
    writer_->add_observer(&surveys_);
    writer_->add_observer(&reminders_);
  }

  DatabaseProbe probe() { return DatabaseProbe(*database_); }

  // Customer "c1" of instance "shop" and its order "o1" with `status`.
  void store_order(const std::string& status, const std::string& version = "v1",
                   const std::string& customer = "c1", const std::string& order_id = "o1") {
    auto b = store::testing::batch("shop", "records", "");
    b.records.push_back(store::testing::customer_record(customer, "Anna Schmidt", customer + "@example.de"));
    model::Order order;
    order.customer_ref = customer;
    order.order_number = "SO-" + order_id;
    order.status = status;
    order.currency = "EUR";
    order.total = store::testing::decimal("120.00");
    order.ordered_at = std::chrono::floor<std::chrono::seconds>(clock_.now()) - std::chrono::days(10);
    b.records.push_back(store::testing::order_record(order_id, order, version + status));
    writer_->write(b);
  }

  OutboxDelivery delivery(const std::string& worker = "worker-1") {
    return OutboxDelivery(*database_, journey_, templates_, {{"mail", &channel_}}, clock_, worker);
  }

  config::JourneyConfig journey_ = test_journey();
  SurveyTokenSigner signer_{"a signing key for the tests only"};
  TestClock clock_;
  MessageTemplate templates_{std::string(CRMSYNC_SOURCE_DIR) + "/config/templates"};
  RecordingChannel channel_;
  ReplyLinker replies_{signer_};
  SurveyPlanner surveys_{journey_, signer_, clock_};
  ReminderPlanner reminders_{journey_, clock_};
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<store::BatchWriter> writer_;
};

TEST_P(JourneyStoreTest, MigrationCreatesOutboxSuppressionAndTheJourneyViews) {
  EXPECT_EQ(probe().count("outbox"), 0);
  EXPECT_EQ(probe().count("suppression"), 0);
  EXPECT_EQ(probe().count("orders_unified"), 0);
  EXPECT_EQ(probe().count("feedback_unified"), 0);
  EXPECT_EQ(probe().count("nps_by_segment"), 0);
}

TEST_P(JourneyStoreTest, DeliveredOrderPlansOneSurveyAfterTheDelayHoweverOftenItIsResent) {
  store_order("shipped");
  EXPECT_EQ(probe().count("outbox"), 0);
  store_order("delivered");
  store_order("delivered", "v2");  // the source sends the order again with another change
  EXPECT_EQ(probe().count("outbox"), 1);
  EXPECT_EQ(probe().text("SELECT due_at FROM outbox"), "2026-11-26T10:00:00Z");
  EXPECT_EQ(probe().text("SELECT status FROM outbox"), "pending");
  EXPECT_EQ(probe().text("SELECT language FROM outbox"), "en");
  EXPECT_EQ(probe().count("orders_unified", "status = 'delivered' AND order_number = 'SO-o1'"), 1);
}

TEST_P(JourneyStoreTest, SurveyIsSentOnlyOnceDueWithStableMessageIdAndSignedLinks) {
  store_order("delivered");
  EXPECT_EQ(delivery().deliver_due().sent, 0);  // not due for 48 hours
  clock_.advance(48h);
  EXPECT_EQ(delivery().deliver_due().sent, 1);
  ASSERT_EQ(channel_.delivered.size(), 1U);
  const auto& fields = channel_.delivered.front().fields;
  EXPECT_EQ(fields.at("to"), "c1@example.de");
  EXPECT_EQ(fields.at("subject"), "How likely are you to recommend us? (order SO-o1)");
  const std::string token = probe().text("SELECT survey_token FROM outbox");
  EXPECT_TRUE(
      signer_.verify(token, "survey:after_delivery:order:" + probe().text("SELECT order_id FROM outbox")));
  EXPECT_EQ(fields.at("unsubscribe_url"), "https://crm.example.com/u/" + token);
  EXPECT_NE(fields.at("text_body").find("https://crm.example.com/s/" + token + "?score=10"),
            std::string::npos);
  EXPECT_EQ(fields.at("message_id"), probe().text("SELECT message_id FROM outbox"));
  EXPECT_TRUE(fields.at("message_id").ends_with("@crm.example.com>"));
  EXPECT_EQ(probe().text("SELECT status FROM outbox"), "sent");
  EXPECT_EQ(probe().text("SELECT sent_at FROM outbox"), "2026-11-26T10:00:00Z");
  EXPECT_EQ(delivery().deliver_due().sent, 0);  // nothing twice
  EXPECT_EQ(channel_.delivered.size(), 1U);
}

TEST_P(JourneyStoreTest, SuppressedCustomerGetsNothingEvenWhenSuppressedAfterPlanning) {
  store_order("delivered");
  {
    soci::transaction transaction(database_->session());
    SuppressionList(*database_)
        .add("C1@example.de", std::nullopt, "unsubscribed", "test", "2026-11-24T10:00:00Z");
    transaction.commit();
  }
  clock_.advance(48h);
  EXPECT_EQ(delivery().deliver_due().suppressed, 1);
  EXPECT_TRUE(channel_.delivered.empty());
  EXPECT_EQ(probe().text("SELECT status FROM outbox"), "suppressed");
}

TEST_P(JourneyStoreTest, FatigueCapSkipsASecondSurveyWithinThirtyDaysOfTheFirstSend) {
  store_order("delivered", "v1", "c1", "o1");
  clock_.advance(48h);
  EXPECT_EQ(delivery().deliver_due().sent, 1);
  store_order("delivered", "v1", "c1", "o2");
  clock_.advance(48h);
  EXPECT_EQ(delivery().deliver_due().skipped, 1);
  EXPECT_EQ(channel_.delivered.size(), 1U);
  EXPECT_NE(probe().text("SELECT last_error FROM outbox WHERE status = 'skipped'").find("fatigue cap"),
            std::string::npos);
  clock_.advance(std::chrono::days(30));  // o3 is delivered past the cap: surveyed again
  store_order("delivered", "v1", "c1", "o3");
  clock_.advance(48h);
  EXPECT_EQ(delivery().deliver_due().sent, 1);
}

TEST_P(JourneyStoreTest, QuietHoursMoveTheSendToNineInTheCustomersMorning) {
  clock_.set(std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + 20h);  // Sunday 21:00 in Berlin
  store_order("delivered");
  clock_.advance(48h);  // Tuesday 21:00 Berlin: quiet
  EXPECT_EQ(delivery().deliver_due().postponed, 1);
  EXPECT_TRUE(channel_.delivered.empty());
  EXPECT_EQ(probe().text("SELECT due_at FROM outbox"), "2026-11-25T08:00:00Z");  // 09:00 Berlin
  clock_.set(std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + 8h);
  EXPECT_EQ(delivery().deliver_due().sent, 1);
}

TEST_P(JourneyStoreTest, RetryBacksOffAndFailsWithItsReasonAfterTheLastAttempt) {
  store_order("delivered");
  clock_.advance(48h);
  channel_.answers = {sdk::Status::retry_after(0ms, "421 try later"),
                      sdk::Status::retry_after(0ms, "421 again"), sdk::Status::retry_after(0ms, "421 still")};
  EXPECT_EQ(delivery().deliver_due().retried, 1);
  EXPECT_EQ(probe().text("SELECT due_at FROM outbox"), "2026-11-26T10:05:00Z");
  clock_.advance(5min);
  EXPECT_EQ(delivery().deliver_due().retried, 1);
  EXPECT_EQ(probe().text("SELECT due_at FROM outbox"), "2026-11-26T10:15:00Z");  // doubled
  clock_.advance(10min);
  EXPECT_EQ(delivery().deliver_due().failed, 1);
  EXPECT_EQ(probe().text("SELECT status FROM outbox"), "failed");
  EXPECT_EQ(probe().text("SELECT attempts FROM outbox"), "3");
  EXPECT_NE(probe().text("SELECT last_error FROM outbox").find("421 still"), std::string::npos);
}

TEST_P(JourneyStoreTest, OutboxListingShowsFailedRowsWithTheirReasonAndCountsTheSent) {
  store_order("delivered", "v1", "c1", "o1");
  store_order("delivered", "v1", "c2", "o2");
  clock_.advance(48h);
  channel_.answers = {sdk::Status::failure("550 mailbox unavailable"), sdk::Status::success()};
  delivery().deliver_due();
  std::ostringstream listing;
  EXPECT_EQ(OutboxListing(*database_).print(listing), 1);
  EXPECT_NE(listing.str().find("failed"), std::string::npos) << listing.str();
  EXPECT_NE(listing.str().find("550 mailbox unavailable"), std::string::npos);
  EXPECT_NE(listing.str().find("1 sent"), std::string::npos);
}

TEST_P(JourneyStoreTest, RowLeftLeasedByACrashedWorkerIsSentAgainWithTheSameMessageId) {
  store_order("delivered");
  clock_.advance(48h);
  OutboxStore outbox(*database_);
  // A worker claimed the row, sent it and died before recording it.
  ASSERT_EQ(
      outbox.claim_due(std::chrono::floor<std::chrono::seconds>(clock_.now()), "crashed", 10min, 10).size(),
      1U);
  EXPECT_EQ(delivery().deliver_due().sent, 0);  // the lease still holds
  clock_.advance(11min);
  EXPECT_EQ(delivery("worker-2").deliver_due().sent, 1);
  ASSERT_EQ(channel_.delivered.size(), 1U);
  EXPECT_EQ(channel_.delivered.front().fields.at("message_id"),
            probe().text("SELECT message_id FROM outbox"));
  // The crashed worker's late record cannot overwrite the new owner's.
  EXPECT_FALSE(
      outbox.mark_sent(1, "crashed", "<other@x>", std::chrono::floor<std::chrono::seconds>(clock_.now())));
}

TEST_P(JourneyStoreTest, TwoWorkersNeverClaimTheSameRow) {
  for (int i = 1; i <= 6; ++i)
    store_order("delivered", "v1", "c" + std::to_string(i), "o" + std::to_string(i));
  const auto now = std::chrono::floor<std::chrono::seconds>(clock_.now()) + 48h;
  auto other = store::Database::open(
      TestDatabase::url(GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name()));
  const auto first = OutboxStore(*database_).claim_due(now, "a", 10min, 4);
  const auto second = OutboxStore(*other).claim_due(now, "b", 10min, 4);
  EXPECT_EQ(first.size(), 4U);
  EXPECT_EQ(second.size(), 2U);
  std::set<long long> all(first.begin(), first.end());
  all.insert(second.begin(), second.end());
  EXPECT_EQ(all.size(), 6U);
}

TEST_P(JourneyStoreTest, ReplyToTheSurveyIsLinkedScoredAndCountedInNpsBySegment) {
  store_order("delivered");
  clock_.advance(48h);
  ASSERT_EQ(delivery().deliver_due().sent, 1);
  const std::string message_id = probe().text("SELECT message_id FROM outbox");
  auto b = store::testing::batch("mailbox", "replies", "uid:7");
  model::Feedback reply;
  reply.in_reply_to = message_id;
  reply.from_email = "someone-else@example.org";
  reply.score = 9;
  reply.kind = "note";
  reply.comment = "great service";
  b.records.push_back(store::testing::feedback_record("reply-7", reply));
  writer_->write(b);
  EXPECT_EQ(probe().text("SELECT kind FROM feedback_unified WHERE external_id = 'reply-7'"), "nps");
  EXPECT_EQ(probe().text("SELECT order_number FROM feedback_unified WHERE external_id = 'reply-7'"), "SO-o1");
  EXPECT_EQ(probe().text("SELECT responses FROM nps_by_segment WHERE tier = 'gold' AND country = 'DE'"), "1");
  EXPECT_EQ(probe().text("SELECT promoters FROM nps_by_segment WHERE tier = 'gold' AND country = 'DE'"), "1");
}

TEST_P(JourneyStoreTest, ReplyIsFoundThroughReferencesOrAQuotedTokenButNotAForgedOne) {
  store_order("delivered");
  clock_.advance(48h);
  ASSERT_EQ(delivery().deliver_due().sent, 1);
  const std::string message_id = probe().text("SELECT message_id FROM outbox");
  const std::string token = probe().text("SELECT survey_token FROM outbox");
  auto b = store::testing::batch("mailbox", "replies", "uid:9");
  model::Feedback by_references;
  by_references.references = "<older@elsewhere> " + message_id;
  by_references.kind = "note";  // as the normaliser sets it for a reply without a kind
  by_references.score = 10;
  b.records.push_back(store::testing::feedback_record("reply-9", by_references));
  model::Feedback by_token;
  by_token.survey_token = token;
  by_token.kind = "note";
  by_token.score = 8;
  b.records.push_back(store::testing::feedback_record("reply-10", by_token));
  model::Feedback forged;
  forged.survey_token = token.substr(1) + "A";
  forged.kind = "note";
  forged.score = 0;
  b.records.push_back(store::testing::feedback_record("reply-11", forged));
  writer_->write(b);
  EXPECT_EQ(probe().text("SELECT kind FROM feedback_unified WHERE external_id = 'reply-9'"), "nps");
  EXPECT_EQ(probe().text("SELECT kind FROM feedback_unified WHERE external_id = 'reply-10'"), "nps");
  EXPECT_EQ(probe().text("SELECT customer_id FROM feedback_unified WHERE external_id = 'reply-11'"), "NULL");
  EXPECT_EQ(probe().text("SELECT kind FROM feedback_unified WHERE external_id = 'reply-11'"), "note");
}

TEST_P(JourneyStoreTest, UnmatchedReplyLinksBySenderAndDetractorRaisesAnAtRiskReminder) {
  store_order("shipped");
  auto b = store::testing::batch("mailbox", "replies", "uid:8");
  model::Feedback reply;
  reply.from_email = "c1@example.de";
  reply.in_reply_to = "<unknown@elsewhere>";
  reply.kind = "nps";
  reply.score = 3;
  b.records.push_back(store::testing::feedback_record("reply-8", reply));
  writer_->write(b);
  EXPECT_EQ(probe().count("feedback", "customer_id IS NOT NULL"), 1);
  EXPECT_EQ(probe().count("outbox", "rule = 'at_risk' AND kind = 'reminder_email'"), 1);
  EXPECT_EQ(delivery().deliver_due().sent, 1);
  EXPECT_EQ(channel_.delivered.front().fields.at("to"), "sales@example.com");  // no owner: the fallback
}

TEST_P(JourneyStoreTest, ComplaintBecomesATaskForTheOwnerInTheCrmTheCustomerCameFrom) {
  journey_.reminders.kind = "reminder_task";
  journey_.reminders.channel = "shop";  // the CRM instance the customer and complaint came from
  store_order("shipped");
  auto b = store::testing::batch("shop", "records", "");
  model::Feedback complaint;
  complaint.customer_ref = "c1";
  complaint.kind = "complaint";
  complaint.comment = "parcel damaged";
  b.records.push_back(store::testing::feedback_record("f1", complaint));
  writer_->write(b);
  const auto counts =
      OutboxDelivery(*database_, journey_, templates_, {{"shop", &channel_}}, clock_, "worker-1")
          .deliver_due();
  EXPECT_EQ(counts.sent, 1);
  ASSERT_EQ(channel_.delivered.size(), 1U);
  const auto& task = channel_.delivered.front();
  EXPECT_EQ(task.kind, "reminder_task");
  EXPECT_EQ(task.fields.at("customer_ref"), "c1");
  EXPECT_EQ(task.fields.at("owner"), "sales@example.com");
  EXPECT_EQ(task.fields.at("due_at"), "2026-11-24T14:00:00Z");  // within the at-risk 4 hours
  EXPECT_EQ(task.fields.count("to"), 0U);
}

TEST_P(JourneyStoreTest, CadenceSweepRemindsOnceUntilTheNextContact) {
  store_order("shipped");
  // The store stamps a new customer with the wall clock and the planner reads
  // the test's: the customer appears at the test's "now", whatever day it runs.
  const auto appeared = store::UtcTimestamp::format(std::chrono::floor<std::chrono::seconds>(clock_.now()));
  database_->session() << "UPDATE customer SET created_at = '" + appeared + "'";
  EXPECT_EQ(reminders_.sweep(*database_), 0);  // created just now
  clock_.advance(std::chrono::days(31));
  EXPECT_EQ(reminders_.sweep(*database_), 1);
  EXPECT_EQ(reminders_.sweep(*database_), 0);
  EXPECT_EQ(delivery().deliver_due().sent, 1);  // the reminder is itself the last contact now
  clock_.advance(std::chrono::days(31));
  EXPECT_EQ(reminders_.sweep(*database_), 1);
}

TEST_P(JourneyStoreTest, TierFollowsOrderValueInTheWindowUnlessASourceStatesIt) {
  store_order("shipped");
  config::TierRules rules;
  rules.from_source = false;
  rules.rules = {{"vip", 1000, std::chrono::days(365)}, {"key", 100, std::chrono::days(365)}};
  EXPECT_EQ(TierAssigner(rules, clock_).refresh(*database_), 1);
  EXPECT_EQ(probe().text("SELECT tier FROM customer WHERE merged_into IS NULL"), "key");
  EXPECT_EQ(TierAssigner(rules, clock_).refresh(*database_), 0);  // already current
  clock_.advance(std::chrono::days(400));                         // the order left the window
  EXPECT_EQ(TierAssigner(rules, clock_).refresh(*database_), 1);
  EXPECT_EQ(probe().text("SELECT tier FROM customer WHERE merged_into IS NULL"), "NULL");
  rules.from_source = true;  // the shop's record says "gold": the rules leave it alone
  EXPECT_EQ(TierAssigner(rules, clock_).refresh(*database_), 0);
}

TEST_P(JourneyStoreTest, TierCountsOnlyOrdersInTheConfiguredCurrency) {
  store_order("shipped");  // EUR 120.00
  config::TierRules rules;
  rules.from_source = false;
  rules.rules = {{"key", 100, std::chrono::days(365)}};
  rules.currency = "CNY";  // no CNY orders: the source's "gold" gives way to no tier
  EXPECT_EQ(TierAssigner(rules, clock_).refresh(*database_), 1);
  EXPECT_EQ(probe().text("SELECT tier FROM customer WHERE merged_into IS NULL"), "NULL");
  rules.currency = "EUR";
  EXPECT_EQ(TierAssigner(rules, clock_).refresh(*database_), 1);
  EXPECT_EQ(probe().text("SELECT tier FROM customer WHERE merged_into IS NULL"), "key");
}

INSTANTIATE_TEST_SUITE_P(Engines, JourneyStoreTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());

}  // namespace
}  // namespace crmsync::scheduler
