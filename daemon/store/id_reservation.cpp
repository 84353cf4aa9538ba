#include "daemon/store/id_reservation.hpp"

#include <algorithm>
#include <stdexcept>

#include <soci/soci.h>

#include "daemon/store/row_value.hpp"

namespace crmsync::store {

std::vector<long long> IdReservation::next(Database& database, const std::string& table, std::size_t count) {
  std::vector<long long> ids;
  if (count == 0) return ids;
  ids.reserve(count);
  auto& sql = database.session();
  if (database.dialect() == Dialect::postgresql) {
    // The sequence is looked up once: pg_get_serial_sequence() per row cost
    // ten times the nextval() calls themselves.
    constexpr std::size_t kPage = 10000;
    std::vector<long long> page(std::min(count, kPage));
    soci::statement select =
        (sql.prepare << "WITH s AS MATERIALIZED (SELECT CAST(pg_get_serial_sequence('" + table +
                            "', 'id') AS regclass) AS seq)"
                            " SELECT nextval(s.seq) FROM s, generate_series(1, " +
                            std::to_string(count) + ")",
         soci::into(page));
    select.execute();
    while (select.fetch()) {
      ids.insert(ids.end(), page.begin(), page.end());
      page.resize(std::min(count, kPage));
    }
    if (ids.size() != count) throw std::logic_error("the id sequence of " + table + " gave too few ids");
    return ids;
  }
  std::string query = "SELECT MAX(id) FROM " + table;
  if (database.dialect() == Dialect::mysql) {
    query += " FOR UPDATE";
  } else {
    // AUTOINCREMENT never reuses an id, not even one whose row was deleted.
    query = "SELECT MAX(n) FROM (SELECT COALESCE(MAX(id), 0) AS n FROM " + table +
            " UNION ALL SELECT seq AS n FROM sqlite_sequence WHERE name = '" + table + "') AS known";
  }
  const soci::rowset<soci::row> rows = (sql.prepare << query);
  long long highest = 0;
  for (const auto& row : rows) {
    if (!RowValue::is_null(row, 0)) highest = RowValue::integer(row, 0);
  }
  for (std::size_t i = 1; i <= count; ++i) ids.push_back(highest + static_cast<long long>(i));
  return ids;
}

}  // namespace crmsync::store
