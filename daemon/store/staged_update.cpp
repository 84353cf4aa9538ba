#include "daemon/store/staged_update.hpp"

#include <stdexcept>
#include <utility>

#include <soci/soci.h>

#include "daemon/store/postgres_copy_in.hpp"

namespace crmsync::store {

StagedUpdate::StagedUpdate(std::string table, std::string staging, std::vector<std::string> columns)
    : table_(std::move(table)), staging_(std::move(staging)), columns_(std::move(columns)) {}

void StagedUpdate::add(long long id, std::vector<Value> values) {
  if (values.size() != columns_.size()) throw std::logic_error(table_ + ": staged row has the wrong width");
  values.insert(values.begin(), std::to_string(id));
  if (const auto found = row_of_.find(id); found != row_of_.end()) {
    rows_[found->second] = std::move(values);
    return;
  }
  row_of_.emplace(id, rows_.size());
  rows_.push_back(std::move(values));
}

void StagedUpdate::flush(Database& database) {
  if (rows_.empty()) return;
  if (database.dialect() != Dialect::postgresql) throw std::logic_error("a staged update needs PostgreSQL");
  std::vector<std::string> copied{"id"};
  copied.insert(copied.end(), columns_.begin(), columns_.end());
  std::string names = "id";
  std::string assignments;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    names += ", " + columns_[c];
    assignments += (c > 0 ? ", " : "") + columns_[c] + " = s." + columns_[c];
  }
  auto& sql = database.session();
  // Created once per session; ON COMMIT DELETE ROWS empties it should a
  // transaction end between the COPY and the DELETE below.
  sql << "CREATE TEMPORARY TABLE IF NOT EXISTS " + staging_ + " ON COMMIT DELETE ROWS AS SELECT " + names +
             " FROM " + table_ + " WITH NO DATA";
  PostgresCopyIn::run(database, staging_, copied, rows_);
  sql << "UPDATE " + table_ + " AS t SET " + assignments + " FROM " + staging_ + " AS s WHERE t.id = s.id";
  sql << "DELETE FROM " + staging_;
  rows_.clear();
  row_of_.clear();
}

}  // namespace crmsync::store
