#include "daemon/store/derived_rows_schema.hpp"

namespace crmsync::store {

Migration derived_rows_migration(Dialect dialect) {
  Migration migration{7, "derived rows without foreign-key checks", {}};
  // The constraints were declared without names: each engine named them by
  // its own rule, in declaration order.
  switch (dialect) {
    case Dialect::postgresql:
      migration.statements = {
          "ALTER TABLE customer_field_source DROP CONSTRAINT IF EXISTS "
          "customer_field_source_customer_id_fkey,"
          " DROP CONSTRAINT IF EXISTS customer_field_source_source_record_id_fkey",
          "ALTER TABLE identity_key DROP CONSTRAINT IF EXISTS identity_key_source_record_id_fkey",
          "ALTER TABLE identity_value_keys DROP CONSTRAINT IF EXISTS "
          "identity_value_keys_source_record_id_fkey"};
      break;
    case Dialect::mysql:
      migration.statements = {
          "ALTER TABLE customer_field_source DROP FOREIGN KEY IF EXISTS customer_field_source_ibfk_1,"
          " DROP FOREIGN KEY IF EXISTS customer_field_source_ibfk_2",
          "ALTER TABLE identity_key DROP FOREIGN KEY IF EXISTS identity_key_ibfk_1",
          "ALTER TABLE identity_value_keys DROP FOREIGN KEY IF EXISTS identity_value_keys_ibfk_1"};
      break;
    case Dialect::sqlite:
      break;
  }
  return migration;
}

}  // namespace crmsync::store
