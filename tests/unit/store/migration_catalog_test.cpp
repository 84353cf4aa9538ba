#include "daemon/store/migration_catalog.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::store {
namespace {

std::string all_statements(const MigrationCatalog& catalog) {
  std::string text;
  for (const auto& migration : catalog.migrations()) {
    for (const auto& statement : migration.statements) text += statement + ";\n";
  }
  return text;
}

TEST(MigrationCatalogTest, VersionsAscendFromOne) {
  const MigrationCatalog catalog(Dialect::sqlite, "");
  int expected = 1;
  for (const auto& migration : catalog.migrations()) EXPECT_EQ(migration.version, expected++);
  EXPECT_EQ(catalog.latest_version(), expected - 1);
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// MySQL commits each DDL statement on its own, so a migration cut short
// there is run again from its first statement: each must be harmless twice.
// SQLite and PostgreSQL roll a failed migration back whole.
bool can_run_again(const std::string& statement, const std::string& previous, Dialect dialect) {
  if (statement.find("IF NOT EXISTS") != std::string::npos) return true;
  // A table filled from others is emptied right before: filled once however often it runs.
  if (statement.starts_with("DELETE FROM ") && statement.find(' ', 12) == std::string::npos) return true;
  if (statement.starts_with("INSERT INTO ") && statement.find(" SELECT ") != std::string::npos) {
    const std::string table = statement.substr(12, statement.find(' ', 12) - 12);
    return previous == "DELETE FROM " + table;
  }
  // Rows deleted by a condition: a second run finds them gone.
  if (statement.starts_with("DELETE FROM ") && statement.find(" WHERE ") != std::string::npos) return true;
  // A table's rows carried over and the table dropped only while it is still
  // a table: a second run finds the view that replaced it and does nothing.
  if ((statement.starts_with("DO $$ BEGIN IF EXISTS (") ||
       statement.starts_with("BEGIN NOT ATOMIC IF EXISTS (")) &&
      statement.find(" DROP TABLE ") != std::string::npos) {
    return true;
  }
  // The same on SQLite, in the migration's one transaction after its ALTER
  // TABLE: the rows carried over, then the table dropped.
  if (dialect == Dialect::sqlite && statement.starts_with("UPDATE ") && previous.starts_with("ALTER TABLE "))
    return true;
  if (dialect == Dialect::sqlite && statement.starts_with("DROP TABLE ") && previous.starts_with("UPDATE ") &&
      previous.find(" FROM " + statement.substr(11) + " ") != std::string::npos) {
    return true;
  }
  if (statement.starts_with("DROP VIEW IF EXISTS") || statement.starts_with("CREATE OR REPLACE VIEW"))
    return true;
  // A view re-created right after its DROP VIEW IF EXISTS.
  if (dialect == Dialect::sqlite && statement.starts_with("CREATE VIEW")) return true;
  // A table rebuilt in SQLite's way: the copy dropped and renamed in the
  // migration's one transaction, so both happen or neither.
  if (dialect == Dialect::sqlite && statement.starts_with("DROP TABLE ") &&
      previous.starts_with("INSERT INTO " + statement.substr(11) + "_rebuilt ")) {
    return true;
  }
  // An ALTER TABLE that only drops what exists.
  if (statement.starts_with("ALTER TABLE ") && statement.find(" ADD ") == std::string::npos &&
      occurrences(statement, " DROP ") == occurrences(statement, " DROP CONSTRAINT IF EXISTS ") +
                                              occurrences(statement, " DROP FOREIGN KEY IF EXISTS ")) {
    return true;
  }
  return dialect == Dialect::sqlite && statement.starts_with("ALTER TABLE");
}

TEST(MigrationCatalogTest, EveryStatementCanRunAgain) {
  for (const auto dialect : {Dialect::sqlite, Dialect::postgresql, Dialect::mysql}) {
    const MigrationCatalog catalog(dialect, "utf8mb4_nopad_bin");
    for (const auto& migration : catalog.migrations()) {
      std::string previous;
      for (const auto& statement : migration.statements) {
        EXPECT_TRUE(can_run_again(statement, previous, dialect)) << statement;
        previous = statement;
      }
    }
  }
}

TEST(MigrationCatalogTest, AmountsAreExactDecimalsNeverFloats) {
  EXPECT_NE(all_statements(MigrationCatalog(Dialect::postgresql, "")).find("total NUMERIC(20,4)"),
            std::string::npos);
  EXPECT_NE(all_statements(MigrationCatalog(Dialect::mysql, "utf8mb4_bin")).find("unit_price DECIMAL(20,4)"),
            std::string::npos);
  const std::string sqlite = all_statements(MigrationCatalog(Dialect::sqlite, ""));
  EXPECT_NE(sqlite.find("line_total TEXT"), std::string::npos);
  EXPECT_EQ(sqlite.find("total REAL"), std::string::npos);
}

TEST(MigrationCatalogTest, MysqlTablesAreUtf8mb4WithTheGivenCollation) {
  const MigrationCatalog catalog(Dialect::mysql, "utf8mb4_nopad_bin");
  for (const auto& statement : catalog.migrations().front().statements) {
    EXPECT_NE(statement.find("CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin"), std::string::npos) << statement;
  }
  EXPECT_NE(catalog.schema_migrations_table().find("utf8mb4"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::store
