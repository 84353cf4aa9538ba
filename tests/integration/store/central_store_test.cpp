// The same behaviour of the central store on SQLite, PostgreSQL and MariaDB.
#include <chrono>
#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "daemon/store/batch_writer.hpp"
#include "daemon/store/checkpoint_store.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/database_url.hpp"
#include "daemon/store/dead_letter_store.hpp"
#include "daemon/store/migration_catalog.hpp"
#include "daemon/store/migration_runner.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/test_database.hpp"
#include "tests/integration/store/test_records.hpp"

namespace crmsync::store::testing {
namespace {

using std::chrono::sys_days;
using namespace std::chrono_literals;

// Names instances ".../sqlite" etc. (a functor: gtest's macro shadows a lambda's parameter).
struct BackendName {
  std::string operator()(const ::testing::TestParamInfo<Backend>& param_info) const {
    return to_string(param_info.param);
  }
};

std::string current_test_name() {
  return ::testing::UnitTest::GetInstance()->current_test_info()->name();
}

class CentralStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    try {
      database_ = TestDatabase::create(GetParam(), current_test_name());
    } catch (const std::exception& error) {
      FAIL() << "no " << to_string(GetParam()) << " database for this test: " << error.what();
    }
    MigrationRunner(*database_).run();
  }

  BatchOutcome write(const BatchWrite& batch) { return BatchWriter(*database_).write(batch); }
  DatabaseProbe probe() { return DatabaseProbe(*database_); }
  std::string load_cursor(const std::string& instance, const std::string& stream) {
    return CheckpointStore(*database_).load(instance, stream);
  }

  // A BEFORE INSERT trigger that fails for the order numbered FAIL-ME: a
  // database error in the middle of a batch, on every dialect.
  void fail_inserts_of_marked_orders() {
    auto& sql = database_->session();
    switch (GetParam()) {
      case Backend::sqlite:
        sql << "CREATE TRIGGER fail_marked_order BEFORE INSERT ON sales_order"
               " WHEN NEW.order_number = 'FAIL-ME' BEGIN SELECT RAISE(ABORT, 'forced failure'); END";
        break;
      case Backend::postgresql:
        sql << "CREATE FUNCTION fail_marked_order() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
               " IF NEW.order_number = 'FAIL-ME' THEN RAISE EXCEPTION 'forced failure'; END IF;"
               " RETURN NEW; END $$";
        sql << "CREATE TRIGGER fail_marked_order BEFORE INSERT ON sales_order"
               " FOR EACH ROW EXECUTE FUNCTION fail_marked_order()";
        break;
      case Backend::mysql:
        sql << "CREATE TRIGGER fail_marked_order BEFORE INSERT ON sales_order FOR EACH ROW BEGIN"
               " IF NEW.order_number = 'FAIL-ME' THEN"
               " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'forced failure'; END IF; END";
        break;
    }
  }
  void drop_failure_trigger() {
    database_->session() << (GetParam() == Backend::postgresql
                                 ? "DROP TRIGGER fail_marked_order ON sales_order"
                                 : "DROP TRIGGER fail_marked_order");
  }

  std::unique_ptr<Database> database_;
};

model::Order order_for(const std::string& customer_ref, const std::string& number) {
  model::Order order;
  order.customer_ref = customer_ref;
  order.order_number = number;
  order.status = "paid";
  order.currency = "EUR";
  order.ordered_at = sys_days{std::chrono::year{2024} / 5 / 1} + 9h + 30min;
  order.total = decimal("19.90");
  order.lines.push_back({1, "SKU-1", "Widget", decimal("2"), decimal("9.95"), decimal("19.90")});
  return order;
}

model::Feedback nps(const std::string& customer_ref, const std::string& order_ref, int score) {
  model::Feedback feedback;
  feedback.customer_ref = customer_ref;
  feedback.order_ref = order_ref;
  feedback.kind = "nps";
  feedback.score = score;
  feedback.comment = "fine";
  feedback.received_at = sys_days{std::chrono::year{2024} / 5 / 3};
  return feedback;
}

int latest_version(Dialect dialect) {
  return MigrationCatalog(dialect, "utf8mb4_bin").latest_version();
}

TEST_P(CentralStoreTest, MigrationsAreIdempotent) {
  MigrationRunner runner(*database_);
  const int latest = latest_version(database_->dialect());
  EXPECT_EQ(runner.current_version(), latest);
  const std::string before = probe().snapshot();
  EXPECT_TRUE(runner.run().empty());
  EXPECT_TRUE(runner.run().empty());
  EXPECT_EQ(runner.current_version(), latest);
  EXPECT_EQ(probe().snapshot(), before);
  EXPECT_EQ(probe().count("schema_migrations"), latest);
  EXPECT_EQ(probe().text("SELECT name FROM schema_migrations WHERE version = 1"), "core tables");
}

TEST_P(CentralStoreTest, MigrationsStartFromAnEmptyDatabase) {
  const auto fresh = TestDatabase::create(GetParam(), "MigrationsStartFromAnEmptyDatabaseFresh");
  MigrationRunner runner(*fresh);
  EXPECT_EQ(runner.current_version(), 0);
  std::vector<int> all_versions;
  for (int v = 1; v <= latest_version(fresh->dialect()); ++v) all_versions.push_back(v);
  EXPECT_EQ(runner.run(), all_versions);
  EXPECT_EQ(runner.current_version(), all_versions.back());
}

// The foreign keys each engine keeps on the rows the daemon derives, as
// "table>referenced table" lines.
std::string derived_row_references(DatabaseProbe probe, Dialect dialect) {
  const std::string tables = "('identity_key', 'identity_value_keys')";
  switch (dialect) {
    case Dialect::postgresql:
      return probe.rows(
          "SELECT c.conrelid::regclass::text || '>' || c.confrelid::regclass::text FROM pg_constraint c"
          " WHERE c.contype = 'f' AND c.conrelid::regclass::text IN " +
          tables + " ORDER BY 1");
    case Dialect::mysql:
      return probe.rows(
          "SELECT CONCAT(TABLE_NAME, '>', REFERENCED_TABLE_NAME) FROM "
          "information_schema.REFERENTIAL_CONSTRAINTS"
          " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME IN " +
          tables + " ORDER BY 1");
    case Dialect::sqlite:
      return probe.rows(
          "SELECT m.name || '>' || f.\"table\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
          " WHERE m.type = 'table' AND m.name IN " +
          tables + " ORDER BY 1");
  }
  return "";
}

TEST_P(CentralStoreTest, DerivedRowsAreCheckedByForeignKeysOnlyOnSqlite) {
  const std::string references = derived_row_references(probe(), database_->dialect());
  if (database_->dialect() == Dialect::sqlite) {
    EXPECT_EQ(references, "identity_key>source_record\nidentity_value_keys>source_record\n");
  } else {
    EXPECT_EQ(references, "") << "a server checks each derived row by a trigger";
  }
  // Primary data keeps its constraints everywhere.
  EXPECT_THROW(
      database_->session() << "INSERT INTO customer_link (source_record_id, customer_id, match_rule,"
                              " score, linked_at) VALUES (424242, 424242, 'source', 1, '2024-05-01')",
      std::exception);
}

TEST_P(CentralStoreTest, BatchCommitsRecordsAndCursorTogether) {
  auto b = batch("crm_a", "customers", "page-2");
  b.records = {customer_record("C1", "Ada Lovelace", "ada@example.com"),
               customer_record("C2", "Alan Turing")};

  const BatchOutcome outcome = write(b);

  EXPECT_EQ(outcome.inserted, 2U);
  EXPECT_EQ(outcome.updated, 0U);
  EXPECT_EQ(outcome.unchanged, 0U);
  EXPECT_EQ(load_cursor("crm_a", "customers"), "page-2");
  EXPECT_EQ(load_cursor("crm_a", "orders"), "");
  auto p = probe();
  EXPECT_EQ(p.count("source_record"), 2);
  EXPECT_EQ(p.count("customer"), 2);
  EXPECT_EQ(p.count("customer_link", "match_rule = 'source' AND score = 1.0"), 2);
  EXPECT_EQ(p.text("SELECT c.primary_email FROM customer c JOIN customer_link l ON l.customer_id = c.id"
                   " JOIN source_record s ON s.id = l.source_record_id WHERE s.external_id = 'C1'"),
            "ada@example.com");
  EXPECT_EQ(p.count("customer_field_source", "field = 'primary_email' AND rule = 'single_source'"), 1);
  EXPECT_EQ(p.count("customer_field_source", "field = 'name'"), 2);

  auto next = batch("crm_a", "customers", "page-3");
  next.records = {customer_record("C3", "Grace Hopper")};
  write(next);
  EXPECT_EQ(load_cursor("crm_a", "customers"), "page-3");
}

TEST_P(CentralStoreTest, ReplayingABatchChangesNothing) {
  auto customers = batch("crm_a", "customers", "c-1");
  customers.records = {customer_record("C1", "Ada Lovelace", "ada@example.com"),
                       customer_record("C2", "Alan Turing")};
  customers.dead_letters = {{"C9", "customers.csv:9", "email is not an address", "C9;nobody"}};
  auto orders = batch("crm_a", "orders", "o-1");
  orders.records = {order_record("O1", order_for("C1", "SO-1")), feedback_record("F1", nps("C1", "O1", 9))};
  write(customers);
  write(orders);
  const std::string before = probe().snapshot();

  const BatchOutcome replayed_customers = write(customers);
  const BatchOutcome replayed_orders = write(orders);

  EXPECT_EQ(replayed_customers.unchanged, 2U);
  EXPECT_EQ(replayed_customers.inserted + replayed_customers.updated + replayed_customers.dead_lettered, 0U);
  EXPECT_EQ(replayed_orders.unchanged, 2U);
  EXPECT_EQ(replayed_orders.inserted + replayed_orders.updated + replayed_orders.dead_lettered, 0U);
  EXPECT_EQ(probe().snapshot(), before);
}

TEST_P(CentralStoreTest, ChangedPayloadUpdatesCustomer) {
  auto first = batch("crm_a", "customers", "1");
  first.records = {customer_record("C1", "Ada Lovelace", "ada@example.com")};
  write(first);
  const std::string customer_id = probe().text("SELECT id FROM customer");

  auto second = batch("crm_a", "customers", "2");
  second.records = {customer_record("C1", "Ada King", "", "v2")};
  const BatchOutcome outcome = write(second);

  EXPECT_EQ(outcome.updated, 1U);
  EXPECT_EQ(outcome.inserted, 0U);
  auto p = probe();
  EXPECT_EQ(p.count("customer"), 1);
  EXPECT_EQ(p.text("SELECT id FROM customer"), customer_id);
  EXPECT_EQ(p.text("SELECT name FROM customer"), "Ada King");
  EXPECT_EQ(p.text("SELECT primary_email FROM customer"), "NULL");
  EXPECT_EQ(p.count("customer_field_source", "field = 'primary_email'"), 0);
  EXPECT_EQ(p.count("customer_field_source", "field = 'name'"), 1);
  EXPECT_EQ(p.text("SELECT payload_hash FROM source_record"), second.records[0].payload_hash);
}

TEST_P(CentralStoreTest, FailedBatchLeavesNoTraceAndKeepsOldCursor) {
  auto first = batch("crm_a", "mixed", "cursor-1");
  first.records = {customer_record("C1", "Ada Lovelace")};
  write(first);
  fail_inserts_of_marked_orders();
  const std::string before = probe().snapshot();

  auto failing = batch("crm_a", "mixed", "cursor-2");
  failing.records = {customer_record("C2", "Alan Turing"), customer_record("C1", "Ada King", "", "v2"),
                     order_record("O1", order_for("C1", "SO-1")),
                     order_record("O2", order_for("C1", "FAIL-ME")), customer_record("C3", "Grace Hopper")};
  failing.dead_letters = {{"X1", "file.csv:3", "bad row", "x"}};
  EXPECT_THROW(write(failing), std::exception);

  EXPECT_EQ(probe().snapshot(), before);
  EXPECT_EQ(load_cursor("crm_a", "mixed"), "cursor-1");
  EXPECT_EQ(probe().text("SELECT name FROM customer"), "Ada Lovelace");

  // The pipeline retries the batch; once the cause is gone it goes through whole.
  drop_failure_trigger();
  const BatchOutcome retried = write(failing);
  EXPECT_EQ(retried.inserted, 4U);
  EXPECT_EQ(retried.updated, 1U);
  EXPECT_EQ(retried.dead_lettered, 1U);
  EXPECT_EQ(load_cursor("crm_a", "mixed"), "cursor-2");
}

TEST_P(CentralStoreTest, ChineseTextRoundTrips) {
  const std::string name = "张伟";
  const std::string company = "北京字节跳动科技有限公司";
  const std::string comment = "服务很好，下次还来！👍 Ünïcödé";
  auto customer = customer_record("客户-001", name, "zhang.wei@例子.中国");
  std::get<model::Customer>(customer.data).company = company;
  std::get<model::Customer>(customer.data).city = "上海";
  auto b = batch("纷享销客", "客户", "游标-1");
  auto feedback = nps("客户-001", "", 10);
  feedback.comment = comment;
  b.records = {customer, feedback_record("反馈-1", feedback)};
  b.dead_letters = {{"客户-404", "合作伙伴.csv:7", "缺少邮箱", "名称=王芳"}};

  write(b);

  auto p = probe();
  EXPECT_EQ(p.text("SELECT name FROM customer"), name);
  EXPECT_EQ(p.text("SELECT company FROM customer"), company);
  EXPECT_EQ(p.text("SELECT city FROM customer"), "上海");
  EXPECT_EQ(p.text("SELECT primary_email FROM customer"), "zhang.wei@例子.中国");
  EXPECT_EQ(p.text("SELECT comment FROM feedback"), comment);
  EXPECT_EQ(p.text("SELECT payload FROM source_record WHERE external_id = '客户-001'"), customer.payload);
  EXPECT_EQ(p.text("SELECT instance FROM source_record WHERE external_id = '客户-001'"), "纷享销客");
  EXPECT_EQ(p.text("SELECT reason FROM dead_letter"), "缺少邮箱");
  EXPECT_EQ(load_cursor("纷享销客", "客户"), "游标-1");
  // Feedback found its customer through the Chinese external id.
  EXPECT_EQ(p.count("feedback", "customer_id IS NOT NULL"), 1);
}

TEST_P(CentralStoreTest, DecimalAmountsStayExact) {
  model::Order order = order_for("C1", "SO-1");
  order.total = decimal("12345678901234.5678");
  order.lines = {
      {1, "A", "tenth", decimal("3"), decimal("0.1"), decimal("0.3")},
      {2, "B", "fifth", decimal("1"), decimal("0.2"), decimal("0.2")},
      {3, "C", "big", decimal("1"), decimal("12345678901234.0678"), decimal("12345678901234.0678")}};
  auto b = batch("erp", "orders", "1");
  b.records = {order_record("O1", order)};
  write(b);

  auto p = probe();
  const auto total = model::Decimal::parse(p.text("SELECT total FROM sales_order"));
  ASSERT_TRUE(total.has_value());
  EXPECT_EQ(*total, decimal("12345678901234.5678")) << total->to_string();
  EXPECT_EQ(*model::Decimal::parse(p.text("SELECT line_total FROM order_line WHERE line_no = 1")),
            decimal("0.3"));
  EXPECT_EQ(*model::Decimal::parse(p.text("SELECT unit_price FROM order_line WHERE line_no = 2")),
            decimal("0.2"));
  EXPECT_EQ(*model::Decimal::parse(p.text("SELECT unit_price FROM order_line WHERE line_no = 3")),
            decimal("12345678901234.0678"));
  if (GetParam() != Backend::sqlite) {
    // Exact arithmetic in the database too: 0.3 + 0.2 + 12345678901234.0678.
    EXPECT_EQ(*model::Decimal::parse(p.text("SELECT SUM(line_total) FROM order_line")),
              decimal("12345678901234.5678"));
    EXPECT_EQ(p.count("order_line", "line_total = 0.3"), 1);
  }
}

TEST_P(CentralStoreTest, AmountsTheColumnCannotHoldAreDeadLettered) {
  model::Order order = order_for("C1", "SO-1");
  order.lines[0].unit_price = decimal("0.00001");  // five places: NUMERIC(20,4) would round it
  model::Order huge = order_for("C1", "SO-2");
  huge.total = decimal("123456789012345678");
  auto b = batch("erp", "orders", "1");
  b.records = {order_record("O1", order), order_record("O2", huge),
               order_record("O3", order_for("C1", "SO-3"))};

  const BatchOutcome outcome = write(b);

  EXPECT_EQ(outcome.inserted, 1U);
  EXPECT_EQ(outcome.dead_lettered, 2U);
  DeadLetterStore letters(*database_);
  const auto recent = letters.recent("erp", 10);
  ASSERT_EQ(recent.size(), 2U);
  EXPECT_NE(recent[0].reason.find("digits"), std::string::npos) << recent[0].reason;
  EXPECT_EQ(load_cursor("erp", "orders"), "1");
}

TEST_P(CentralStoreTest, DeletedRecordIsMarkedNotDropped) {
  auto first = batch("crm_a", "customers", "1");
  first.records = {customer_record("C1", "Ada Lovelace", "ada@example.com")};
  write(first);

  auto deletion = batch("crm_a", "customers", "2");
  deletion.records = {deleted(customer_record("C1", "Ada Lovelace"))};
  const BatchOutcome outcome = write(deletion);

  EXPECT_EQ(outcome.updated, 1U);
  auto p = probe();
  EXPECT_EQ(p.count("source_record", "external_id = 'C1' AND deleted = 1"), 1);
  EXPECT_EQ(p.count("customer"), 1);
  EXPECT_EQ(p.text("SELECT name FROM customer"), "Ada Lovelace");
  EXPECT_EQ(p.count("customer_link"), 1);
  EXPECT_EQ(write(deletion).unchanged, 1U);

  // A record first seen as deleted is kept as a source record too.
  auto unseen = batch("crm_a", "customers", "3");
  unseen.records = {deleted(customer_record("C7", "Nobody"))};
  EXPECT_EQ(write(unseen).inserted, 1U);
  EXPECT_EQ(p.count("source_record", "external_id = 'C7' AND deleted = 1"), 1);
}

TEST_P(CentralStoreTest, OrderLinksToCustomerOfSameInstance) {
  auto crm_a = batch("crm_a", "customers", "a1");
  crm_a.records = {customer_record("C1", "Ada of A")};
  auto crm_b = batch("crm_b", "customers", "b1");
  crm_b.records = {customer_record("C1", "Ada of B")};
  write(crm_a);
  write(crm_b);

  auto orders = batch("crm_b", "orders", "o1");
  orders.records = {order_record("O1", order_for("C1", "SO-1")), order_record("O2", order_for("C2", "SO-2"))};
  write(orders);

  auto p = probe();
  EXPECT_EQ(p.text("SELECT c.name FROM sales_order o JOIN customer c ON c.id = o.customer_id"
                   " WHERE o.order_number = 'SO-1'"),
            "Ada of B");
  // C2 has not arrived yet: the order waits with its reference...
  EXPECT_EQ(p.text("SELECT customer_id FROM sales_order WHERE order_number = 'SO-2'"), "NULL");
  EXPECT_EQ(p.text("SELECT customer_ref FROM sales_order WHERE order_number = 'SO-2'"), "C2");

  // ...feedback about that order waits for it too...
  auto feedback = batch("crm_b", "feedback", "f1");
  feedback.records = {feedback_record("F1", nps("", "O2", 7))};
  write(feedback);
  EXPECT_EQ(p.text("SELECT customer_id FROM feedback"), "NULL");
  EXPECT_EQ(p.text("SELECT order_number FROM feedback f JOIN sales_order o ON o.id = f.order_id"), "SO-2");

  // ...and both are linked when C2 arrives, from crm_b only.
  auto other_instance = batch("crm_a", "customers", "a2");
  other_instance.records = {customer_record("C2", "Someone else in A")};
  write(other_instance);
  EXPECT_EQ(p.text("SELECT customer_id FROM sales_order WHERE order_number = 'SO-2'"), "NULL");
  auto late = batch("crm_b", "customers", "b2");
  late.records = {customer_record("C2", "Carl of B")};
  write(late);
  EXPECT_EQ(p.text("SELECT c.name FROM sales_order o JOIN customer c ON c.id = o.customer_id"
                   " WHERE o.order_number = 'SO-2'"),
            "Carl of B");
  EXPECT_EQ(p.text("SELECT c.name FROM feedback f JOIN customer c ON c.id = f.customer_id"), "Carl of B");
}

TEST_P(CentralStoreTest, DeadLettersAreStored) {
  auto b = batch("partner_csv", "customers", "line-40");
  b.dead_letters = {{"P1", "partners.csv:17", "row has 5 fields, expected 7", "a;b;c;d;e"},
                    {"", "partners.csv:23", "not UTF-8", std::string("caf\xE9;\xFF")}};
  b.records = {customer_record(std::string(300, 'x'), "Too long an id"), customer_record("P2", "Fine")};

  const BatchOutcome outcome = write(b);

  EXPECT_EQ(outcome.dead_lettered, 3U);
  EXPECT_EQ(outcome.inserted, 1U);
  DeadLetterStore letters(*database_);
  EXPECT_EQ(letters.count("partner_csv"), 3U);
  EXPECT_EQ(letters.count("other"), 0U);
  const auto recent = letters.recent("partner_csv", 10);
  ASSERT_EQ(recent.size(), 3U);
  const auto& by_location = [&](const std::string& location) -> const StoredDeadLetter& {
    for (const auto& letter : recent) {
      if (letter.location == location) return letter;
    }
    throw std::runtime_error("no letter from " + location);
  };
  EXPECT_EQ(by_location("partners.csv:17").reason, "row has 5 fields, expected 7");
  EXPECT_EQ(by_location("partners.csv:17").external_id, "P1");
  EXPECT_EQ(by_location("partners.csv:17").stream, "customers");
  EXPECT_EQ(by_location("partners.csv:23").payload, "caf\xEF\xBF\xBD;\xEF\xBF\xBD");
  EXPECT_EQ(by_location("partners.csv:23").external_id, "");
  EXPECT_NE(by_location("test:" + std::string(300, 'x')).reason.find("longer than 255"), std::string::npos);
  EXPECT_EQ(letters.recent("partner_csv", 2).size(), 2U);

  EXPECT_EQ(write(b).dead_lettered, 0U);
  EXPECT_EQ(letters.count("partner_csv"), 3U);
}

TEST_P(CentralStoreTest, ExternalIdsDifferingOnlyInCaseOrTrailingSpaceAreDistinct) {
  auto b = batch("sfdc", "customers", "1");
  b.records = {customer_record("001ab", "Lower"), customer_record("001AB", "Upper"),
               customer_record("001ab ", "Trailing space")};
  EXPECT_EQ(write(b).inserted, 3U);
  EXPECT_EQ(probe().count("customer"), 3);
}

INSTANTIATE_TEST_SUITE_P(store, CentralStoreTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());

// Connecting to the servers: URL passwords are percent-decoded and never shown.
class ServerConnectionTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ServerConnectionTest, PercentEncodedPasswordConnects) {
  const auto url = DatabaseUrl::parse(TestDatabase::server_url(GetParam()));
  ASSERT_NE(url.password().find_first_of("@:/%"), std::string::npos)
      << "the test password should need encoding";
  const auto database = Database::open(url.str());
  EXPECT_EQ(database->display_url().find(url.password()), std::string::npos);
  int one = 0;
  database->session() << "SELECT 1", soci::into(one);
  EXPECT_EQ(one, 1);
}

TEST_P(ServerConnectionTest, FailedLoginNeverShowsThePassword) {
  const std::string server = TestDatabase::server_url(GetParam());
  const std::string scheme = server.substr(0, server.find("://"));
  const auto url = DatabaseUrl::parse(server);
  const std::string wrong_password = "Wr0ng-secret-Pa55";
  const std::string bad_url = scheme + "://crmsync:" + wrong_password + "@" + url.host() + ":" +
                              std::to_string(url.port().value_or(0)) + "/" + url.database();
  try {
    (void)Database::open(bad_url);
    FAIL() << "login with a wrong password succeeded";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.find(wrong_password), std::string::npos) << message;
    EXPECT_NE(message.find("***"), std::string::npos) << message;
  }
}

TEST_P(ServerConnectionTest, LostConnectionIsReopenedBetweenBatches) {
  auto database = TestDatabase::create(GetParam(), "lost_connection");
  MigrationRunner(*database).run();
  // Another session ends ours on the server, as a restart or a network cut would.
  long long own_id = 0;
  const bool postgres = GetParam() == Backend::postgresql;
  database->session() << (postgres ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()"),
      soci::into(own_id);
  {
    auto admin = Database::open(TestDatabase::url(GetParam(), "lost_connection"));
    if (postgres) {
      admin->session() << "SELECT pg_terminate_backend(" + std::to_string(own_id) + ")";
    } else {
      admin->session() << "KILL " + std::to_string(own_id);
    }
  }
  int one = 0;
  EXPECT_ANY_THROW((database->session() << "SELECT 1", soci::into(one))) << "the old session is gone";
  EXPECT_TRUE(database->reconnect_if_lost());
  EXPECT_EQ(CheckpointStore(*database).load("i", "s"), "") << "the new session works";
  EXPECT_FALSE(database->reconnect_if_lost()) << "a live session is kept";
}

TEST_P(ServerConnectionTest, LostReaderConnectionCostsAtMostOneBatch) {
  auto database = TestDatabase::create(GetParam(), "lost_reader");
  MigrationRunner(*database).run();
  BatchWriter writer(*database);
  auto first = batch("crm", "customers", "c1");
  first.records.push_back(customer_record("C1", "Anna Berg", "anna@example.com"));
  writer.write(first);
  // The server drops every other connection of this database: the writer's
  // reader, opened with the first batch, among them.
  DatabaseProbe probe(*database);
  if (GetParam() == Backend::postgresql) {
    EXPECT_NE(probe.text("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                         " WHERE datname = current_database() AND pid <> pg_backend_pid()"),
              "0");
  } else {
    std::istringstream others(probe.rows(
        "SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()"));
    int killed = 0;
    for (std::string id; std::getline(others, id); ++killed) database->session() << "KILL " + id;
    EXPECT_GT(killed, 0) << "the reader connection is gone already";
  }
  auto second = batch("crm", "customers", "c2");
  second.records.push_back(customer_record("C2", "Anna Berg", "anna@example.com"));
  int failures = 0;
  while (true) {
    try {
      writer.write(second);
      break;
    } catch (const std::exception&) {
      ASSERT_EQ(++failures, 1) << "a second failure: the lost connection was not replaced";
    }
  }
  EXPECT_EQ(probe.count("source_record"), 2);
  EXPECT_EQ(probe.text("SELECT COUNT(DISTINCT customer_id) FROM customer_link"), "1")
      << "C2 was matched against C1, committed before the connection was lost";
}

INSTANTIATE_TEST_SUITE_P(store, ServerConnectionTest, ::testing::Values(Backend::postgresql, Backend::mysql),
                         BackendName());

// SQLite only: how a database file is opened.
class SqliteFileTest : public ::testing::TestWithParam<Backend> {};

TEST_P(SqliteFileTest, CreatesTheDirectoryOfANewFileAndUsesWal) {
  const auto dir = std::filesystem::path(CRMSYNC_BINARY_DIR) / "tests/integration/store/sqlite/new-dir";
  std::filesystem::remove_all(dir);
  const auto database = Database::open("sqlite://" + (dir / "sub dir/crmsync.db").string());
  EXPECT_TRUE(std::filesystem::exists(dir / "sub dir/crmsync.db"));
  EXPECT_TRUE(database->shared_with_another()) << "a file: a second connection reads what this one commits";
  std::string journal_mode;
  int foreign_keys = 0;
  database->session() << "PRAGMA journal_mode", soci::into(journal_mode);
  database->session() << "PRAGMA foreign_keys", soci::into(foreign_keys);
  EXPECT_EQ(journal_mode, "wal");
  EXPECT_EQ(foreign_keys, 1);
}

INSTANTIATE_TEST_SUITE_P(store, SqliteFileTest, ::testing::Values(Backend::sqlite), BackendName());

TEST(InMemorySqliteTest, MatchesOnItsOneConnection) {
  // Another connection to ":memory:" would open an empty database of its own.
  const auto database = Database::open("sqlite://:memory:");
  EXPECT_FALSE(database->shared_with_another());
  MigrationRunner(*database).run();
  BatchWriter writer(*database);
  auto first = batch("crm", "customers", "c1");
  first.records.push_back(customer_record("C1", "Anna Berg", "anna@example.com"));
  writer.write(first);
  auto second = batch("crm", "customers", "c2");
  second.records.push_back(customer_record("C2", "Anna Berg", "anna@example.com"));
  EXPECT_EQ(writer.write(second).merged_into_existing, 1U) << "C2 found C1, stored by the batch before";
}

}  // namespace
}  // namespace crmsync::store::testing
