#include "daemon/store/postgres_copy_in.hpp"

#include <memory>
#include <stdexcept>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "daemon/store/copy_text_format.hpp"

namespace crmsync::store {
namespace {

PGconn* connection_of(Database& database) {
  auto& session = database.session();
  // libsoci_postgresql exports no typeinfo for its backend, so no
  // dynamic_cast: the backend's own name says what it is.
  if (session.get_backend() == nullptr || session.get_backend_name() != "postgresql") {
    throw std::logic_error("COPY needs a PostgreSQL session");
  }
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  if (backend->conn_ == nullptr) throw std::logic_error("COPY needs a connected PostgreSQL session");
  return backend->conn_;
}

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string server_message(PGconn* connection, const PGresult* result) {
  const char* message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection);
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Sends what is buffered once it is this large: bounded memory per COPY, and
// the server inserts the first rows while the rest are being formatted.
constexpr std::size_t kSendAt = 64 << 10;

}  // namespace

void PostgresCopyIn::run(Database& database, const std::string& table,
                         const std::vector<std::string>& columns,
                         const std::vector<std::vector<Value>>& rows) {
  if (rows.empty()) return;
  PGconn* connection = connection_of(database);
  std::string command = "COPY " + table + " (";
  for (std::size_t c = 0; c < columns.size(); ++c) command += (c > 0 ? ", " : "") + columns[c];
  command += ") FROM STDIN";
  const Result started(PQexec(connection, command.c_str()));
  if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
    throw std::runtime_error(table + ": " + server_message(connection, started.get()));
  }
  std::string buffer;
  std::string failure;
  const auto send = [&] {
    if (failure.empty() && PQputCopyData(connection, buffer.data(), static_cast<int>(buffer.size())) != 1) {
      failure = server_message(connection, nullptr);
    }
    buffer.clear();
  };
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) buffer += '\t';
      if (row[c]) {
        CopyTextFormat::append_field(buffer, *row[c]);
      } else {
        CopyTextFormat::append_null(buffer);
      }
    }
    buffer += '\n';
    if (buffer.size() >= kSendAt) send();
  }
  if (!buffer.empty()) send();
  if (PQputCopyEnd(connection, failure.empty() ? nullptr : failure.c_str()) != 1 && failure.empty()) {
    failure = server_message(connection, nullptr);
  }
  // The COPY's outcome, then the end of its results: the connection is free again.
  std::string error;
  while (PGresult* raw = PQgetResult(connection)) {
    const Result result(raw);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK && error.empty()) {
      error = server_message(connection, result.get());
    }
  }
  if (!error.empty()) throw std::runtime_error(table + ": " + error);
  if (!failure.empty()) throw std::runtime_error(table + ": " + failure);
}

}  // namespace crmsync::store
