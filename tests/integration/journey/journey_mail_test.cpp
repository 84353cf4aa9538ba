// The journey end to end with real mail servers (aiosmtpd and Dovecot, started
// by ctest): a delivered order gets its survey by SMTP after the delay, a
// reply read back over IMAP lands in feedback and nps_by_segment, a
// suppressed customer gets nothing, and a worker killed with SIGKILL between
// send and record resends only that one message, with the same Message-ID.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <soci/soci.h>
#include <sys/wait.h>
#include <unistd.h>

#include "daemon/model/record_normalizer.hpp"
#include "daemon/scheduler/message_template.hpp"
#include "daemon/scheduler/outbox_delivery.hpp"
#include "daemon/scheduler/reminder_planner.hpp"
#include "daemon/scheduler/reply_linker.hpp"
#include "daemon/scheduler/suppression_list.hpp"
#include "daemon/scheduler/survey_planner.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/migration_runner.hpp"
#include "imap_connector.hpp"
#include "mail_test_support.hpp"
#include "smtp_connector.hpp"

namespace crmsync::scheduler {
namespace {

using namespace std::chrono_literals;
using mail_testing::MailServers;

class TestClock final : public sdk::Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return now_; }
  void set(std::chrono::sys_seconds at) { now_ = at; }
  void advance(std::chrono::seconds by) { now_ += by; }

 private:
  std::chrono::system_clock::time_point now_;
};

// Delivers through the real connector, then dies like `kill -9` would:
// after the server took the message, before the outbox recorded it.
class DyingChannel final : public sdk::ActionConnector {
 public:
  explicit DyingChannel(sdk::ActionConnector& real) : real_(real) {}
  sdk::Status deliver(const sdk::Action& action) override {
    (void)real_.deliver(action);
    std::raise(SIGKILL);
    return sdk::Status::failure("unreachable");
  }

 private:
  sdk::ActionConnector& real_;
};

// Monday 2026-11-23 02:00 UTC: 10:00 in Shanghai. Two days later is a Wednesday morning there.
constexpr auto kMondayMorningShanghai = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + 2h;

class JourneyMailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    servers_ = MailServers::from_environment();
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    directory_ = std::filesystem::path(CRMSYNC_BINARY_DIR) / "journey-mail" / name;
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    url_ = "sqlite://" + (directory_ / "crmsync.db").string();
    database_ = store::Database::open(url_);
    store::MigrationRunner(*database_).run();
    clock_.set(kMondayMorningShanghai);

    journey_.enabled = true;
    journey_.surveys.push_back({"after_delivery", {"delivered"}, {}, "nps", 48h, "mail", "nps_survey"});
    journey_.public_url = "https://crm.shop.example";
    // Each test its own database, so its own Message-IDs: they share the SMTP spool.
    journey_.message_domain = name + ".crm.shop.example";
    journey_.lease = 10min;

    const auto options =
        mail_testing::options({{"url", "smtps://127.0.0.1:" + std::to_string(servers_.smtp_port + 1)},
                               {"tls", "implicit"},
                               {"ca_file", servers_.smtp_ca_file()},
                               {"username", mail_testing::kSmtpUser},
                               {"password", mail_testing::kSmtpPassword},
                               {"from", "surveys@shop.example"},
                               {"from_name", "Shop 客服"},
                               {"timeout", "20s"}});
    ASSERT_TRUE(smtp_.validate(options).empty());
    mail_ = smtp_.create_action({"mail", options, {&logger_, nullptr, nullptr, nullptr}});
    ASSERT_TRUE(mail_);

    mailbox_ = std::make_unique<mail_testing::TestMailbox>(servers_, "journey-" + name);
    mailbox_->recreate();
  }

  std::unique_ptr<store::BatchWriter> writer(store::Database& database) {
    auto made = std::make_unique<store::BatchWriter>(database);
    made->add_observer(&replies_);
    made->add_observer(&surveys_);
    made->add_observer(&reminders_);
    return made;
  }

  void store_delivered_order(const std::string& customer, const std::string& email,
                             const std::string& order) {
    const model::RecordNormalizer normalizer(model::NormalizerSettings{"CN", "CNY", "Asia/Shanghai"});
    store::BatchWrite batch;
    batch.instance = "shop";
    batch.stream = "records";
    sdk::RawRecord person{customer,
                          sdk::EntityType::customer,
                          {{"name", "王芳"}, {"email", email}, {"country", "CN"}},
                          {},
                          "{\"c\":\"" + customer + "\"}",
                          false,
                          "customers:" + customer};
    sdk::RawRecord placed{order,
                          sdk::EntityType::order,
                          {{"customer_ref", customer},
                           {"order_number", "A-" + order},
                           {"status", "Delivered"},
                           {"total", "880.00"}},
                          {},
                          "{\"o\":\"" + order + "\"}",
                          false,
                          "orders:" + order};
    for (const auto& raw : {person, placed}) {
      auto normalized = normalizer.normalize(raw);
      ASSERT_TRUE(normalized) << normalized.error();
      batch.records.push_back(std::move(normalized).value());
    }
    writer(*database_)->write(batch);
  }

  DeliveryCounts deliver(sdk::ActionConnector& channel, const std::string& worker = "worker-1") {
    return OutboxDelivery(*database_, journey_, templates_, {{"mail", &channel}}, clock_, worker)
        .deliver_due();
  }

  std::string text(const std::string& query) {
    std::string value;
    soci::indicator indicator = soci::i_null;
    database_->session() << query, soci::into(value, indicator);
    return indicator == soci::i_ok ? value : "NULL";
  }

  // How many messages with this Message-ID the SMTP server holds.
  int copies_received(const std::string& message_id) {
    std::this_thread::sleep_for(500ms);  // the server writes after it answered
    int copies = 0;
    for (const auto& entry : std::filesystem::directory_iterator(servers_.smtp_dir / "spool")) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path());
      const auto headers = nlohmann::json::parse(in).at("headers");
      if (headers.contains("message-id") && headers.at("message-id").get<std::string>() == message_id)
        ++copies;
    }
    return copies;
  }

  MailServers servers_;
  std::filesystem::path directory_;
  std::string url_;
  std::unique_ptr<store::Database> database_;
  TestClock clock_;
  config::JourneyConfig journey_;
  SurveyTokenSigner signer_{"end-to-end signing key 0123456789"};
  MessageTemplate templates_{std::string(CRMSYNC_SOURCE_DIR) + "/config/templates"};
  ReplyLinker replies_{signer_};
  SurveyPlanner surveys_{journey_, signer_, clock_};
  ReminderPlanner reminders_{journey_, clock_};
  smtp::SmtpConnector smtp_;
  imap::ImapConnector imap_;
  mail_testing::CapturingLogger logger_;
  std::unique_ptr<sdk::ActionConnector> mail_;
  std::unique_ptr<mail_testing::TestMailbox> mailbox_;
};

TEST_F(JourneyMailTest, DeliveredOrderIsSurveyedAndTheReplyShowsInNpsBySegment) {
  store_delivered_order("c1", "wang@example.cn", "o1");
  EXPECT_EQ(deliver(*mail_).sent, 0);  // the delay has not passed
  clock_.advance(48h);
  ASSERT_EQ(deliver(*mail_).sent, 1);
  const std::string message_id = text("SELECT message_id FROM outbox");
  const std::string token = text("SELECT survey_token FROM outbox");
  const auto received = mail_testing::received_message(servers_, message_id);
  ASSERT_TRUE(received) << "the SMTP server never got " << message_id;
  const auto& headers = received->at("headers");
  EXPECT_EQ(received->at("rcpt_tos"), nlohmann::json::array({"wang@example.cn"}));
  EXPECT_EQ(headers.at("subject"), "您愿意向朋友推荐我们吗？（订单 A-o1）");
  EXPECT_NE(headers.at("list-unsubscribe").get<std::string>().find("https://crm.shop.example/u/" + token),
            std::string::npos);
  EXPECT_EQ(headers.at("list-unsubscribe-post"), "List-Unsubscribe=One-Click");

  // The customer answers the mail; the imap connector reads it back.
  mailbox_->append(
      "From: =?UTF-8?B?546L6Iqz?= <wang@example.cn>\r\nTo: surveys@shop.example\r\n"
      "Subject: Re: survey\r\nMessage-ID: <reply-1@example.cn>\r\nIn-Reply-To: " +
      message_id +
      "\r\nDate: Wed, 25 Nov 2026 11:00:00 +0800\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
      "9\r\nGreat service, thank you.\r\n");
  const auto options = mail_testing::options({{"url", mailbox_->url()},
                                              {"tls", "implicit"},
                                              {"ca_file", servers_.imap_ca_file()},
                                              {"username", mail_testing::kImapUser},
                                              {"password", mail_testing::kImapPassword}});
  auto inbox = imap_.create_source({"replies", options, {&logger_, nullptr, nullptr, nullptr}});
  ASSERT_TRUE(inbox);
  mail_testing::RecordingSink sink;
  const auto stream = inbox->streams().front().name;
  ASSERT_TRUE(inbox->read(stream, "", sink).ok());
  const model::RecordNormalizer normalizer(model::NormalizerSettings{});
  store::BatchWrite batch;
  batch.instance = "replies";
  batch.stream = stream;
  for (const auto& raw : sink.records()) {
    auto normalized = normalizer.normalize(raw);
    ASSERT_TRUE(normalized) << normalized.error();
    batch.records.push_back(std::move(normalized).value());
  }
  ASSERT_EQ(batch.records.size(), 1U);
  writer(*database_)->write(batch);

  EXPECT_EQ(text("SELECT kind || ' ' || score || ' ' || order_number FROM feedback_unified WHERE instance = "
                 "'replies'"),
            "nps 9 A-o1");
  EXPECT_EQ(
      text("SELECT responses || '/' || promoters || '/' || nps FROM nps_by_segment WHERE country = 'CN'"),
      "1/1/100.0");
}

TEST_F(JourneyMailTest, SuppressedCustomerIsNeverReached) {
  store_delivered_order("c2", "li@example.cn", "o2");
  {
    soci::transaction transaction(database_->session());
    SuppressionList(*database_)
        .add("li@example.cn", std::nullopt, "opted_out", "crm", "2026-11-23T00:00:00Z");
    transaction.commit();
  }
  clock_.advance(48h);
  EXPECT_EQ(deliver(*mail_).suppressed, 1);
  for (const auto& entry : std::filesystem::directory_iterator(servers_.smtp_dir / "spool")) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    EXPECT_NE(nlohmann::json::parse(in).at("rcpt_tos"), nlohmann::json::array({"li@example.cn"}));
  }
}

TEST_F(JourneyMailTest, WorkerKilledBetweenSendAndRecordResendsOnlyThatMessageWithTheSameMessageId) {
  store_delivered_order("c3", "zhao@example.cn", "o3");
  store_delivered_order("c4", "qian@example.cn", "o4");
  clock_.advance(48h);
  database_.reset();  // the child opens its own session, as a separate process would
  const pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    auto database = store::Database::open(url_);
    DyingChannel dying(*mail_);
    OutboxDelivery(*database, journey_, templates_, {{"mail", &dying}}, clock_, "doomed").deliver_due(1);
    _exit(0);  // not reached: SIGKILL inside deliver()
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the delivering child ended otherwise: status " << status;

  database_ = store::Database::open(url_);  // "restart"
  EXPECT_EQ(text("SELECT COUNT(*) FROM outbox WHERE status = 'leased'"), "1");
  EXPECT_EQ(deliver(*mail_, "restarted").sent, 1);  // the other row; the lost one waits out its lease
  clock_.advance(11min);
  EXPECT_EQ(deliver(*mail_, "restarted").sent, 1);
  EXPECT_EQ(text("SELECT COUNT(*) FROM outbox WHERE status = 'sent'"), "2");
  std::string resent = text("SELECT message_id FROM outbox WHERE attempts = 2");
  std::string once = text("SELECT message_id FROM outbox WHERE attempts = 1");
  EXPECT_EQ(copies_received(resent), 2);  // the documented one-message window, same Message-ID
  EXPECT_EQ(copies_received(once), 1);
}

TEST_F(JourneyMailTest, FatigueCapAndQuietHoursHoldAcrossARestart) {
  store_delivered_order("c5", "sun@example.cn", "o5");
  clock_.advance(48h);
  ASSERT_EQ(deliver(*mail_).sent, 1);
  store_delivered_order("c5", "sun@example.cn", "o6");  // a second order of the same customer
  database_ = store::Database::open(url_);              // restart: nothing held in memory
  clock_.advance(48h);
  EXPECT_EQ(deliver(*mail_, "after-restart").skipped, 1);

  clock_.advance(std::chrono::days(31) + 10h);  // now 20:00 in Shanghai
  store_delivered_order("c5", "sun@example.cn", "o7");
  clock_.advance(48h);
  EXPECT_EQ(deliver(*mail_, "after-restart").postponed, 1);
  database_ = store::Database::open(url_);      // another restart
  EXPECT_EQ(deliver(*mail_, "again").sent, 0);  // still the quiet night in Shanghai
  clock_.advance(13h);                          // 09:00 there
  EXPECT_EQ(deliver(*mail_, "again").sent, 1);
}

}  // namespace
}  // namespace crmsync::scheduler
