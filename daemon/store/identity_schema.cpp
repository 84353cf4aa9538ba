#include "daemon/store/identity_schema.hpp"

#include <utility>
#include <vector>

#include "daemon/store/schema_table.hpp"

namespace crmsync::store {
namespace {

std::vector<SchemaTable> identity_tables() {
  return {
      // The customer as this one source record describes it, normalised: the
      // input of matching and survivorship, kept so a merge can be undone.
      {"source_customer",
       {"source_record_id BIGINT NOT NULL PRIMARY KEY",
        "FOREIGN KEY (source_record_id) REFERENCES source_record (id)",
        "instance VARCHAR(100) NOT NULL",
        "kind VARCHAR(16) NOT NULL",
        "name {text}",
        "name_key VARCHAR(500)",
        "email VARCHAR(320)",
        "email_raw {text}",
        "phone_e164 VARCHAR(32)",
        "phone_raw {text}",
        "company {text}",
        "country VARCHAR(2)",
        "city {text}",
        "address {text}",
        "postcode {text}",
        "date_of_birth VARCHAR(10)",
        "tax_id {text}",
        "tier {text}",
        "lifecycle_stage {text}",
        "owner {text}",
        "updated_at {timestamp} NOT NULL"},
       {}},
      // Blocking and value keys (64-bit hashes, see BlockingKeys): who to
      // compare a new record with, and how common each value is.
      {"identity_key",
       {"key_hash BIGINT NOT NULL", "source_record_id BIGINT NOT NULL",
        "FOREIGN KEY (source_record_id) REFERENCES source_record (id)",
        "PRIMARY KEY (key_hash, source_record_id)"},
       {{"ix_identity_key_record", "source_record_id"}}},
      // A person's word on two source records (record_a < record_b): 'never'
      // keeps them apart through every re-resolution; 'always' keeps them together.
      {"match_decision",
       {"record_a BIGINT NOT NULL", "record_b BIGINT NOT NULL", "decision VARCHAR(16) NOT NULL",
        "actor VARCHAR(100) NOT NULL", "reason {text}", "decided_at {timestamp} NOT NULL",
        "PRIMARY KEY (record_a, record_b)"},
       {{"ix_match_decision_b", "record_b"}}},
      // The review queue: pairs scored between the review and merge thresholds,
      // or strong pairs kept apart by the chaining rule.
      {"duplicate_candidate",
       {"record_a BIGINT NOT NULL", "record_b BIGINT NOT NULL", "score {real} NOT NULL", "agreed {text}",
        "disagreed {text}", "found_at {timestamp} NOT NULL", "PRIMARY KEY (record_a, record_b)"},
       {{"ix_duplicate_candidate_b", "record_b"}}},
  };
}

std::string list_of(Dialect dialect, const std::string& expression) {
  switch (dialect) {
    case Dialect::sqlite:
      return "group_concat(DISTINCT " + expression + ")";
    case Dialect::postgresql:
      return "string_agg(DISTINCT " + expression + ", ',')";
    case Dialect::mysql:
      return "GROUP_CONCAT(DISTINCT " + expression + " SEPARATOR ',')";
  }
  return expression;
}

// One row per live golden customer. Order value is summed only when all of a
// customer's orders share one currency (order_value_currency); otherwise it is NULL.
std::string customer_360(Dialect dialect) {
  const std::string amount = dialect == Dialect::sqlite ? "CAST(o.total AS REAL)" : "o.total";
  return "SELECT c.id AS customer_id, c.kind, c.name, c.primary_email, c.phone_e164, c.company, c.country,"
         " c.city, c.tier, c.lifecycle_stage, c.owner, c.created_at, c.updated_at,"
         " (SELECT COUNT(*) FROM customer_link l WHERE l.customer_id = c.id) AS source_count,"
         " (SELECT " +
         list_of(dialect, "s.instance") +
         " FROM customer_link l JOIN source_record s ON s.id = l.source_record_id"
         " WHERE l.customer_id = c.id) AS systems,"
         " (SELECT COUNT(*) FROM sales_order o WHERE o.customer_id = c.id) AS order_count,"
         " (SELECT CASE WHEN COUNT(DISTINCT o.currency) = 1 THEN SUM(" +
         amount +
         ") END"
         " FROM sales_order o WHERE o.customer_id = c.id) AS order_value,"
         " (SELECT CASE WHEN COUNT(DISTINCT o.currency) = 1 THEN MIN(o.currency) END"
         " FROM sales_order o WHERE o.customer_id = c.id) AS order_value_currency,"
         " (SELECT MAX(o.ordered_at) FROM sales_order o WHERE o.customer_id = c.id) AS last_order_at,"
         " (SELECT f.score FROM feedback f WHERE f.customer_id = c.id AND f.score IS NOT NULL"
         " ORDER BY f.received_at DESC, f.id DESC LIMIT 1) AS last_feedback_score,"
         " (SELECT MAX(f.received_at) FROM feedback f WHERE f.customer_id = c.id) AS last_feedback_at"
         " FROM customer c WHERE c.merged_into IS NULL"
         " AND EXISTS (SELECT 1 FROM customer_link l WHERE l.customer_id = c.id)";
}

// Pairs waiting for a person: both records still in different customers and
// no decision taken on them.
std::string duplicate_candidates() {
  return "SELECT d.record_a, d.record_b, la.customer_id AS customer_a, lb.customer_id AS customer_b,"
         " ca.name AS name_a, cb.name AS name_b, sa.instance AS instance_a, sa.external_id AS external_id_a,"
         " sb.instance AS instance_b, sb.external_id AS external_id_b, d.score, d.agreed, d.disagreed, "
         "d.found_at"
         " FROM duplicate_candidate d"
         " JOIN customer_link la ON la.source_record_id = d.record_a"
         " JOIN customer_link lb ON lb.source_record_id = d.record_b"
         " JOIN customer ca ON ca.id = la.customer_id JOIN customer cb ON cb.id = lb.customer_id"
         " JOIN source_record sa ON sa.id = d.record_a JOIN source_record sb ON sb.id = d.record_b"
         " WHERE la.customer_id <> lb.customer_id"
         " AND NOT EXISTS (SELECT 1 FROM match_decision m WHERE m.record_a = d.record_a AND m.record_b = "
         "d.record_b)";
}

}  // namespace

Migration identity_migration(Dialect dialect, const std::string& mysql_collation) {
  Migration migration{2, "identity resolution", {}};
  for (const auto& table : identity_tables()) {
    for (auto& statement : render_table(table, dialect, mysql_collation)) {
      migration.statements.push_back(std::move(statement));
    }
  }
  // Where a record was before a merge moved it: what unmerge restores.
  migration.statements.push_back(
      dialect == Dialect::sqlite ? "ALTER TABLE customer_link ADD COLUMN merged_from BIGINT"
                                 : "ALTER TABLE customer_link ADD COLUMN IF NOT EXISTS merged_from BIGINT");
  for (auto& statement : render_view("customer_360", customer_360(dialect), dialect)) {
    migration.statements.push_back(std::move(statement));
  }
  for (auto& statement : render_view("duplicate_candidates", duplicate_candidates(), dialect)) {
    migration.statements.push_back(std::move(statement));
  }
  return migration;
}

}  // namespace crmsync::store
