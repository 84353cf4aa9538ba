#include "daemon/scheduler/outbox_listing.hpp"

#include <string>

#include <fmt/format.h>
#include <soci/soci.h>

namespace crmsync::scheduler {

OutboxListing::OutboxListing(store::Database& database) : database_(database) {}

int OutboxListing::print(std::ostream& out, int limit) {
  auto& sql = database_.session();
  long long sent = 0;
  sql << "SELECT COUNT(*) FROM outbox WHERE status = 'sent'", soci::into(sent);
  out << fmt::format("{:>6}  {:<10}  {:<20}  {:>3}  {:<8}  {:<40}  {}\n", "id", "status", "due_at", "try",
                     "customer", "idempotency key", "last error");
  long long id = 0;
  long long customer = 0;
  int attempts = 0;
  std::string status, due_at, key, error;
  soci::indicator error_indicator = soci::i_null;
  soci::statement rows =
      (sql.prepare << "SELECT id, status, due_at, attempts, customer_id, idempotency_key, last_error"
                      " FROM outbox WHERE status <> 'sent' ORDER BY due_at, id LIMIT " +
                          std::to_string(limit),
       soci::into(id), soci::into(status), soci::into(due_at), soci::into(attempts), soci::into(customer),
       soci::into(key), soci::into(error, error_indicator));
  rows.execute();
  int printed = 0;
  while (rows.fetch()) {
    out << fmt::format("{:>6}  {:<10}  {:<20}  {:>3}  {:<8}  {:<40}  {}\n", id, status, due_at, attempts,
                       customer, key, error_indicator == soci::i_ok ? error : "");
    ++printed;
  }
  out << fmt::format("{} not yet sent or not sendable shown; {} sent\n", printed, sent);
  return printed;
}

}  // namespace crmsync::scheduler
