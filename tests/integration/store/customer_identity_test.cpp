// Identity resolution as the daemon runs it (incremental, per stored batch),
// manual merges and unmerges, and full re-resolution, on SQLite, PostgreSQL
// and MariaDB. Each case is one of the hard cases users meet.
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "daemon/identity/identity_settings.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/customer_merger.hpp"
#include "daemon/store/customer_reresolver.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/migration_runner.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"
#include "tests/integration/store/test_database.hpp"
#include "tests/integration/store/test_records.hpp"

namespace crmsync::store::testing {
namespace {

using namespace std::chrono_literals;

const ManualDecision kByAnna{"anna", "checked by phone", "2026-11-01T10:00:00Z"};

class CustomerIdentityTest : public MigratedDatabaseTest {
 protected:
  BatchOutcome store(const std::string& instance, std::vector<model::NormalizedRecord> records) {
    auto b = batch(instance, "customers", std::to_string(++cursor_));
    b.records = std::move(records);
    return BatchWriter(*database_, settings_).write(b);
  }

  // The golden customer a source record belongs to.
  long long customer_of(const std::string& instance, const std::string& external_id) {
    return std::stoll(probe().text(
        "SELECT l.customer_id FROM customer_link l JOIN source_record s ON s.id = l.source_record_id"
        " WHERE s.instance = '" +
        instance + "' AND s.external_id = '" + external_id + "'"));
  }
  long long live_customers() { return probe().count("customer_360"); }
  DatabaseProbe probe() { return DatabaseProbe(*database_); }
  CustomerMerger merger() { return CustomerMerger(*database_, settings_); }

  identity::IdentitySettings settings_;
  int cursor_ = 0;
};

model::Order order_of(const std::string& customer_ref, const std::string& number, const std::string& total) {
  model::Order order;
  order.customer_ref = customer_ref;
  order.order_number = number;
  order.status = "delivered";
  order.currency = "EUR";
  order.ordered_at = std::chrono::sys_days{std::chrono::year{2026} / 10 / 1} + 9h;
  order.total = decimal(total);
  order.lines.push_back({1, "SKU-1", "Widget", decimal("1"), decimal(total), decimal(total)});
  return order;
}

TEST_P(CustomerIdentityTest, HanAndPinyinNamesOfOneCustomerMerge) {
  store("crm",
        {source_customer(
            "C1",
            {{"name", "张伟"}, {"date_of_birth", "1985-03-02"}, {"postcode", "100020"}, {"city", "北京"}})});
  store("partner",
        {source_customer("P1",
                         {{"name", "Zhang Wei"}, {"date_of_birth", "1985-03-02"}, {"postcode", "100020"}}),
         source_customer("P2",
                         {{"name", "Wang Fang"}, {"date_of_birth", "1990-07-15"}, {"postcode", "100020"}})});
  EXPECT_EQ(customer_of("crm", "C1"), customer_of("partner", "P1"));
  EXPECT_NE(customer_of("crm", "C1"), customer_of("partner", "P2"));
  EXPECT_EQ(live_customers(), 2);
  // The merge is explained: audit_log names the rule and score.
  EXPECT_EQ(probe().count("audit_log", "actor = 'identity' AND action = 'merge'"), 1);
}

TEST_P(CustomerIdentityTest, ChangedRecordKeepsItsCustomerAndANewOneBesideItStillFindsIt) {
  store("crm", {source_customer("C1", {{"name", "Anna Schmidt"}, {"email", "anna.schmidt@example.de"}}),
                source_customer("C2", {{"name", "Wang Fang"}, {"email", "wang.fang@example.cn"}})});
  const long long anna = customer_of("crm", "C1");
  // C1 comes back changed (it looks for no neighbours now) together with a
  // new record that shares its e-mail: the new one must still find C1.
  store("crm",
        {source_customer(
             "C1", {{"name", "Anna Schmidt"}, {"email", "anna.schmidt@example.de"}, {"city", "Köln"}}, "v2"),
         source_customer("C3", {{"name", "Anna Schmidt"}, {"email", "Anna.Schmidt@example.de"}})});
  EXPECT_EQ(customer_of("crm", "C1"), anna);
  EXPECT_EQ(customer_of("crm", "C3"), anna);
  EXPECT_NE(customer_of("crm", "C2"), anna);
  EXPECT_EQ(live_customers(), 2);
  EXPECT_EQ(probe().text("SELECT city FROM customer WHERE id = " + std::to_string(anna)), "Köln");
}

TEST_P(CustomerIdentityTest, RecordThatNamesItsIdInAnotherSystemJoinsThatRecordsCustomer) {
  // The partner knows the customer by an English name and another mailbox,
  // but its file carries the CRM's id of the same customer.
  store("crm", {source_customer("C1", {{"name", "张伟"}, {"email", "zhang.wei@example.cn"}}),
                source_customer("C2", {{"name", "Li Na"}, {"email", "li.na@example.cn"}})});
  store("partner",
        {source_customer(
            "P1", {{"name", "David Zhang"}, {"email", "david@partner.example"}, {"same_as.crm", "C1"}})});
  EXPECT_EQ(customer_of("partner", "P1"), customer_of("crm", "C1"));
  EXPECT_EQ(
      probe().text("SELECT match_rule FROM customer_link l JOIN source_record s ON s.id = l.source_record_id"
                   " WHERE s.external_id = 'P1'"),
      "same_record");
  // The record named may also arrive after the one naming it; a re-resolve keeps both pairs.
  store("erp", {source_customer("E9", {{"name", "Wang Fang (Shanghai office)"}, {"same_as.crm", "C3"}})});
  store("crm", {source_customer("C3", {{"name", "王芳"}, {"email", "wang.fang@example.cn"}})});
  EXPECT_EQ(customer_of("erp", "E9"), customer_of("crm", "C3"));
  CustomerReresolver(*database_, settings_).run("test", "2026-11-01T11:00:00Z");
  EXPECT_EQ(customer_of("partner", "P1"), customer_of("crm", "C1"));
  EXPECT_EQ(customer_of("erp", "E9"), customer_of("crm", "C3"));
  EXPECT_EQ(live_customers(), 3);
}

TEST_P(CustomerIdentityTest, TraditionalAndSimplifiedNamesOfOneCustomerMerge) {
  store("crm",
        {source_customer("C1", {{"name", "張偉"}, {"date_of_birth", "1979-11-20"}, {"postcode", "200040"}})});
  store("partner",
        {source_customer("P1", {{"name", "张伟"}, {"date_of_birth", "1979-11-20"}, {"postcode", "200040"}})});
  EXPECT_EQ(customer_of("crm", "C1"), customer_of("partner", "P1"));
  // The golden name keeps one original spelling, with its source recorded.
  EXPECT_EQ(probe().count("customer_field_source", "field = 'name'"), 1);
}

TEST_P(CustomerIdentityTest, InvalidPhoneNumbersNeitherLinkStrangersNorWinTheGoldenRecord) {
  store("crm",
        {source_customer("C1", {{"name", "Lena Vogel"}, {"phone", "12345"}, {"email", "lena@vogel.example"}}),
         source_customer("C2", {{"name", "Tom Brandt"}, {"phone", "12345"}})});
  EXPECT_NE(customer_of("crm", "C1"), customer_of("crm", "C2"));
  store("partner",
        {source_customer(
            "P1", {{"name", "Lena Vogel"}, {"phone", "+49 30 901820"}, {"email", "lena@vogel.example"}})});
  const auto lena = customer_of("crm", "C1");
  EXPECT_EQ(customer_of("partner", "P1"), lena);
  // The valid number wins over the newer invalid one.
  EXPECT_EQ(probe().text("SELECT phone_e164 FROM customer WHERE id = " + std::to_string(lena)),
            "+4930901820");
}

TEST_P(CustomerIdentityTest, SharedRoleMailboxDoesNotMergeStrangers) {
  const std::vector<std::string> names = {"Ada Berger", "Ben Kraus", "Cem Yilmaz", "Dana Roth",
                                          "Eva Lang",   "Finn Hahn", "Gül Demir",  "Hugo Stein",
                                          "Ida Frank",  "Jan Wolf",  "Kai Busch",  "Lea Graf"};
  // info@ names a role; zentrale@ ("switchboard") is just shared by everyone.
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string mailbox = i % 2 == 0 ? "info@acme.example" : "zentrale@acme.example";
    store("partner", {source_customer("R" + std::to_string(i),
                                      {{"name", names[i]}, {"email", mailbox}, {"company", "ACME GmbH"}})});
  }
  EXPECT_EQ(live_customers(), static_cast<long long>(names.size()));
  EXPECT_EQ(probe().count("customer_link", "match_rule <> 'source'"), 0);
}

TEST_P(CustomerIdentityTest, ChainAToBToCDoesNotMergeAAndC) {
  // A and C are different people (daughter and father) who share nothing but
  // a household landline; B has A's name and e-mail and that landline.
  store("crm", {source_customer("A", {{"name", "Anna Schmidt"},
                                      {"email", "anna.schmidt@example.com"},
                                      {"date_of_birth", "1990-04-12"}})});
  store(
      "erp",
      {source_customer(
          "C", {{"name", "Carl Schmidt"}, {"phone", "+49 89 4411 2233"}, {"date_of_birth", "1952-08-30"}})});
  store("partner", {source_customer("B", {{"name", "Anna Schmidt"},
                                          {"email", "anna.schmidt@example.com"},
                                          {"phone", "+49 89 4411 2233"}})});
  EXPECT_EQ(customer_of("partner", "B"), customer_of("crm", "A"));
  EXPECT_NE(customer_of("crm", "A"), customer_of("erp", "C"));
  // A full re-resolve keeps them apart too.
  CustomerReresolver(*database_, settings_).run("test", "2026-11-01T11:00:00Z");
  EXPECT_NE(customer_of("crm", "A"), customer_of("erp", "C"));
  EXPECT_EQ(customer_of("partner", "B"), customer_of("crm", "A"));
}

TEST_P(CustomerIdentityTest, MergeAndUnmergeRoundTripLeavesCustomer360AsItWas) {
  store("crm", {source_customer("C1", {{"name", "Maria Garcia"}, {"email", "maria@garcia.example"}}),
                source_customer("C2", {{"name", "Jose Lopez"}, {"email", "jose@lopez.example"}})});
  auto orders = batch("crm", "orders", "o1");
  orders.records = {order_record("O1", order_of("C1", "SO-1", "100.00")),
                    order_record("O2", order_of("C2", "SO-2", "40.00"))};
  BatchWriter(*database_, settings_).write(orders);
  const std::string view = "SELECT * FROM customer_360 ORDER BY customer_id";
  const std::string before = probe().rows(view);
  const auto maria = customer_of("crm", "C1");
  const auto jose = customer_of("crm", "C2");

  const auto merged = merger().merge(maria, jose, kByAnna);
  EXPECT_EQ(merged.records_moved, 1U);
  EXPECT_EQ(live_customers(), 1);
  EXPECT_EQ(probe().text("SELECT order_count FROM customer_360"), "2");
  EXPECT_EQ(probe().text("SELECT merged_into FROM customer WHERE id = " + std::to_string(jose)),
            std::to_string(maria));

  const auto unmerged = merger().unmerge(maria, kByAnna);
  EXPECT_EQ(unmerged.restored, std::vector<long long>{jose});
  EXPECT_EQ(probe().rows(view), before);
  EXPECT_EQ(probe().count("audit_log", "actor = 'anna' AND action IN ('merge', 'unmerge')"), 2);
  EXPECT_EQ(probe().count("audit_log", "action = 'unmerge' AND detail LIKE '%checked by phone%'"), 1);
}

TEST_P(CustomerIdentityTest, UnmergeAfterNewRecordsArrivedSendsThemToThePartTheyMatch) {
  store("crm", {source_customer("C1", {{"name", "Maria Garcia"}, {"email", "maria@garcia.example"}})});
  store("partner", {source_customer("P1", {{"name", "Jose Lopez"}, {"email", "jose@lopez.example"}})});
  auto orders = batch("partner", "orders", "o1");
  orders.records = {order_record("PO1", order_of("P1", "P-1", "55.00"))};
  BatchWriter(*database_, settings_).write(orders);
  const auto maria = customer_of("crm", "C1");
  const auto jose = customer_of("partner", "P1");
  merger().merge(maria, jose, kByAnna);  // a mistake
  // After the merge a new record of Jose arrives and follows P1 into the merged customer.
  store("erp", {source_customer("E1", {{"name", "José López"}, {"email", "jose@lopez.example"}})});
  EXPECT_EQ(customer_of("erp", "E1"), maria);

  merger().unmerge(maria, kByAnna);
  EXPECT_EQ(customer_of("crm", "C1"), maria);
  EXPECT_EQ(customer_of("partner", "P1"), jose);
  EXPECT_EQ(customer_of("erp", "E1"), jose);
  EXPECT_EQ(probe().text("SELECT customer_id FROM sales_order WHERE order_number = 'P-1'"),
            std::to_string(jose));
  EXPECT_EQ(probe().text("SELECT merged_into FROM customer WHERE id = " + std::to_string(jose)), "NULL");
  // "Never" decisions keep the parts apart through a full re-resolve.
  CustomerReresolver(*database_, settings_).run("test", "2026-11-01T11:00:00Z");
  EXPECT_NE(customer_of("crm", "C1"), customer_of("partner", "P1"));
  EXPECT_EQ(customer_of("partner", "P1"), customer_of("erp", "E1"));
}

TEST_P(CustomerIdentityTest, UnmergeOfAnAutomaticMergeKeepsTheRecordsApartAfterwards) {
  store("crm", {source_customer("C1", {{"name", "Li Na"}, {"email", "li.na@example.cn"}})});
  store("partner", {source_customer("P1", {{"name", "Li Na"}, {"email", "li.na@example.cn"}})});
  const auto customer = customer_of("crm", "C1");
  ASSERT_EQ(customer_of("partner", "P1"), customer);  // same name, same address: merged automatically

  const auto outcome = merger().unmerge(customer, kByAnna);
  ASSERT_EQ(outcome.new_customers.size(), 1U);
  EXPECT_EQ(customer_of("crm", "C1"), customer);
  EXPECT_EQ(customer_of("partner", "P1"), outcome.new_customers.front());
  // The same record sent again, and a full re-resolve, both respect the decision.
  store("partner",
        {source_customer("P1", {{"name", "Li Na"}, {"email", "li.na@example.cn"}, {"city", "Wuhan"}}, "v2")});
  CustomerReresolver(*database_, settings_).run("test", "2026-11-01T11:00:00Z");
  EXPECT_NE(customer_of("crm", "C1"), customer_of("partner", "P1"));
  EXPECT_EQ(probe().count("match_decision", "decision = 'never'"), 1);
}

TEST_P(CustomerIdentityTest, ACompanysEnglishAndChineseRecordsMeetOnItsTaxId) {
  store("crm", {source_customer("A1", {{"kind", "organisation"},
                                       {"name", "Shanghai Acme Trading Co., Ltd."},
                                       {"tax_id", "91310000MA1FL1234X"}})});
  store("erp", {source_customer("E1", {{"kind", "organisation"},
                                       {"name", "上海艾克美贸易有限公司"},
                                       {"tax_id", "91310000MA1FL1234X"},
                                       {"phone", "+86 21 6123 4567"}})});
  EXPECT_EQ(customer_of("crm", "A1"), customer_of("erp", "E1"));
  EXPECT_EQ(probe().count("customer_link", "match_rule = 'tax_id'"), 1);
}

TEST_P(CustomerIdentityTest, ManualMergeSurvivesReresolve) {
  store("crm", {source_customer("C1", {{"name", "Acme Trading Ltd"}, {"phone", "+86 21 6123 4567"}})});
  store("erp",
        {source_customer("E1", {{"name", "上海艾克美贸易有限公司"}, {"email", "sales@acme-sh.example"}})});
  const auto crm = customer_of("crm", "C1");
  const auto erp = customer_of("erp", "E1");
  ASSERT_NE(crm, erp);
  merger().merge(crm, erp, kByAnna);
  CustomerReresolver(*database_, settings_).run("test", "2026-11-01T11:00:00Z");
  EXPECT_EQ(customer_of("crm", "C1"), customer_of("erp", "E1"));
  EXPECT_EQ(customer_of("crm", "C1"), crm);
}

TEST_P(CustomerIdentityTest, ReresolveAfterAThresholdChangeMergesTheReviewPairsAndBack) {
  // The same given name and a near family name, nothing else: a pair for review under the defaults.
  store("crm", {source_customer("C1", {{"name", "Petra Lindqvist"}})});
  store("partner", {source_customer("P1", {{"name", "Petra Lindquist"}})});
  ASSERT_NE(customer_of("crm", "C1"), customer_of("partner", "P1"));
  ASSERT_EQ(probe().count("duplicate_candidates"), 1);
  const double score = std::stod(probe().text("SELECT score FROM duplicate_candidates"));

  settings_.resolution.thresholds.auto_merge_at = score - 0.5;
  settings_.resolution.clustering.min_average_linkage = score - 0.5;
  const auto merged = CustomerReresolver(*database_, settings_).run("test", "2026-11-01T11:00:00Z");
  EXPECT_EQ(merged.records_moved, 1U);
  EXPECT_EQ(merged.customers_emptied, 1U);
  EXPECT_EQ(customer_of("crm", "C1"), customer_of("partner", "P1"));
  EXPECT_EQ(probe().count("duplicate_candidates"), 0);
  EXPECT_EQ(live_customers(), 1);

  settings_ = {};
  CustomerReresolver(*database_, settings_).run("test", "2026-11-01T12:00:00Z");
  EXPECT_NE(customer_of("crm", "C1"), customer_of("partner", "P1"));
  EXPECT_EQ(probe().count("duplicate_candidates"), 1);
  EXPECT_EQ(live_customers(), 2);
}

TEST_P(CustomerIdentityTest, MergeRefusesUnknownAndMergedAwayCustomers) {
  store("crm",
        {source_customer("C1", {{"name", "Ana Lima"}}), source_customer("C2", {{"name", "Rui Costa"}})});
  const auto ana = customer_of("crm", "C1");
  const auto rui = customer_of("crm", "C2");
  EXPECT_THROW(merger().merge(ana, ana, kByAnna), std::invalid_argument);
  EXPECT_THROW(merger().merge(ana, 999999, kByAnna), std::invalid_argument);
  merger().merge(ana, rui, kByAnna);
  try {
    merger().merge(rui, ana, kByAnna);
    FAIL() << "merging into a merged-away customer must fail";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("was merged into customer " + std::to_string(ana)),
              std::string::npos);
  }
  merger().unmerge(ana, kByAnna);
  EXPECT_THROW(merger().unmerge(ana, kByAnna), std::invalid_argument);  // nothing left to undo
}

INSTANTIATE_TEST_SUITE_P(Engines, CustomerIdentityTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());

}  // namespace
}  // namespace crmsync::store::testing
