#include "daemon/store/core_schema.hpp"

#include <utility>
#include <vector>

#include "daemon/store/schema_table.hpp"

namespace crmsync::store {
namespace {

// Foreign keys are table constraints: MySQL ignores a REFERENCES written on
// the column. VARCHAR lengths are the limits ColumnLimits checks before writing; a key of
// MySQL utf8mb4 (4 bytes a character) stays under InnoDB's 3072 bytes.
std::vector<SchemaTable> core_tables() {
  return {
      {"source_record",
       {"id {id}", "instance VARCHAR(100) NOT NULL", "stream VARCHAR(100) NOT NULL",
        "external_id VARCHAR(255) NOT NULL", "entity_type VARCHAR(16) NOT NULL",
        "payload {long_text} NOT NULL", "payload_hash VARCHAR(128) NOT NULL", "source_updated_at {timestamp}",
        "first_seen {timestamp} NOT NULL", "last_seen {timestamp} NOT NULL",
        "deleted SMALLINT NOT NULL DEFAULT 0"},
       {{"uq_source_record_key", "instance, stream, external_id", true},
        {"ix_source_record_reference", "instance, entity_type, external_id"}}},
      {"customer",
       {"id {id}",
        "kind VARCHAR(16) NOT NULL",
        "name {text}",
        "name_key VARCHAR(500)",
        "primary_email VARCHAR(320)",
        "email_raw {text}",
        "phone_e164 VARCHAR(32)",
        "phone_raw {text}",
        "phone_valid SMALLINT NOT NULL DEFAULT 0",
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
        "merged_into BIGINT",
        "FOREIGN KEY (merged_into) REFERENCES customer (id)",
        "created_at {timestamp} NOT NULL",
        "updated_at {timestamp} NOT NULL"},
       {{"ix_customer_name_key", "name_key"},
        {"ix_customer_primary_email", "primary_email"},
        {"ix_customer_phone_e164", "phone_e164"},
        {"ix_customer_merged_into", "merged_into"}}},
      {"customer_link",
       {"source_record_id BIGINT NOT NULL PRIMARY KEY",
        "FOREIGN KEY (source_record_id) REFERENCES source_record (id)", "customer_id BIGINT NOT NULL",
        "FOREIGN KEY (customer_id) REFERENCES customer (id)", "match_rule VARCHAR(64) NOT NULL",
        "score {real} NOT NULL", "linked_at {timestamp} NOT NULL"},
       {{"ix_customer_link_customer", "customer_id"}}},
      {"customer_field_source",
       {"customer_id BIGINT NOT NULL", "FOREIGN KEY (customer_id) REFERENCES customer (id)",
        "field VARCHAR(64) NOT NULL", "source_record_id BIGINT NOT NULL",
        "FOREIGN KEY (source_record_id) REFERENCES source_record (id)", "rule VARCHAR(64) NOT NULL",
        "PRIMARY KEY (customer_id, field)"},
       {{"ix_customer_field_source_record", "source_record_id"}}},
      {"sales_order",
       {"id {id}", "source_record_id BIGINT NOT NULL",
        "FOREIGN KEY (source_record_id) REFERENCES source_record (id)", "customer_id BIGINT",
        "FOREIGN KEY (customer_id) REFERENCES customer (id)", "customer_ref VARCHAR(255)",
        "order_number VARCHAR(255)", "status {text}", "ordered_at {timestamp}", "currency CHAR(3)",
        "total {decimal}", "created_at {timestamp} NOT NULL", "updated_at {timestamp} NOT NULL"},
       {{"uq_sales_order_source_record", "source_record_id", true},
        {"ix_sales_order_customer", "customer_id"},
        {"ix_sales_order_customer_ref", "customer_ref"},
        {"ix_sales_order_order_number", "order_number"},
        {"ix_sales_order_ordered_at", "ordered_at"}}},
      {"order_line",
       {"order_id BIGINT NOT NULL", "FOREIGN KEY (order_id) REFERENCES sales_order (id) ON DELETE CASCADE",
        "line_no INTEGER NOT NULL", "sku {text}", "description {text}", "quantity {decimal} NOT NULL",
        "unit_price {decimal}", "line_total {decimal}", "PRIMARY KEY (order_id, line_no)"},
       {}},
      {"feedback",
       {"id {id}", "source_record_id BIGINT NOT NULL",
        "FOREIGN KEY (source_record_id) REFERENCES source_record (id)", "customer_id BIGINT",
        "FOREIGN KEY (customer_id) REFERENCES customer (id)", "order_id BIGINT",
        "FOREIGN KEY (order_id) REFERENCES sales_order (id)", "customer_ref VARCHAR(255)",
        "order_ref VARCHAR(255)", "kind VARCHAR(16) NOT NULL", "score INTEGER", "comment {text}",
        "received_at {timestamp}", "created_at {timestamp} NOT NULL", "updated_at {timestamp} NOT NULL"},
       {{"uq_feedback_source_record", "source_record_id", true},
        {"ix_feedback_customer", "customer_id"},
        {"ix_feedback_order", "order_id"},
        {"ix_feedback_customer_ref", "customer_ref"},
        {"ix_feedback_order_ref", "order_ref"},
        {"ix_feedback_received_at", "received_at"}}},
      // The column is stream_cursor, not cursor: CURSOR is reserved in MySQL.
      {"checkpoint",
       {"instance VARCHAR(100) NOT NULL", "stream VARCHAR(100) NOT NULL",
        "stream_cursor {long_text} NOT NULL", "updated_at {timestamp} NOT NULL",
        "PRIMARY KEY (instance, stream)"},
       {}},
      // letter_hash identifies a letter, so a replayed batch does not store it twice.
      {"dead_letter",
       {"id {id}", "instance VARCHAR(100) NOT NULL", "stream VARCHAR(100) NOT NULL", "external_id {text}",
        "location {text}", "reason {text} NOT NULL", "payload {long_text}",
        "letter_hash VARCHAR(64) NOT NULL", "created_at {timestamp} NOT NULL"},
       {{"uq_dead_letter_hash", "instance, stream, letter_hash", true},
        {"ix_dead_letter_instance_created", "instance, created_at"}}},
      {"audit_log",
       {"id {id}", "at {timestamp} NOT NULL", "actor VARCHAR(100) NOT NULL", "action VARCHAR(64) NOT NULL",
        "subject {text}", "detail {text}"},
       {{"ix_audit_log_at", "at"}}},
  };
}

}  // namespace

Migration core_migration(Dialect dialect, const std::string& mysql_collation) {
  Migration core{1, "core tables", {}};
  for (const auto& table : core_tables()) {
    for (auto& statement : render_table(table, dialect, mysql_collation)) {
      core.statements.push_back(std::move(statement));
    }
  }
  return core;
}

}  // namespace crmsync::store
