#pragma once

#include <string>

#include "daemon/store/database.hpp"

namespace crmsync::store::testing {

// Reads the central database the way a BI tool would: plain SQL.
class DatabaseProbe {
 public:
  explicit DatabaseProbe(Database& database) : database_(database) {}

  // The first column of the first row as text ("NULL" for NULL). Numbers,
  // decimals included, come back as the server prints them.
  [[nodiscard]] std::string text(const std::string& query);
  // Every row of a query, one line each, cells joined by '|'.
  [[nodiscard]] std::string rows(const std::string& query);
  [[nodiscard]] long long count(const std::string& table, const std::string& where = "");
  // Every row of every store table, ordered, as text: equal snapshots mean
  // nothing was written in between.
  [[nodiscard]] std::string snapshot();

 private:
  Database& database_;
};

}  // namespace crmsync::store::testing
