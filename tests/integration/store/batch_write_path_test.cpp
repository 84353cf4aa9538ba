// The set-based write path on every engine: a batch's rows go in a few
// multi-row statements, and what a user reads afterwards is what one row at
// a time would have left: every record, line and link, in order, nothing twice.
#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "daemon/store/batch_writer.hpp"
#include "daemon/store/id_reservation.hpp"
#include "daemon/store/keyed_select.hpp"
#include "daemon/store/row_value.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"
#include "tests/integration/store/test_records.hpp"

namespace crmsync::store::testing {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;

model::Order order_of(const std::string& customer_ref, const std::string& number, int lines) {
  model::Order order;
  order.customer_ref = customer_ref;
  order.order_number = number;
  order.status = "paid";
  order.currency = "EUR";
  order.ordered_at = sys_days{std::chrono::year{2024} / 5 / 1} + 9h;
  order.total = decimal("0.00");
  for (int n = 1; n <= lines; ++n) {
    order.lines.push_back({n, "SKU-" + std::to_string(n), "", decimal("1"), decimal("0.10"), std::nullopt});
  }
  return order;
}

model::Feedback csat_about(const std::string& order_ref) {
  model::Feedback feedback;
  feedback.order_ref = order_ref;
  feedback.kind = "csat";
  feedback.score = 4;
  return feedback;
}

class BatchWritePathTest : public MigratedDatabaseTest {
 protected:
  BatchOutcome write(const BatchWrite& batch) { return BatchWriter(*database_).write(batch); }
  DatabaseProbe probe() { return DatabaseProbe(*database_); }
};

TEST_P(BatchWritePathTest, BatchLargerThanOneStatementLandsWhole) {
  // More rows than one multi-row statement or one key lookup takes.
  constexpr int kCustomers = 1500;
  auto customers = batch("crm", "customers", "c1");
  for (int i = 0; i < kCustomers; ++i) {
    customers.records.push_back(
        customer_record("C" + std::to_string(i), "Kunde " + std::to_string(i) + " 'O\"Brien' 王"));
  }
  const auto outcome = write(customers);
  EXPECT_EQ(outcome.inserted, static_cast<std::size_t>(kCustomers));
  EXPECT_EQ(outcome.new_customers, static_cast<std::size_t>(kCustomers));

  auto orders = batch("crm", "orders", "o1");
  for (int i = 0; i < kCustomers; ++i) {
    orders.records.push_back(order_record("O" + std::to_string(i),
                                          order_of("C" + std::to_string(i), "SO-" + std::to_string(i), 3)));
  }
  write(orders);

  auto p = probe();
  EXPECT_EQ(p.count("customer"), kCustomers);
  EXPECT_EQ(p.count("customer_link"), kCustomers);
  EXPECT_EQ(p.count("sales_order", "customer_id IS NOT NULL"), kCustomers)
      << "every order found its customer";
  EXPECT_EQ(p.count("order_line"), 3 * kCustomers);
  EXPECT_EQ(p.text("SELECT c.name FROM sales_order o JOIN customer c ON c.id = o.customer_id"
                   " WHERE o.order_number = 'SO-1234'"),
            "Kunde 1234 'O\"Brien' 王");
  EXPECT_EQ(p.count("customer_field_source", "customer_id NOT IN (SELECT id FROM customer)"), 0);

  // Replayed: nothing is written twice.
  const auto replay = write(orders);
  EXPECT_EQ(replay.unchanged, static_cast<std::size_t>(kCustomers));
  EXPECT_EQ(p.count("order_line"), 3 * kCustomers);
}

TEST_P(BatchWritePathTest, ChangedRecordsOfABatchAreAllRewritten) {
  // A partner re-sends everything, edited, with a few new records among them:
  // on PostgreSQL the changed rows go through one staged update per table.
  constexpr int kRecords = 1200;
  auto customers = batch("crm", "customers", "c1");
  auto orders = batch("crm", "orders", "o1");
  for (int i = 0; i < kRecords; ++i) {
    const auto n = std::to_string(i);
    customers.records.push_back(customer_record("C" + n, "Kunde " + n));
    orders.records.push_back(order_record("O" + n, order_of("C" + n, "SO-" + n, 2)));
    auto about = csat_about("O" + n);
    about.comment = "first";
    orders.records.push_back(feedback_record("F" + n, about));
  }
  write(customers);
  write(orders);

  auto resent_customers = batch("crm", "customers", "c2");
  auto resent_orders = batch("crm", "orders", "o2");
  for (int i = 0; i < kRecords + 10; ++i) {
    const auto n = std::to_string(i);
    resent_customers.records.push_back(customer_record("C" + n, "Kundin " + n, "", "v2"));
    auto order = order_of("C" + n, "SO-" + n + "-b", 3);
    order.status = "closed";
    resent_orders.records.push_back(order_record("O" + n, order, "v2"));
    auto about = csat_about("O" + n);
    about.score = 5;
    about.comment = "amended 'again', \"quoted\"\tand\ttabbed";
    resent_orders.records.push_back(feedback_record("F" + n, about, "v2"));
  }
  const auto customers_outcome = write(resent_customers);
  const auto orders_outcome = write(resent_orders);

  EXPECT_EQ(customers_outcome.updated, static_cast<std::size_t>(kRecords));
  EXPECT_EQ(customers_outcome.inserted, 10U);
  EXPECT_EQ(orders_outcome.updated, static_cast<std::size_t>(2 * kRecords));
  EXPECT_EQ(orders_outcome.inserted, 20U);
  auto p = probe();
  EXPECT_EQ(p.count("source_record"), 3 * (kRecords + 10));
  EXPECT_EQ(p.count("source_record", "payload NOT LIKE '%v2%'"), 0) << "every stored payload is the new one";
  EXPECT_EQ(p.count("sales_order"), kRecords + 10);
  EXPECT_EQ(p.count("sales_order", "status = 'closed' AND order_number LIKE '%-b'"), kRecords + 10);
  EXPECT_EQ(p.count("sales_order", "customer_id IS NULL"), 0) << "updated orders keep their customers";
  EXPECT_EQ(p.count("order_line"), 3 * (kRecords + 10)) << "each order's lines replaced, none left over";
  EXPECT_EQ(p.count("feedback"), kRecords + 10);
  EXPECT_EQ(p.count("feedback", "score = 5 AND order_id IS NOT NULL"), kRecords + 10);
  EXPECT_EQ(p.text("SELECT comment FROM feedback f JOIN source_record s ON s.id = f.source_record_id"
                   " WHERE s.external_id = 'F7'"),
            "amended 'again', \"quoted\"\tand\ttabbed");
  EXPECT_EQ(p.count("customer"), kRecords + 10);
  EXPECT_EQ(p.text("SELECT c.name FROM customer c JOIN customer_link l ON l.customer_id = c.id"
                   " JOIN source_record s ON s.id = l.source_record_id WHERE s.external_id = 'C42'"),
            "Kundin 42");

  // The same changes again are no changes.
  const auto replay = write(resent_orders);
  EXPECT_EQ(replay.unchanged, static_cast<std::size_t>(2 * (kRecords + 10)));
}

TEST_P(BatchWritePathTest, RecordSentTwiceInOneBatchEndsAsItsLastVersion) {
  auto b = batch("crm", "orders", "o1");
  b.records = {order_record("O1", order_of("C1", "SO-1", 2), "v1"),
               order_record("O2", order_of("C1", "SO-2", 1)),
               order_record("O1", order_of("C1", "SO-1b", 4), "v2")};
  const auto outcome = write(b);
  EXPECT_EQ(outcome.inserted, 2U);
  EXPECT_EQ(outcome.updated, 1U);
  auto p = probe();
  EXPECT_EQ(p.count("source_record"), 2);
  EXPECT_EQ(p.count("sales_order"), 2);
  EXPECT_EQ(p.text("SELECT order_number FROM sales_order o JOIN source_record s ON s.id = o.source_record_id"
                   " WHERE s.external_id = 'O1'"),
            "SO-1b");
  EXPECT_EQ(p.count("order_line"), 5) << "the second version's four lines replaced the first's two";
}

TEST_P(BatchWritePathTest, FeedbackFindsAnOrderOfTheSameBatch) {
  // A mixed stream (a mailbox, a webhook) may carry an order and feedback on it together.
  auto b = batch("shop", "events", "e1");
  b.records = {feedback_record("F0", csat_about("O1")), order_record("O1", order_of("", "SO-1", 1)),
               feedback_record("F1", csat_about("O1"))};
  write(b);
  EXPECT_EQ(probe().count("feedback", "order_id IS NOT NULL"), 2);
}

TEST_P(BatchWritePathTest, ReservedIdsFollowRowsInsertedOneByOne) {
  auto& sql = database_->session();
  const std::string now = "2024-05-01 00:00:00";
  sql << "INSERT INTO customer (kind, name, created_at, updated_at) VALUES ('person', 'first', :a, :b)",
      soci::use(now), soci::use(now);
  const auto ids = IdReservation::next(*database_, "customer", 3);
  ASSERT_EQ(ids.size(), 3U);
  EXPECT_GT(ids[0], std::stoll(probe().text("SELECT MAX(id) FROM customer")));
  EXPECT_EQ(ids[2] - ids[0], 2);
  for (const auto id : ids) {
    sql << "INSERT INTO customer (id, kind, created_at, updated_at) VALUES (:id, 'person', :a, :b)",
        soci::use(id), soci::use(now), soci::use(now);
  }
  // An insert that lets the engine choose does not collide with them.
  sql << "INSERT INTO customer (kind, name, created_at, updated_at) VALUES ('person', 'last', :a, :b)",
      soci::use(now), soci::use(now);
  EXPECT_GT(std::stoll(probe().text("SELECT id FROM customer WHERE name = 'last'")), ids[2]);
  EXPECT_GT(IdReservation::next(*database_, "customer", 1).front(), ids[2] + 1);
}

TEST_P(BatchWritePathTest, ReservesMoreIdsThanOneFetchHolds) {
  const auto ids = IdReservation::next(*database_, "customer", 25001);
  ASSERT_EQ(ids.size(), 25001U);
  const std::set<long long> distinct(ids.begin(), ids.end());
  EXPECT_EQ(distinct.size(), ids.size());
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
}

TEST_P(BatchWritePathTest, KeyedSelectBindsKeysAsValues) {
  auto b = batch("crm", "customers", "c1");
  // Quotes, backslashes, braces, commas and NULL mean something in SQL or in
  // a PostgreSQL array literal; here they are only text.
  const std::vector<std::string> awkward = {"a'b",        "x) OR (1=1",  "客户-7", "trailing ", "%_",
                                            "say \"hi\"", "back\\slash", "{a,b}",  "NULL",      "x\\"};
  for (const auto& id : awkward) b.records.push_back(customer_record(id, "N"));
  write(b);
  KeyedSelect select(*database_,
                     "SELECT external_id FROM source_record WHERE instance = :instance AND external_id",
                     {"crm"});
  std::vector<std::string> keys = awkward;
  keys.push_back("absent");
  keys.push_back("a'b");  // asked twice, found once
  std::vector<std::string> found;
  select.run(keys, [&](const soci::row& row) { found.push_back(RowValue::text(row, 0)); });
  std::sort(found.begin(), found.end());
  auto expected = awkward;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(found, expected);
}

INSTANTIATE_TEST_SUITE_P(Engines, BatchWritePathTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());

}  // namespace
}  // namespace crmsync::store::testing
