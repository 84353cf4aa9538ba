#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Rows into a SQLite table through one prepared single-row INSERT, stepped
// once per row on the session's own connection. SQLite runs in-process, so a
// statement per row costs no round trip, while parsing a statement of 2,000
// parameters per chunk and binding each value through SOCI cost more than
// the inserts themselves: the bulk path SQLite itself recommends.
class SqliteRowInsert {
 public:
  using Value = std::optional<std::string>;  // nullopt: NULL

  // Every row has one value per column, bound as text (the column's affinity
  // converts it, as for any bound text). `tail` follows the VALUES list: an
  // ON CONFLICT clause, say. Throws std::runtime_error naming the table and
  // SQLite's reason; the rows before the failing one stay written in the
  // open transaction, which the caller then rolls back.
  //
  // With `returned`, `tail` ends in a RETURNING clause and each row it
  // returns is appended there, its values as text.
  static void run(Database& database, const std::string& table, const std::vector<std::string>& columns,
                  const std::string& tail, const std::vector<std::vector<Value>>& rows,
                  std::vector<std::vector<Value>>* returned = nullptr);
};

}  // namespace crmsync::store
