#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "daemon/store/database.hpp"

namespace crmsync::store::testing {

enum class Backend { sqlite, postgresql, mysql };

std::string to_string(Backend backend);
// How gtest prints a backend (in ctest names: "... # GetParam() = postgresql").
void PrintTo(Backend backend, std::ostream* out);

// Opens an empty database of its own for one test case: a fresh SQLite file,
// or a database created anew on the PostgreSQL or MariaDB server named by
// CRMSYNC_TEST_POSTGRES_URL / CRMSYNC_TEST_MYSQL_URL. The user in those URLs
// must be allowed to create databases named crmsync_t_*.
class TestDatabase {
 public:
  // Throws std::runtime_error when the server's URL variable is unset.
  static std::unique_ptr<Database> create(Backend backend, const std::string& test_name);
  // The URL create() opened, for tests that open a second connection.
  static std::string url(Backend backend, const std::string& test_name);
  // The server URL from the environment (PostgreSQL, MySQL only).
  static std::string server_url(Backend backend);
};

}  // namespace crmsync::store::testing
