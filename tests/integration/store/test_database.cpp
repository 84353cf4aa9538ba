#include "tests/integration/store/test_database.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <soci/soci.h>

#include "daemon/store/database_url.hpp"

namespace crmsync::store::testing {
namespace {

const char* url_variable(Backend backend) {
  return backend == Backend::postgresql ? "CRMSYNC_TEST_POSTGRES_URL" : "CRMSYNC_TEST_MYSQL_URL";
}

// crmsync_t_<test name>: one database per test, so cases can run in parallel.
std::string database_name(const std::string& test_name) {
  std::string name = "crmsync_t_";
  for (const char c : test_name.substr(0, test_name.find('/'))) {
    name += std::isalnum(static_cast<unsigned char>(c)) != 0 ? static_cast<char>(std::tolower(c)) : '_';
  }
  return name.substr(0, 63);
}

std::filesystem::path sqlite_path(const std::string& test_name) {
  return std::filesystem::path(CRMSYNC_BINARY_DIR) / "tests/integration/store/sqlite" /
         (database_name(test_name) + ".db");
}

}  // namespace

std::string to_string(Backend backend) {
  switch (backend) {
    case Backend::sqlite:
      return "sqlite";
    case Backend::postgresql:
      return "postgresql";
    case Backend::mysql:
      return "mysql";
  }
  return "unknown";
}

void PrintTo(Backend backend, std::ostream* out) {
  *out << to_string(backend);
}

std::string TestDatabase::server_url(Backend backend) {
  const char* url = std::getenv(url_variable(backend));
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        std::string(url_variable(backend)) +
        " is not set: run the tests through ctest, which starts the server, or point it at"
        " a server whose user may create databases");
  }
  return url;
}

std::string TestDatabase::url(Backend backend, const std::string& test_name) {
  if (backend == Backend::sqlite) return "sqlite://" + sqlite_path(test_name).string();
  return DatabaseUrl::parse(server_url(backend)).with_database(database_name(test_name)).str();
}

std::unique_ptr<Database> TestDatabase::create(Backend backend, const std::string& test_name) {
  const std::string name = database_name(test_name);
  if (backend == Backend::sqlite) {
    const auto path = sqlite_path(test_name);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  } else {
    const auto server = Database::open(server_url(backend));
    auto& sql = server->session();
    if (backend == Backend::postgresql) {
      sql << "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
      sql << "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0";
    } else {
      sql << "DROP DATABASE IF EXISTS " + name;
      sql << "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
    }
  }
  return Database::open(url(backend, test_name));
}

}  // namespace crmsync::store::testing
