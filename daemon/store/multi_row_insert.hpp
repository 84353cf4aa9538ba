#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Rows of one table written with one INSERT per chunk of rows instead of one
// per row: against a server every statement is a round trip, and a batch
// writes thousands of rows. Values are bound as text (never spliced into the
// SQL); each engine converts them to the column's type. On PostgreSQL, rows
// without a conflict clause go through COPY instead (PostgresCopyIn); on
// SQLite, which runs in-process, one prepared single-row statement is stepped
// per row (SqliteRowInsert).
class MultiRowInsert {
 public:
  using Value = std::optional<std::string>;  // nullopt: NULL

  // `tail` follows each statement's VALUES list: an ON CONFLICT clause, say.
  MultiRowInsert(std::string table, std::vector<std::string> columns, std::string tail = "");

  // NULL for empty text: "unknown" has one spelling in the database.
  [[nodiscard]] static Value text(std::string_view value) {
    return value.empty() ? std::nullopt : Value(std::string(value));
  }
  [[nodiscard]] static Value number(std::optional<long long> value) {
    return value ? Value(std::to_string(*value)) : std::nullopt;
  }

  void add(std::vector<Value> row);  // one value per column
  [[nodiscard]] bool empty() const { return rows_.empty(); }
  // Writes the rows added so far, and forgets them.
  void flush(Database& database);

  // Rows per statement: as many as keep its parameters near 2,000.
  [[nodiscard]] static std::size_t rows_per_statement(std::size_t columns);
  // The n-th positional parameter. SQLite gets an anonymous "?": it looks up
  // each named one by a linear search over those before it, which made long
  // parameter lists quadratic. SOCI rewrites ":name" for the other engines.
  [[nodiscard]] static std::string placeholder(Dialect dialect, std::size_t n);

 private:
  std::string table_;
  std::vector<std::string> columns_;
  std::string tail_;
  std::vector<std::vector<Value>> rows_;
};

}  // namespace crmsync::store
