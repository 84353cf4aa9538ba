#include "daemon/store/block_sizes_schema.hpp"

namespace crmsync::store {

Migration block_sizes_migration() {
  // The same statement on every engine; it may run again (nothing is left to delete).
  return {8,
          "key counts for value keys only",
          {"DELETE FROM identity_key_count WHERE key_hash IN (SELECT k.key_hash FROM identity_key k"
           " JOIN identity_value_keys v ON v.source_record_id = k.source_record_id)"}};
}

}  // namespace crmsync::store
