#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Rows of one table written with one INSERT per chunk of rows instead of one
// per row: against a server every statement is a round trip, and a batch
// writes thousands of rows. Values are bound as text (never spliced into the
// SQL); each engine converts them to the column's type.
class MultiRowInsert {
 public:
  using Value = std::optional<std::string>;  // nullopt: NULL

  MultiRowInsert(std::string table, std::vector<std::string> columns);

  void add(std::vector<Value> row);  // one value per column
  [[nodiscard]] bool empty() const { return rows_.empty(); }
  // Writes the rows added so far, and forgets them.
  void flush(Database& database);

  // SQLite has no round trips to save, and finds each named parameter by a
  // linear search over the ones before it: thousands per statement cost more
  // than they save.
  [[nodiscard]] static std::size_t rows_per_statement(Dialect dialect, std::size_t columns);

 private:
  std::string table_;
  std::vector<std::string> columns_;
  std::vector<std::vector<Value>> rows_;
};

}  // namespace crmsync::store
