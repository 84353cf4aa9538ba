#include "daemon/store/row_value.hpp"

namespace crmsync::store {

std::string RowValue::text(const soci::row& row, std::size_t column) {
  return is_null(row, column) ? std::string() : row.get<std::string>(column);
}

long long RowValue::integer(const soci::row& row, std::size_t column) {
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(column));
    case soci::dt_double:
      return static_cast<long long>(row.get<double>(column));
    case soci::dt_string:
      return std::stoll(row.get<std::string>(column));
    default:
      return row.get<long long>(column);
  }
}

}  // namespace crmsync::store
