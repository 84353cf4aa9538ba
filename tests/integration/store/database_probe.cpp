#include "tests/integration/store/database_probe.hpp"

#include <array>
#include <ctime>
#include <sstream>
#include <stdexcept>
#include <utility>

#include <soci/soci.h>

namespace crmsync::store::testing {
namespace {

std::string cell_text(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return "NULL";
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string:
    case soci::dt_xml:
    case soci::dt_blob:
      return row.get<std::string>(column);
    case soci::dt_double: {
      std::ostringstream out;
      out.precision(17);
      out << row.get<double>(column);
      return out.str();
    }
    case soci::dt_integer:
      return std::to_string(row.get<int>(column));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(column));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(column));
    case soci::dt_date: {
      auto tm = row.get<std::tm>(column);
      std::array<char, 32> buffer{};
      std::strftime(buffer.data(), buffer.size(), "%Y-%m-%d %H:%M:%S", &tm);
      return buffer.data();
    }
  }
  return "?";
}

// Table and the columns that order its rows.
constexpr std::array<std::pair<const char*, const char*>, 11> kTables{{
    {"schema_migrations", "version"},
    {"source_record", "id"},
    {"customer", "id"},
    {"customer_link", "source_record_id"},
    {"customer_field_source", "customer_id, field"},
    {"sales_order", "id"},
    {"order_line", "order_id, line_no"},
    {"feedback", "id"},
    {"checkpoint", "instance, stream"},
    {"dead_letter", "id"},
    {"audit_log", "id"},
}};

}  // namespace

std::string DatabaseProbe::text(const std::string& query) {
  std::string value;
  soci::indicator indicator = soci::i_ok;
  auto& sql = database_.session();
  sql << query, soci::into(value, indicator);
  if (!sql.got_data()) throw std::runtime_error("no row: " + query);
  return indicator == soci::i_null ? "NULL" : value;
}

std::string DatabaseProbe::rows(const std::string& query) {
  std::string out;
  const soci::rowset<soci::row> result = (database_.session().prepare << query);
  for (const auto& row : result) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += '|';
      out += cell_text(row, c);
    }
    out += '\n';
  }
  return out;
}

long long DatabaseProbe::count(const std::string& table, const std::string& where) {
  long long rows = 0;
  database_.session() << "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where),
      soci::into(rows);
  return rows;
}

std::string DatabaseProbe::snapshot() {
  std::string out;
  for (const auto& [table, order] : kTables) {
    out += std::string("## ") + table + "\n";
    const soci::rowset<soci::row> rows =
        (database_.session().prepare << std::string("SELECT * FROM ") + table + " ORDER BY " + order);
    for (const auto& row : rows) {
      for (std::size_t column = 0; column < row.size(); ++column) {
        out += row.get_properties(column).get_name() + "=" + cell_text(row, column) + " ";
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace crmsync::store::testing
