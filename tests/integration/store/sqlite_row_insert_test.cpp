// Rows stepped through one prepared statement on SQLite arrive exactly as
// given, take their column's type, honour a conflict clause row by row, and
// a refused row fails with SQLite's reason and the table's name.
#include "daemon/store/sqlite_row_insert.hpp"

#include <optional>
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

const std::vector<std::string> kColumns{"id", "label", "note"};

class SqliteRowInsertTest : public MigratedDatabaseTest {
 protected:
  void SetUp() override {
    MigratedDatabaseTest::SetUp();
    ASSERT_TRUE(database_);
    database_->session() << "CREATE TABLE row_probe (id BIGINT PRIMARY KEY, label TEXT, note TEXT NOT NULL)";
  }

  void insert(const std::vector<std::vector<SqliteRowInsert::Value>>& rows, const std::string& tail = "") {
    WriteTransaction transaction(*database_);
    SqliteRowInsert::run(*database_, "row_probe", kColumns, tail, rows);
    transaction.commit();
  }
};

TEST_P(SqliteRowInsertTest, EveryCharacterArrivesAsGivenAndNullStaysNull) {
  const std::vector<std::string> labels{"tab\there",
                                        "line\nbreak",
                                        "quote ' and \"",
                                        "?",
                                        "",
                                        "客户名称 Müller",
                                        std::string("nul\0inside", 10)};
  std::vector<std::vector<SqliteRowInsert::Value>> rows;
  for (std::size_t i = 0; i < labels.size(); ++i) rows.push_back({std::to_string(i), labels[i], "n"});
  rows.push_back({"99", std::nullopt, "null label"});
  insert(rows);

  for (std::size_t i = 0; i < labels.size(); ++i) {
    std::string label;
    database_->session() << "SELECT label FROM row_probe WHERE id = :id",
        soci::use(static_cast<long long>(i)), soci::into(label);
    EXPECT_EQ(DatabaseProbe(*database_)
                  .text("SELECT length(CAST(label AS BLOB)) FROM row_probe WHERE id = " + std::to_string(i)),
              std::to_string(labels[i].size()))
        << "row " << i;
    if (labels[i].find('\0') == std::string::npos) {
      EXPECT_EQ(label, labels[i]) << "row " << i;
    }
  }
  EXPECT_EQ(DatabaseProbe(*database_).count("row_probe", "label IS NULL"), 1) << "only the NULL one";
  EXPECT_EQ(DatabaseProbe(*database_).count("row_probe", "label = ''"), 1) << "empty text is not NULL";
  // Bound as text, stored by the column's affinity: ids are integers.
  EXPECT_EQ(DatabaseProbe(*database_).count("row_probe", "typeof(id) = 'integer'"),
            static_cast<long long>(rows.size()));
}

TEST_P(SqliteRowInsertTest, AConflictClauseAppliesToEachRow) {
  insert({{"1", "first", "n"}, {"2", "other", "n"}});
  insert({{"1", "second", "n"}, {"1", "third", "n"}, {"3", "new", "n"}},
         " ON CONFLICT (id) DO UPDATE SET label = excluded.label");
  EXPECT_EQ(DatabaseProbe(*database_).rows("SELECT id, label FROM row_probe ORDER BY id"),
            "1|third\n2|other\n3|new\n");
}

TEST_P(SqliteRowInsertTest, ReturningHandsBackEachRowAsWritten) {
  insert({{"1", "first", "n"}});
  std::vector<std::vector<SqliteRowInsert::Value>> returned;
  WriteTransaction transaction(*database_);
  SqliteRowInsert::run(*database_, "row_probe", kColumns,
                       " ON CONFLICT (id) DO UPDATE SET label = row_probe.label || '+' || excluded.label"
                       " RETURNING id, label, NULL",
                       {{"1", "again", "n"}, {"2", "new", "n"}}, &returned);
  transaction.commit();
  const std::vector<std::vector<SqliteRowInsert::Value>> expected{{"1", "first+again", std::nullopt},
                                                                  {"2", "new", std::nullopt}};
  EXPECT_EQ(returned, expected);
}

TEST_P(SqliteRowInsertTest, ARefusedRowFailsWithSqlitesReasonAndNothingStays) {
  {
    WriteTransaction transaction(*database_);
    try {
      SqliteRowInsert::run(*database_, "row_probe", kColumns, "",
                           {{"1", "a", "n"}, {"2", "b", std::nullopt}});
      FAIL() << "a NULL in a NOT NULL column must fail";
    } catch (const std::runtime_error& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("row_probe"), std::string::npos) << message;
      EXPECT_NE(message.find("NOT NULL constraint failed"), std::string::npos) << message;
    }
  }  // rolled back
  EXPECT_EQ(DatabaseProbe(*database_).count("row_probe"), 0) << "nothing of the refused batch stays";
  insert({{"2", "c", "n"}});
  EXPECT_EQ(DatabaseProbe(*database_).count("row_probe"), 1) << "the connection takes the next insert";
}

// The prepared row path is SQLite's; PostgreSQL copies, MariaDB gets multi-row INSERTs.
INSTANTIATE_TEST_SUITE_P(Engines, SqliteRowInsertTest, ::testing::Values(Backend::sqlite), BackendName());

}  // namespace
}  // namespace crmsync::store::testing
