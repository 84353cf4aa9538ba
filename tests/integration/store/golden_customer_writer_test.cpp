// Rewriting golden customers changes exactly the customers named, to the
// version named last, lineage included, on every engine (PostgreSQL stages
// them through COPY).
#include "daemon/store/golden_customer_writer.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "daemon/store/write_transaction.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"

namespace crmsync::store::testing {
namespace {

identity::GoldenRecord golden(const std::string& name, const std::string& city, bool valid_phone) {
  identity::GoldenRecord record;
  record.customer.kind = "person";
  record.customer.name = name;
  record.customer.city = city;
  record.customer.phone = model::Phone{"0151 2345678", valid_phone ? "+491512345678" : "", valid_phone};
  record.updated_at = "2024-05-01 00:00:00";
  return record;
}

class GoldenCustomerWriterTest : public MigratedDatabaseTest {
 protected:
  std::vector<long long> create(const std::vector<identity::GoldenRecord>& records) {
    WriteTransaction transaction(*database_);
    auto ids = GoldenCustomerWriter(*database_).create_all(records, "2024-05-01 00:00:00");
    transaction.commit();
    return ids;
  }
  std::string lineage() {
    return DatabaseProbe(*database_)
        .rows(
            "SELECT customer_id, field, source_record_id, rule FROM customer_field_source"
            " ORDER BY customer_id, field");
  }
  std::string customers() {
    return DatabaseProbe(*database_)
        .rows("SELECT id, name, city, phone_e164, phone_valid, updated_at FROM customer ORDER BY id");
  }
};

TEST_P(GoldenCustomerWriterTest, RewritesTheNamedCustomersOnly) {
  const auto ids = create({golden("Anna Berg", "Berlin", true), golden("Jonas Wolf", "Hamburg", true)});
  auto changed = golden("Anna Berg-Kraus", "", false);
  changed.updated_at = "2024-06-02 10:00:00";
  {
    WriteTransaction transaction(*database_);
    GoldenCustomerWriter(*database_).update_all({{ids[0], changed}}, "2024-06-03 00:00:00");
    transaction.commit();
  }
  EXPECT_EQ(customers(), std::to_string(ids[0]) + "|Anna Berg-Kraus|NULL|NULL|0|2024-06-02 10:00:00\n" +
                             std::to_string(ids[1]) +
                             "|Jonas Wolf|Hamburg|+491512345678|1|2024-05-01 00:00:00\n");
}

TEST_P(GoldenCustomerWriterTest, TheLastVersionWinsWithinACallAndAcrossCallsOfOneTransaction) {
  const auto ids = create({golden("Anna Berg", "Berlin", true), golden("Jonas Wolf", "Hamburg", true)});
  {
    WriteTransaction transaction(*database_);
    GoldenCustomerWriter writer(*database_);
    writer.update_all({{ids[0], golden("Anna 1", "Köln", true)}, {ids[0], golden("Anna 2", "Bonn", true)}},
                      "2024-06-03 00:00:00");
    // Anna changes between the calls (a merge, say); the second call names only
    // Jonas, so nothing of the first call may be applied to her again.
    database_->session() << "UPDATE customer SET city = 'Trier' WHERE id = " + std::to_string(ids[0]);
    writer.update_all({{ids[1], golden("Jonas 2", "Kiel", true)}}, "2024-06-03 00:00:00");
    transaction.commit();
  }
  EXPECT_EQ(customers(), std::to_string(ids[0]) + "|Anna 2|Trier|+491512345678|1|2024-05-01 00:00:00\n" +
                             std::to_string(ids[1]) + "|Jonas 2|Kiel|+491512345678|1|2024-05-01 00:00:00\n");
}

TEST_P(GoldenCustomerWriterTest, ARolledBackRewriteLeavesTheCustomersAsTheyWere) {
  const auto ids = create({golden("Anna Berg", "Berlin", true)});
  const auto before = customers();
  {
    WriteTransaction transaction(*database_);
    GoldenCustomerWriter(*database_)
        .update_all({{ids[0], golden("Anna 1", "Köln", false)}}, "2024-06-03 00:00:00");
  }
  EXPECT_EQ(customers(), before);
  // The session's staging table went with the transaction; the next rewrite makes it again.
  {
    WriteTransaction transaction(*database_);
    GoldenCustomerWriter(*database_)
        .update_all({{ids[0], golden("Anna 3", "Ulm", true)}}, "2024-06-03 00:00:00");
    transaction.commit();
  }
  EXPECT_EQ(customers(), std::to_string(ids[0]) + "|Anna 3|Ulm|+491512345678|1|2024-05-01 00:00:00\n");
}

TEST_P(GoldenCustomerWriterTest, LineageIsReadThroughTheViewAsRows) {
  auto anna = golden("Anna Berg", "Berlin", true);
  anna.lineage = {{"name", 17, "most_recent"}, {"city", 18, "single_source"}};
  auto jonas = golden("Jonas Wolf", "Hamburg", true);
  const auto ids = create({anna, jonas});
  const std::string a = std::to_string(ids[0]);
  EXPECT_EQ(lineage(), a + "|city|18|single_source\n" + a + "|name|17|most_recent\n")
      << "no lineage, no rows";

  anna.lineage = {{"name", 19, "source_priority"}};
  jonas.lineage = {{"phone_e164", 20, "most_complete"}};
  {
    WriteTransaction transaction(*database_);
    GoldenCustomerWriter(*database_).update_all({{ids[0], anna}, {ids[1], jonas}}, "2024-06-03 00:00:00");
    transaction.commit();
  }
  EXPECT_EQ(lineage(),
            a + "|name|19|source_priority\n" + std::to_string(ids[1]) + "|phone_e164|20|most_complete\n");
  EXPECT_EQ(DatabaseProbe(*database_).count("customer_field_source", "source_record_id = 19"), 1)
      << "source_record_id compares as a number";
}

INSTANTIATE_TEST_SUITE_P(Engines, GoldenCustomerWriterTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());

}  // namespace
}  // namespace crmsync::store::testing
