#pragma once

#include <cstddef>
#include <string>

#include <soci/soci.h>

namespace crmsync::store {

// Column values of a dynamically described row, whatever type each engine
// reports for them (SQLite says "integer" where PostgreSQL says "bigint").
class RowValue {
 public:
  // "" for NULL.
  [[nodiscard]] static std::string text(const soci::row& row, std::size_t column);
  [[nodiscard]] static long long integer(const soci::row& row, std::size_t column);
  [[nodiscard]] static bool is_null(const soci::row& row, std::size_t column) {
    return row.get_indicator(column) == soci::i_null;
  }
};

}  // namespace crmsync::store
