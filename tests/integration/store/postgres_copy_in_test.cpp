// Rows streamed through COPY on PostgreSQL arrive exactly as given, whatever
// characters they hold, and a COPY the server refuses fails like a statement.
#include "daemon/store/postgres_copy_in.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "daemon/store/write_transaction.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"

namespace crmsync::store::testing {
namespace {

class PostgresCopyInTest : public MigratedDatabaseTest {
 protected:
  void SetUp() override {
    MigratedDatabaseTest::SetUp();
    ASSERT_TRUE(database_);
    database_->session() << "CREATE TABLE copy_probe (id BIGINT PRIMARY KEY, label TEXT, note TEXT NOT NULL)";
  }
};

TEST_P(PostgresCopyInTest, EveryCharacterArrivesAsGivenAndNullStaysNull) {
  const std::vector<std::string> labels{"tab\there",       "line\nbreak",   "carriage\rreturn",
                                        "back\\slash",     "\\N",           "",
                                        "客户名称 Müller", "quote ' and \""};
  std::vector<std::vector<PostgresCopyIn::Value>> rows;
  for (std::size_t i = 0; i < labels.size(); ++i) rows.push_back({std::to_string(i), labels[i], "n"});
  rows.push_back({"99", std::nullopt, "null label"});
  WriteTransaction transaction(*database_);
  PostgresCopyIn::run(*database_, "copy_probe", {"id", "label", "note"}, rows);
  transaction.commit();

  for (std::size_t i = 0; i < labels.size(); ++i) {
    std::string label;
    database_->session() << "SELECT label FROM copy_probe WHERE id = :id",
        soci::use(static_cast<long long>(i)), soci::into(label);
    EXPECT_EQ(label, labels[i]) << "row " << i;
  }
  EXPECT_EQ(DatabaseProbe(*database_).count("copy_probe", "label IS NULL"), 1) << "only the NULL one";
  EXPECT_EQ(DatabaseProbe(*database_).count("copy_probe", "label = ''"), 1) << "empty text is not NULL";
}

TEST_P(PostgresCopyInTest, RefusedRowsFailTheCopyWithTheServersReasonAndTheSessionGoesOn) {
  std::vector<std::vector<PostgresCopyIn::Value>> rows{{"1", "a", "n"}, {"1", "b", "n"}};
  {
    WriteTransaction transaction(*database_);
    try {
      PostgresCopyIn::run(*database_, "copy_probe", {"id", "label", "note"}, rows);
      FAIL() << "a duplicate key must fail the COPY";
    } catch (const std::runtime_error& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("copy_probe"), std::string::npos) << message;
      EXPECT_NE(message.find("duplicate key"), std::string::npos) << message;
    }
  }  // rolled back
  EXPECT_EQ(DatabaseProbe(*database_).count("copy_probe"), 0) << "nothing of the refused COPY stays";
  rows = {{"2", "c", "n"}};
  WriteTransaction transaction(*database_);
  PostgresCopyIn::run(*database_, "copy_probe", {"id", "label", "note"}, rows);
  transaction.commit();
  EXPECT_EQ(DatabaseProbe(*database_).count("copy_probe"), 1) << "the connection is free for the next COPY";
}

// COPY is PostgreSQL's; the other engines keep multi-row INSERTs.
INSTANTIATE_TEST_SUITE_P(Engines, PostgresCopyInTest, ::testing::Values(Backend::postgresql), BackendName());

}  // namespace
}  // namespace crmsync::store::testing
