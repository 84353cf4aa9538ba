#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Rewrites columns of many rows of one table, found by id, on PostgreSQL in
// three statements instead of one UPDATE per row: the new values go by COPY
// into a temporary table of the session (with the table's own column types),
// one `UPDATE … FROM` applies them all, and the staging table is emptied.
// Against a server every statement is a round trip; a batch that changes
// 2,000 records would otherwise make 2,000 of them per table.
class StagedUpdate {
 public:
  using Value = std::optional<std::string>;  // nullopt: NULL

  // `staging` names the session's temporary table; `columns` are the ones
  // each row sets, in the order add() gives their values.
  StagedUpdate(std::string table, std::string staging, std::vector<std::string> columns);

  // The row `id` gets these values; a later add() for the same id replaces
  // the earlier one (UPDATE … FROM would apply either, at random).
  void add(long long id, std::vector<Value> values);
  [[nodiscard]] bool empty() const { return rows_.empty(); }
  // Applies the rows added so far, inside the session's open transaction,
  // and forgets them. PostgreSQL sessions only.
  void flush(Database& database);

 private:
  std::string table_;
  std::string staging_;
  std::vector<std::string> columns_;
  std::vector<std::vector<Value>> rows_;  // the id first
  std::unordered_map<long long, std::size_t> row_of_;
};

}  // namespace crmsync::store
