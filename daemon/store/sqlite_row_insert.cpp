#include "daemon/store/sqlite_row_insert.hpp"

#include <climits>
#include <memory>
#include <stdexcept>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace crmsync::store {
namespace {

using sqlite_api::sqlite3;
using sqlite_api::sqlite3_stmt;

sqlite3* connection_of(Database& database) {
  auto& session = database.session();
  // As for PostgreSQL's COPY: the backend's own name says what it is.
  if (session.get_backend() == nullptr || session.get_backend_name() != "sqlite3") {
    throw std::logic_error("a SQLite row insert needs a SQLite session");
  }
  auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
  if (backend->conn_ == nullptr) throw std::logic_error("a SQLite row insert needs an open SQLite session");
  return backend->conn_;
}

struct StatementDeleter {
  void operator()(sqlite3_stmt* statement) const { sqlite_api::sqlite3_finalize(statement); }
};

}  // namespace

void SqliteRowInsert::run(Database& database, const std::string& table,
                          const std::vector<std::string>& columns, const std::string& tail,
                          const std::vector<std::vector<Value>>& rows,
                          std::vector<std::vector<Value>>* returned) {
  if (rows.empty()) return;
  sqlite3* connection = connection_of(database);
  std::string text = "INSERT INTO " + table + " (";
  for (std::size_t c = 0; c < columns.size(); ++c) text += (c > 0 ? ", " : "") + columns[c];
  text += ") VALUES (";
  for (std::size_t c = 0; c < columns.size(); ++c) text += c > 0 ? ", ?" : "?";
  text += ")" + tail;

  const auto fail = [&](const std::string& what) {
    throw std::runtime_error(table + ": " + what + ": " + sqlite_api::sqlite3_errmsg(connection));
  };
  sqlite3_stmt* prepared = nullptr;
  if (sqlite_api::sqlite3_prepare_v2(connection, text.c_str(), static_cast<int>(text.size()), &prepared,
                                     nullptr) != SQLITE_OK) {
    sqlite_api::sqlite3_finalize(prepared);
    fail("cannot prepare the insert");
  }
  const std::unique_ptr<sqlite3_stmt, StatementDeleter> statement(prepared);
  for (const auto& row : rows) {
    if (row.size() != columns.size()) {
      throw std::logic_error("a row for " + table + " needs " + std::to_string(columns.size()) + " values");
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      const int parameter = static_cast<int>(c) + 1;
      // The row outlives the step: SQLite may read the text in place.
      const int bound = !row[c] ? sqlite_api::sqlite3_bind_null(statement.get(), parameter)
                        : row[c]->size() > INT_MAX
                            ? SQLITE_TOOBIG
                            : sqlite_api::sqlite3_bind_text(statement.get(), parameter, row[c]->data(),
                                                            static_cast<int>(row[c]->size()), SQLITE_STATIC);
      if (bound != SQLITE_OK) fail("cannot bind column " + columns[c]);
    }
    int stepped = sqlite_api::sqlite3_step(statement.get());
    while (returned != nullptr && stepped == SQLITE_ROW) {
      auto& out = returned->emplace_back();
      for (int c = 0; c < sqlite_api::sqlite3_column_count(statement.get()); ++c) {
        const auto* value = sqlite_api::sqlite3_column_text(statement.get(), c);
        if (value == nullptr) {
          out.emplace_back(std::nullopt);
        } else {
          out.emplace_back(
              std::string(reinterpret_cast<const char*>(value),
                          static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(statement.get(), c))));
        }
      }
      stepped = sqlite_api::sqlite3_step(statement.get());
    }
    if (stepped != SQLITE_DONE) {
      // sqlite3_reset() returns the step's error code and sets its message.
      sqlite_api::sqlite3_reset(statement.get());
      fail("insert failed");
    }
    sqlite_api::sqlite3_reset(statement.get());
  }
}

}  // namespace crmsync::store
