#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Rows into a PostgreSQL table through `COPY … FROM STDIN` on the session's
// own connection, inside its open transaction. The server neither parses nor
// plans a statement per chunk of rows, and reads values without binding them
// one by one: the bulk path the server itself offers.
class PostgresCopyIn {
 public:
  using Value = std::optional<std::string>;  // nullopt: NULL

  // Every row has one value per column. Throws std::runtime_error with the
  // server's message when the COPY fails; the transaction is then aborted,
  // as after any failed statement.
  static void run(Database& database, const std::string& table, const std::vector<std::string>& columns,
                  const std::vector<std::vector<Value>>& rows);
};

}  // namespace crmsync::store
