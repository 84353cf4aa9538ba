#pragma once

#include <string>

#include <soci/soci.h>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// How a prepared INSERT reports its new row's id on every dialect: RETURNING
// on PostgreSQL (SOCI has no last-insert-id there), the connection's last
// insert id on SQLite and MySQL.
class InsertedId {
 public:
  InsertedId(soci::session& sql, Dialect dialect, std::string table);

  // The statement to prepare for `insert`.
  [[nodiscard]] std::string statement_text(const std::string& insert) const;
  // Adds what the statement returns, if anything; call while preparing it.
  void bind(soci::details::prepare_temp_type& prepared);
  // The id after the statement ran.
  [[nodiscard]] long long value();

 private:
  soci::session& sql_;
  Dialect dialect_;
  std::string table_;
  long long returned_ = 0;
};

}  // namespace crmsync::store
