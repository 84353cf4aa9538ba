#include "daemon/scheduler/outbox_store.hpp"

#include <soci/soci.h>

#include "daemon/scheduler/stored_time.hpp"
#include "daemon/store/utc_timestamp.hpp"
#include "daemon/store/write_transaction.hpp"

namespace crmsync::scheduler {
namespace {

using store::Dialect;
using store::UtcTimestamp;

std::string insert_ignoring_duplicates(Dialect dialect) {
  const std::string columns =
      " INTO outbox (kind, customer_id, order_id, rule, idempotency_key, channel, template, language, survey,"
      " survey_token, due_at, status, attempts, created_at, updated_at) VALUES (:kind, :customer_id, "
      ":order_id,"
      " :rule, :idempotency_key, :channel, :template, :language, :survey, :survey_token, :due_at, 'pending', "
      "0,"
      " :created_at, :updated_at)";
  if (dialect == Dialect::mysql)
    return "INSERT" + columns + " ON DUPLICATE KEY UPDATE idempotency_key = idempotency_key";
  return "INSERT" + columns + " ON CONFLICT (idempotency_key) DO NOTHING";
}

std::string text_or_empty(const std::string& value, soci::indicator indicator) {
  return indicator == soci::i_ok ? value : std::string();
}

// Rows a worker may take: due, or leased by a worker whose lease ran out.
constexpr const char* kClaimable =
    "((status IN ('pending', 'retry') AND due_at <= :now) OR (status = 'leased' AND lease_until <= "
    ":now_lease))";

}  // namespace

OutboxStore::OutboxStore(store::Database& database) : database_(database) {}

// Inside the caller's transaction, which on PostgreSQL and MariaDB locks the
// row until the update that follows commits (SQLite holds the write lock).
bool OutboxStore::holds_lease(long long id, const std::string& owner) {
  std::string status;
  std::string lease_owner;
  soci::indicator owner_indicator = soci::i_null;
  const std::string lock = database_.dialect() == Dialect::sqlite ? "" : " FOR UPDATE";
  auto& sql = database_.session();
  sql << "SELECT status, lease_owner FROM outbox WHERE id = :id" + lock, soci::into(status),
      soci::into(lease_owner, owner_indicator), soci::use(id);
  return sql.got_data() && status == "leased" && owner_indicator == soci::i_ok && lease_owner == owner;
}

bool OutboxStore::plan(const PlannedMessage& message, const std::string& now) {
  auto& sql = database_.session();
  long long planned = 0;
  sql << "SELECT COUNT(*) FROM outbox WHERE idempotency_key = :key", soci::into(planned),
      soci::use(message.idempotency_key);
  if (planned > 0) return false;
  soci::indicator order_indicator = message.order_id ? soci::i_ok : soci::i_null;
  long long order_id = message.order_id.value_or(0);
  soci::indicator survey_indicator = message.survey.empty() ? soci::i_null : soci::i_ok;
  soci::indicator token_indicator = message.survey_token.empty() ? soci::i_null : soci::i_ok;
  const std::string due_at = UtcTimestamp::format(message.due_at);
  soci::statement insert =
      (sql.prepare << insert_ignoring_duplicates(database_.dialect()), soci::use(message.kind),
       soci::use(message.customer_id), soci::use(order_id, order_indicator), soci::use(message.rule),
       soci::use(message.idempotency_key), soci::use(message.channel), soci::use(message.template_name),
       soci::use(message.language), soci::use(message.survey, survey_indicator),
       soci::use(message.survey_token, token_indicator), soci::use(due_at), soci::use(now), soci::use(now));
  // A concurrent planner of the same key between the check and here: the
  // unique key turns this insert into a no-op instead of a second row.
  insert.execute(true);
  return true;
}

std::vector<long long> OutboxStore::claim_due(std::chrono::sys_seconds now, const std::string& owner,
                                              std::chrono::seconds lease, int limit) {
  auto& sql = database_.session();
  const std::string now_text = UtcTimestamp::format(now);
  const std::string lease_until = UtcTimestamp::format(now + lease);
  std::string query = std::string("SELECT id FROM outbox WHERE ") + kClaimable +
                      " ORDER BY due_at, id LIMIT " + std::to_string(limit);
  if (database_.dialect() != Dialect::sqlite) query += " FOR UPDATE SKIP LOCKED";
  store::WriteTransaction transaction(database_);
  std::vector<long long> ids;
  {
    // Row by row: a bulk into() sized to a limit of one came back empty on SQLite.
    long long id = 0;
    soci::statement select =
        (sql.prepare << query, soci::use(now_text, "now"), soci::use(now_text, "now_lease"), soci::into(id));
    select.execute();
    while (select.fetch()) ids.push_back(id);
  }
  for (long long id : ids) {
    sql << "UPDATE outbox SET status = 'leased', lease_owner = :owner, lease_until = :lease_until,"
           " updated_at = :now WHERE id = :id",
        soci::use(owner), soci::use(lease_until), soci::use(now_text), soci::use(id);
  }
  transaction.commit();
  return ids;
}

std::optional<OutboxRow> OutboxStore::load(long long id) {
  auto& sql = database_.session();
  OutboxRow row;
  soci::indicator survey_i = soci::i_null, token_i = soci::i_null, name_i = soci::i_null,
                  email_i = soci::i_null, country_i = soci::i_null, phone_i = soci::i_null,
                  owner_i = soci::i_null, tier_i = soci::i_null, number_i = soci::i_null;
  sql << "SELECT x.id, x.kind, c.id, x.rule, x.idempotency_key, x.channel, x.template, x.language, x.survey,"
         " x.survey_token, x.attempts, x.status, x.due_at, c.name, c.primary_email, c.country, c.phone_e164,"
         " c.owner, c.tier, o.order_number"
         " FROM outbox x JOIN customer planned ON planned.id = x.customer_id"
         " JOIN customer c ON c.id = COALESCE(planned.merged_into, planned.id)"
         " LEFT JOIN sales_order o ON o.id = x.order_id WHERE x.id = :id",
      soci::into(row.id), soci::into(row.kind), soci::into(row.customer_id), soci::into(row.rule),
      soci::into(row.idempotency_key), soci::into(row.channel), soci::into(row.template_name),
      soci::into(row.language), soci::into(row.survey, survey_i), soci::into(row.survey_token, token_i),
      soci::into(row.attempts), soci::into(row.status), soci::into(row.due_at),
      soci::into(row.customer_name, name_i), soci::into(row.email, email_i),
      soci::into(row.country, country_i), soci::into(row.phone_e164, phone_i), soci::into(row.owner, owner_i),
      soci::into(row.tier, tier_i), soci::into(row.order_number, number_i), soci::use(id);
  if (!sql.got_data()) return std::nullopt;
  row.survey = text_or_empty(row.survey, survey_i);
  row.survey_token = text_or_empty(row.survey_token, token_i);
  row.customer_name = text_or_empty(row.customer_name, name_i);
  row.email = text_or_empty(row.email, email_i);
  row.country = text_or_empty(row.country, country_i);
  row.phone_e164 = text_or_empty(row.phone_e164, phone_i);
  row.owner = text_or_empty(row.owner, owner_i);
  row.tier = text_or_empty(row.tier, tier_i);
  row.order_number = text_or_empty(row.order_number, number_i);
  return row;
}

bool OutboxStore::start_attempt(long long id, const std::string& owner, std::chrono::sys_seconds now) {
  store::WriteTransaction transaction(database_);
  const std::string at = UtcTimestamp::format(now);
  if (!holds_lease(id, owner)) return false;
  database_.session() << "UPDATE outbox SET attempts = attempts + 1, updated_at = :now WHERE id = :id",
      soci::use(at), soci::use(id);
  transaction.commit();
  return true;
}

bool OutboxStore::mark_sent(long long id, const std::string& owner, const std::string& message_id,
                            std::chrono::sys_seconds now) {
  store::WriteTransaction transaction(database_);
  const std::string at = UtcTimestamp::format(now);
  if (!holds_lease(id, owner)) return false;
  database_.session() << "UPDATE outbox SET status = 'sent', message_id = :message_id, sent_at = :sent_at,"
                         " last_error = NULL, lease_owner = NULL, lease_until = NULL, updated_at = :now"
                         " WHERE id = :id",
      soci::use(message_id), soci::use(at), soci::use(at), soci::use(id);
  transaction.commit();
  return true;
}

bool OutboxStore::mark_retry(long long id, const std::string& owner, std::chrono::sys_seconds due_at,
                             const std::string& error, std::chrono::sys_seconds now) {
  store::WriteTransaction transaction(database_);
  const std::string at = UtcTimestamp::format(now);
  const std::string due = UtcTimestamp::format(due_at);
  if (!holds_lease(id, owner)) return false;
  database_.session() << "UPDATE outbox SET status = 'retry', due_at = :due_at, last_error = :error,"
                         " lease_owner = NULL, lease_until = NULL, updated_at = :now"
                         " WHERE id = :id",
      soci::use(due), soci::use(error), soci::use(at), soci::use(id);
  transaction.commit();
  return true;
}

bool OutboxStore::close(long long id, const std::string& owner, const std::string& status,
                        const std::string& reason, std::chrono::sys_seconds now) {
  store::WriteTransaction transaction(database_);
  const std::string at = UtcTimestamp::format(now);
  if (!holds_lease(id, owner)) return false;
  database_.session() << "UPDATE outbox SET status = :status, last_error = :reason, lease_owner = NULL,"
                         " lease_until = NULL, updated_at = :now"
                         " WHERE id = :id",
      soci::use(status), soci::use(reason), soci::use(at), soci::use(id);
  transaction.commit();
  return true;
}

bool OutboxStore::postpone(long long id, const std::string& owner, std::chrono::sys_seconds due_at,
                           const std::string& reason, std::chrono::sys_seconds now) {
  store::WriteTransaction transaction(database_);
  const std::string at = UtcTimestamp::format(now);
  const std::string due = UtcTimestamp::format(due_at);
  if (!holds_lease(id, owner)) return false;
  database_.session() << "UPDATE outbox SET status = 'pending', due_at = :due_at, last_error = :reason,"
                         " lease_owner = NULL, lease_until = NULL, updated_at = :now"
                         " WHERE id = :id",
      soci::use(due), soci::use(reason), soci::use(at), soci::use(id);
  transaction.commit();
  return true;
}

std::optional<std::string> OutboxStore::last_survey_sent(long long customer_id, long long except) {
  std::string sent_at;
  soci::indicator indicator = soci::i_null;
  database_.session() << "SELECT MAX(x.sent_at) FROM outbox x JOIN customer c ON c.id = x.customer_id"
                         " WHERE COALESCE(c.merged_into, c.id) = :customer_id AND x.kind = 'survey_email'"
                         " AND x.status = 'sent' AND x.id <> :except",
      soci::into(sent_at, indicator), soci::use(customer_id), soci::use(except);
  if (indicator != soci::i_ok) return std::nullopt;
  return sent_at;
}

std::optional<std::string> OutboxStore::external_id_in(long long customer_id, const std::string& instance) {
  std::string external_id;
  soci::indicator indicator = soci::i_null;
  database_.session()
      << "SELECT MIN(s.external_id) FROM customer_link l JOIN source_record s ON s.id = l.source_record_id"
         " JOIN customer m ON m.id = l.customer_id WHERE COALESCE(m.merged_into, m.id) = :customer_id"
         " AND s.instance = :instance AND s.entity_type = 'customer' AND s.deleted = 0",
      soci::into(external_id, indicator), soci::use(customer_id), soci::use(instance);
  if (indicator != soci::i_ok) return std::nullopt;
  return external_id;
}

std::optional<std::chrono::sys_seconds> OutboxStore::next_due() {
  std::string due;
  soci::indicator indicator = soci::i_null;
  database_.session()
      << "SELECT MIN(CASE WHEN status = 'leased' THEN lease_until ELSE due_at END) FROM outbox"
         " WHERE status IN ('pending', 'retry', 'leased')",
      soci::into(due, indicator);
  if (indicator != soci::i_ok) return std::nullopt;
  return parse_stored_time(due);
}

}  // namespace crmsync::scheduler
