#include "daemon/store/inserted_id.hpp"

#include <stdexcept>
#include <utility>

namespace crmsync::store {

InsertedId::InsertedId(soci::session& sql, Dialect dialect, std::string table)
    : sql_(sql), dialect_(dialect), table_(std::move(table)) {}

std::string InsertedId::statement_text(const std::string& insert) const {
  return dialect_ == Dialect::postgresql ? insert + " RETURNING id" : insert;
}

void InsertedId::bind(soci::details::prepare_temp_type& prepared) {
  if (dialect_ == Dialect::postgresql) prepared, soci::into(returned_);
}

long long InsertedId::value() {
  if (dialect_ == Dialect::postgresql) return returned_;
  long long id = 0;
  if (!sql_.get_last_insert_id(table_, id)) throw std::logic_error("no last insert id for " + table_);
  return id;
}

}  // namespace crmsync::store
