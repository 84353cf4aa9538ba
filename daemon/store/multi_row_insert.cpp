#include "daemon/store/multi_row_insert.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include <soci/soci.h>

#include "daemon/store/postgres_copy_in.hpp"
#include "daemon/store/sqlite_row_insert.hpp"

namespace crmsync::store {

MultiRowInsert::MultiRowInsert(std::string table, std::vector<std::string> columns, std::string tail)
    : table_(std::move(table)), columns_(std::move(columns)), tail_(std::move(tail)) {}

void MultiRowInsert::add(std::vector<Value> row) {
  if (row.size() != columns_.size()) {
    throw std::logic_error("a row for " + table_ + " needs " + std::to_string(columns_.size()) + " values");
  }
  rows_.push_back(std::move(row));
}

std::size_t MultiRowInsert::rows_per_statement(std::size_t columns) {
  constexpr std::size_t kParameters = 2000;
  return std::max<std::size_t>(1, kParameters / std::max<std::size_t>(1, columns));
}

std::string MultiRowInsert::placeholder(Dialect dialect, std::size_t n) {
  return dialect == Dialect::sqlite ? std::string("?") : ":v" + std::to_string(n);
}

void MultiRowInsert::flush(Database& database) {
  if (database.dialect() == Dialect::postgresql && tail_.empty()) {
    PostgresCopyIn::run(database, table_, columns_, rows_);
    rows_.clear();
    return;
  }
  if (database.dialect() == Dialect::sqlite) {
    SqliteRowInsert::run(database, table_, columns_, tail_, rows_);
    rows_.clear();
    return;
  }
  const std::size_t chunk = rows_per_statement(columns_.size());
  std::string head = "INSERT INTO " + table_ + " (";
  for (std::size_t c = 0; c < columns_.size(); ++c) head += (c > 0 ? ", " : "") + columns_[c];
  head += ") VALUES ";
  for (std::size_t first = 0; first < rows_.size(); first += chunk) {
    const std::size_t last = std::min(rows_.size(), first + chunk);
    // SOCI reads bound values through references: they must stay put until execute.
    std::vector<std::string> values;
    std::vector<soci::indicator> indicators;
    values.reserve((last - first) * columns_.size());
    indicators.reserve(values.capacity());
    std::string text = head;
    for (std::size_t r = first; r < last; ++r) {
      text += r > first ? ", (" : "(";
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        text += (c > 0 ? ", " : "") + placeholder(database.dialect(), values.size());
        indicators.push_back(rows_[r][c] ? soci::i_ok : soci::i_null);
        values.push_back(rows_[r][c] ? std::move(*rows_[r][c]) : std::string());
      }
      text += ")";
    }
    text += tail_;
    soci::statement statement(database.session());
    for (std::size_t i = 0; i < values.size(); ++i) statement.exchange(soci::use(values[i], indicators[i]));
    statement.alloc();
    statement.prepare(text);
    statement.define_and_bind();
    statement.execute(true);
  }
  rows_.clear();
}

}  // namespace crmsync::store
