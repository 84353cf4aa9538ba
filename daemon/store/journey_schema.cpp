#include "daemon/store/journey_schema.hpp"

#include <utility>
#include <vector>

#include "daemon/store/schema_table.hpp"

namespace crmsync::store {
namespace {

std::vector<SchemaTable> journey_tables() {
  return {
      // status: pending | leased | sent | retry | failed | suppressed | skipped.
      // A leased row belongs to lease_owner until lease_until; after that any
      // worker may claim it again (the worker that held it died).
      {"outbox",
       {"id {id}",
        "kind VARCHAR(32) NOT NULL",
        "customer_id BIGINT NOT NULL",
        "FOREIGN KEY (customer_id) REFERENCES customer (id)",
        "order_id BIGINT",
        "FOREIGN KEY (order_id) REFERENCES sales_order (id)",
        "rule VARCHAR(100) NOT NULL",
        "idempotency_key VARCHAR(200) NOT NULL",
        "channel VARCHAR(100) NOT NULL",
        "template VARCHAR(100) NOT NULL",
        "language VARCHAR(8) NOT NULL",
        "survey VARCHAR(8)",
        "survey_token VARCHAR(128)",
        "due_at {timestamp} NOT NULL",
        "status VARCHAR(16) NOT NULL",
        "attempts INTEGER NOT NULL DEFAULT 0",
        "lease_owner VARCHAR(100)",
        "lease_until {timestamp}",
        "last_error {text}",
        "message_id VARCHAR(255)",
        "created_at {timestamp} NOT NULL",
        "updated_at {timestamp} NOT NULL",
        "sent_at {timestamp}"},
       {{"uq_outbox_idempotency_key", "idempotency_key", true},
        {"uq_outbox_survey_token", "survey_token", true},
        {"ix_outbox_status_due", "status, due_at"},
        {"ix_outbox_customer_sent", "customer_id, sent_at"},
        {"ix_outbox_message_id", "message_id"}}},
      // reason: opted_out | unsubscribed | bounced | erased. An address, a
      // customer or both; either one matching suppresses a message.
      {"suppression",
       {"id {id}", "address VARCHAR(320)", "customer_id BIGINT", "reason VARCHAR(16) NOT NULL",
        "source VARCHAR(100) NOT NULL", "at {timestamp} NOT NULL"},
       {{"ix_suppression_address", "address"}, {"ix_suppression_customer", "customer_id"}}},
  };
}

// A merged customer's rows count for the customer it was merged into.
constexpr const char* kGoldenId = "COALESCE(c.merged_into, c.id)";

std::string orders_unified() {
  return std::string(
             "SELECT o.id AS order_id, s.instance, s.stream, s.external_id, o.order_number, o.status,"
             " o.ordered_at, o.currency, o.total, ") +
         kGoldenId +
         " AS customer_id, c.name AS customer_name, c.country, c.tier, o.created_at, o.updated_at"
         " FROM sales_order o JOIN source_record s ON s.id = o.source_record_id"
         " LEFT JOIN customer c ON c.id = o.customer_id WHERE s.deleted = 0";
}

std::string feedback_unified() {
  return std::string(
             "SELECT f.id AS feedback_id, s.instance, s.stream, s.external_id, f.kind, f.score, f.comment,"
             " f.received_at, ") +
         kGoldenId +
         " AS customer_id, c.name AS customer_name, c.country, c.tier, f.order_id, o.order_number"
         " FROM feedback f JOIN source_record s ON s.id = f.source_record_id"
         " LEFT JOIN customer c ON c.id = f.customer_id LEFT JOIN sales_order o ON o.id = f.order_id"
         " WHERE s.deleted = 0";
}

// NPS = % promoters (9-10) - % detractors (0-6), per tier and country of the
// golden customer; answers not linked to a customer fall under 'unknown'.
std::string nps_by_segment() {
  return "SELECT COALESCE(g.tier, 'unknown') AS tier, COALESCE(g.country, 'unknown') AS country,"
         " COUNT(*) AS responses,"
         " SUM(CASE WHEN f.score >= 9 THEN 1 ELSE 0 END) AS promoters,"
         " SUM(CASE WHEN f.score BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS passives,"
         " SUM(CASE WHEN f.score <= 6 THEN 1 ELSE 0 END) AS detractors,"
         " ROUND(100.0 * (SUM(CASE WHEN f.score >= 9 THEN 1 ELSE 0 END)"
         " - SUM(CASE WHEN f.score <= 6 THEN 1 ELSE 0 END)) / COUNT(*), 1) AS nps"
         " FROM feedback f JOIN source_record s ON s.id = f.source_record_id"
         " LEFT JOIN customer c ON c.id = f.customer_id"
         " LEFT JOIN customer g ON g.id = COALESCE(c.merged_into, c.id)"
         " WHERE f.kind = 'nps' AND f.score IS NOT NULL AND s.deleted = 0"
         " GROUP BY COALESCE(g.tier, 'unknown'), COALESCE(g.country, 'unknown')";
}

void append(std::vector<std::string>& to, std::vector<std::string> statements) {
  for (auto& statement : statements) to.push_back(std::move(statement));
}

}  // namespace

Migration journey_migration(Dialect dialect, const std::string& mysql_collation) {
  Migration migration{3, "customer journey", {}};
  for (const auto& table : journey_tables())
    append(migration.statements, render_table(table, dialect, mysql_collation));
  append(migration.statements, render_view("orders_unified", orders_unified(), dialect));
  append(migration.statements, render_view("feedback_unified", feedback_unified(), dialect));
  append(migration.statements, render_view("nps_by_segment", nps_by_segment(), dialect));
  return migration;
}

}  // namespace crmsync::store
