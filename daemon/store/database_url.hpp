#pragma once

#include <optional>
#include <string>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// The parts of a database URL (see Database for the accepted forms). User,
// password, path and database name are percent-decoded.
class DatabaseUrl {
 public:
  // Throws std::runtime_error naming what is wrong; the message never
  // contains the password.
  static DatabaseUrl parse(const std::string& url);

  [[nodiscard]] Dialect dialect() const { return dialect_; }
  // SQLite: the file path, or ":memory:".
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& user() const { return user_; }
  [[nodiscard]] const std::string& password() const { return password_; }
  [[nodiscard]] const std::string& host() const { return host_; }
  [[nodiscard]] std::optional<int> port() const { return port_; }
  [[nodiscard]] const std::string& database() const { return database_; }
  // PostgreSQL: the socket directory; MySQL: the socket file. Empty for TCP.
  [[nodiscard]] const std::string& socket() const { return socket_; }

  // The same URL naming another database on the same server (used by tests
  // that give each case a database of its own).
  [[nodiscard]] DatabaseUrl with_database(std::string database) const;
  // The URL again, re-encoded; contains the password.
  [[nodiscard]] std::string str() const;
  // The URL with the password replaced by "***": safe to log.
  [[nodiscard]] std::string redacted() const;

 private:
  DatabaseUrl() = default;
  [[nodiscard]] std::string render(bool with_password) const;

  Dialect dialect_ = Dialect::sqlite;
  std::string scheme_;
  std::string path_;
  std::string user_;
  std::string password_;
  bool has_password_ = false;
  std::string host_;
  std::optional<int> port_;
  std::string database_;
  std::string socket_;
};

}  // namespace crmsync::store
