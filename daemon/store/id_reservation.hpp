#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Ids for rows a batch inserts many at a time, taken before the INSERT so
// that one multi-row statement writes them and the rows pointing at them
// need no read-back. PostgreSQL takes them from the column's identity
// sequence. SQLite and MySQL continue after the table's highest id (and
// SQLite's AUTOINCREMENT high-water mark), which is only safe inside the
// batch's write transaction: SQLite's is exclusive, and on MySQL the read
// locks the end of the table until commit.
class IdReservation {
 public:
  [[nodiscard]] static std::vector<long long> next(Database& database, const std::string& table,
                                                   std::size_t count);
};

}  // namespace crmsync::store
