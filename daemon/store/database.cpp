#include "daemon/store/database.hpp"

#include <filesystem>
#include <stdexcept>
#include <utility>

#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "daemon/store/database_url.hpp"
#include "daemon/store/sqlite_library.hpp"

namespace crmsync::store {
namespace {

// Quotes a value for a libpq conninfo or SOCI MySQL connect string: both take
// 'single quotes' with backslash escapes.
std::string quoted(const std::string& value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string port_text(const DatabaseUrl& url, int fallback) {
  return std::to_string(url.port().value_or(fallback));
}

// A connect error from a driver can echo parts of its connect string.
std::string without_password(std::string message, const std::string& password) {
  if (password.empty()) return message;
  for (std::size_t at = message.find(password); at != std::string::npos; at = message.find(password, at)) {
    message.replace(at, password.size(), "***");
  }
  return message;
}

std::unique_ptr<soci::session> open_sqlite(const DatabaseUrl& url) {
  const std::string& path = url.path();
  if (path != ":memory:") {
    // SOCI reads a connect string containing '=' as key=value pairs.
    if (path.find('=') != std::string::npos) throw std::runtime_error("sqlite path must not contain '='");
    const std::filesystem::path parent = std::filesystem::absolute(path).parent_path();
    std::error_code error;
    std::filesystem::create_directories(parent, error);
    if (error) {
      throw std::runtime_error("cannot create directory '" + parent.string() + "': " + error.message());
    }
  }
  configure_sqlite_library();
  auto session = std::make_unique<soci::session>(*soci::factory_sqlite3(), path);
  std::string journal_mode;
  int busy_timeout_ms = 0;
  *session << "PRAGMA journal_mode=WAL", soci::into(journal_mode);
  *session << "PRAGMA synchronous=NORMAL";
  *session << "PRAGMA foreign_keys=ON";
  *session << "PRAGMA busy_timeout=5000", soci::into(busy_timeout_ms);
  // 32 MiB of page cache instead of SQLite's 2 MiB: a batch's index lookups
  // then mostly hit memory instead of re-reading pages through the kernel.
  // Bounded, so memory does not grow with the database.
  *session << "PRAGMA cache_size=-32768";
  return session;
}

std::unique_ptr<soci::session> open_postgresql(const DatabaseUrl& url) {
  // With ?socket=, libpq takes the socket directory as host.
  std::string conninfo = "host=" + quoted(url.socket().empty() ? url.host() : url.socket()) +
                         " port=" + port_text(url, 5432) + " dbname=" + quoted(url.database()) +
                         " client_encoding=UTF8 connect_timeout=10 application_name=crmsyncd"
                         // libpq prints NOTICEs ("... already exists, skipping") to stderr.
                         " options='-c client_min_messages=warning'";
  if (!url.user().empty()) conninfo += " user=" + quoted(url.user());
  if (!url.password().empty()) conninfo += " password=" + quoted(url.password());
  return std::make_unique<soci::session>(*soci::factory_postgresql(), conninfo);
}

std::unique_ptr<soci::session> open_mysql(const DatabaseUrl& url) {
  std::string connect = "db=" + quoted(url.database()) + " charset=utf8mb4 connect_timeout=10";
  if (url.socket().empty()) {
    connect += " host=" + quoted(url.host()) + " port=" + port_text(url, 3306);
  } else {
    connect += " unix_socket=" + quoted(url.socket());
  }
  if (!url.user().empty()) connect += " user=" + quoted(url.user());
  if (!url.password().empty()) connect += " password=" + quoted(url.password());
  auto session = std::make_unique<soci::session>(*soci::factory_mysql(), connect);
  // Strict mode: a value that does not fit is an error, never silently cut.
  *session << "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
              "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";
  *session << "SET NAMES utf8mb4";
  *session << "SET SESSION time_zone = '+00:00'";
  return session;
}

std::unique_ptr<soci::session> open_session(const DatabaseUrl& url) {
  switch (url.dialect()) {
    case Dialect::sqlite:
      return open_sqlite(url);
    case Dialect::postgresql:
      return open_postgresql(url);
    case Dialect::mysql:
      return open_mysql(url);
  }
  throw std::logic_error("unhandled database dialect");
}

}  // namespace

std::unique_ptr<Database> Database::open(const std::string& url) {
  const DatabaseUrl parsed = DatabaseUrl::parse(url);
  try {
    return std::unique_ptr<Database>(
        new Database(open_session(parsed), parsed.dialect(), url, parsed.redacted()));
  } catch (const std::exception& error) {
    throw std::runtime_error("cannot open database " + parsed.redacted() + ": " +
                             without_password(error.what(), parsed.password()));
  }
}

Database::Database(std::unique_ptr<soci::session> session, Dialect dialect, std::string url,
                   std::string display_url)
    : session_(std::move(session)),
      dialect_(dialect),
      url_(std::move(url)),
      display_url_(std::move(display_url)),
      shared_with_another_(dialect_ != Dialect::sqlite || DatabaseUrl::parse(url_).path() != ":memory:") {}

bool Database::reconnect_if_lost() {
  if (dialect_ == Dialect::sqlite || session_->is_connected()) return false;
  const DatabaseUrl parsed = DatabaseUrl::parse(url_);
  try {
    // A fresh session also re-applies the per-connection settings (charset, sql_mode).
    session_ = open_session(parsed);
  } catch (const std::exception& error) {
    throw std::runtime_error("cannot reconnect to database " + display_url_ + ": " +
                             without_password(error.what(), parsed.password()));
  }
  return true;
}

std::unique_ptr<Database> Database::open_another() const {
  return open(url_);
}

Database::~Database() = default;

soci::session& Database::session() {
  return *session_;
}

}  // namespace crmsync::store
