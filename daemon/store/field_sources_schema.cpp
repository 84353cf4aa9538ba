#include "daemon/store/field_sources_schema.hpp"

#include <string>

#include "daemon/store/schema_table.hpp"

namespace crmsync::store {
namespace {

std::string lineage_view(Dialect dialect) {
  switch (dialect) {
    case Dialect::postgresql:
      return "SELECT c.id AS customer_id, CAST(e.value ->> 0 AS VARCHAR(64)) AS field,"
             " CAST(e.value ->> 1 AS BIGINT) AS source_record_id, CAST(e.value ->> 2 AS VARCHAR(64)) AS rule"
             " FROM customer c CROSS JOIN LATERAL json_array_elements(CAST(c.field_sources AS JSON)) AS "
             "e(value)";
    case Dialect::mysql:
      return "SELECT c.id AS customer_id, f.field, f.source_record_id, f.rule FROM customer c,"
             " JSON_TABLE(c.field_sources, '$[*]' COLUMNS (field VARCHAR(64) PATH '$[0]',"
             " source_record_id BIGINT PATH '$[1]', rule VARCHAR(64) PATH '$[2]')) AS f";
    case Dialect::sqlite:
      break;
  }
  return "SELECT c.id AS customer_id, json_extract(e.value, '$[0]') AS field,"
         " json_extract(e.value, '$[1]') AS source_record_id, json_extract(e.value, '$[2]') AS rule"
         " FROM customer c, json_each(c.field_sources) AS e";
}

}  // namespace

Migration field_sources_migration(Dialect dialect) {
  Migration migration{9, "lineage in the customer's row", {}};
  // The carry-over and the drop run only while customer_field_source is a
  // table: MariaDB commits DDL at once, so the migration may run again from
  // any statement, and must not read the view it is about to create.
  switch (dialect) {
    case Dialect::postgresql:
      migration.statements = {
          "ALTER TABLE customer ADD COLUMN IF NOT EXISTS field_sources TEXT",
          "DO $$ BEGIN"
          " IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema()"
          " AND table_name = 'customer_field_source' AND table_type = 'BASE TABLE') THEN"
          " UPDATE customer AS c SET field_sources = l.list FROM (SELECT customer_id,"
          " CAST(json_agg(json_build_array(field, source_record_id, rule) ORDER BY field) AS TEXT) AS list"
          " FROM customer_field_source GROUP BY customer_id) AS l WHERE c.id = l.customer_id;"
          " DROP TABLE customer_field_source;"
          " END IF; END $$"};
      break;
    case Dialect::mysql:
      migration.statements = {
          "ALTER TABLE customer ADD COLUMN IF NOT EXISTS field_sources MEDIUMTEXT",
          "BEGIN NOT ATOMIC"
          " IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
          " AND TABLE_NAME = 'customer_field_source' AND TABLE_TYPE = 'BASE TABLE') THEN"
          " UPDATE customer AS c JOIN (SELECT customer_id,"
          " JSON_ARRAYAGG(JSON_ARRAY(field, source_record_id, rule) ORDER BY field) AS list"
          " FROM customer_field_source GROUP BY customer_id) AS l ON l.customer_id = c.id"
          " SET c.field_sources = l.list;"
          " DROP TABLE customer_field_source;"
          " END IF; END"};
      break;
    case Dialect::sqlite:
      // One transaction: SQLite never sees the migration half applied.
      migration.statements = {"ALTER TABLE customer ADD COLUMN field_sources TEXT",
                              "UPDATE customer SET field_sources = (SELECT "
                              "json_group_array(json_array(f.field, f.source_record_id,"
                              " f.rule)) FROM (SELECT * FROM customer_field_source ORDER BY field) AS f"
                              " WHERE f.customer_id = customer.id)"
                              " WHERE id IN (SELECT customer_id FROM customer_field_source)",
                              "DROP TABLE customer_field_source"};
      break;
  }
  for (auto& statement : render_view("customer_field_source", lineage_view(dialect), dialect)) {
    migration.statements.push_back(std::move(statement));
  }
  return migration;
}

}  // namespace crmsync::store
