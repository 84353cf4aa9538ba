#pragma once

#include <memory>
#include <string>

namespace soci {
class session;
}

namespace crmsync::store {

enum class Dialect { sqlite, postgresql, mysql };

// One SOCI session to the central database, opened from a URL:
//   sqlite:///abs/path/crmsync.db   sqlite://relative/path.db   sqlite://:memory:
//   postgresql://user:password@host:port/dbname?socket=/dir
//   mysql://user:password@host:port/dbname?socket=/path/mysqld.sock
// Throws std::runtime_error with the URL's password redacted when it cannot connect.
class Database {
 public:
  static std::unique_ptr<Database> open(const std::string& url);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  [[nodiscard]] soci::session& session();
  // A second connection to the same database, for work that must not wait
  // for (or hold up) this one's transaction. Throws like open().
  [[nodiscard]] std::unique_ptr<Database> open_another() const;
  // Whether a connection from open_another() sees this one's committed data:
  // not for an in-memory SQLite database, which is its connection's own.
  [[nodiscard]] bool shared_with_another() const { return shared_with_another_; }
  // After a server restart or a dropped connection: opens a new session when
  // the current one is no longer connected. Returns true when it reconnected;
  // throws std::runtime_error (password redacted) when the server is still
  // unreachable. Call between batches only: statements prepared on the old
  // session are gone. SQLite files never disconnect.
  bool reconnect_if_lost();
  [[nodiscard]] Dialect dialect() const { return dialect_; }
  // The URL with any password replaced by "***", safe to log.
  [[nodiscard]] const std::string& display_url() const { return display_url_; }

 private:
  Database(std::unique_ptr<soci::session> session, Dialect dialect, std::string url, std::string display_url);

  std::unique_ptr<soci::session> session_;
  Dialect dialect_;
  std::string url_;  // with its password: kept only to reconnect, never shown
  std::string display_url_;
  bool shared_with_another_ = true;
};

}  // namespace crmsync::store
