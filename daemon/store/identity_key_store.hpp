#pragma once

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// One record's matching keys.
struct RecordKeys {
  long long source_record_id = 0;
  std::vector<std::uint64_t> blocking;  // looked up: one `identity_key` row each
  std::vector<std::uint64_t> values;    // only counted: one `identity_value_keys` row for all
  bool seen_before = true;              // false: a new record, which has no keys to replace
};

// The matching keys of every customer source record and how many records
// carry each (`identity_key_count`): which records share a blocking key with
// a new one (`identity_key`), and how common a value is, without holding the
// records in memory. A record's value keys are kept in one row
// (`identity_value_keys`) so that a change can take their counts back.
class IdentityKeyStore {
 public:
  explicit IdentityKeyStore(Database& database) : database_(database) {}

  // Replaces these records' keys and updates the counts, a few statements per
  // batch rather than per record.
  void replace(const std::vector<RecordKeys>& records);
  // How many records carry each key (keys nobody carries are absent). Keys
  // whose counts replace() has just written are answered from memory.
  [[nodiscard]] std::unordered_map<std::uint64_t, long long> counts(const std::vector<std::uint64_t>& keys);
  // Calls visit(key, source_record_id) for each record carrying any of these
  // keys, as the rows arrive: a batch's usable keys can have over a million
  // holders, more than is worth holding as one list.
  using HolderVisitor = std::function<void(std::uint64_t key, long long source_record_id)>;
  void visit_holders(const std::vector<std::uint64_t>& keys, const HolderVisitor& visit);

 private:
  void add_to_counts(const std::unordered_map<std::uint64_t, long long>& deltas);
  // The value keys of these records, as stored, each key once per record.
  std::vector<std::uint64_t> stored_value_keys(const std::vector<long long>& source_record_ids);
  // Visits (key, source_record_id) of the identity_key rows whose `column` is in `values`.
  void visit_pairs(const char* column, const std::vector<long long>& values, const HolderVisitor& visit);

  Database& database_;
  // The counts replace() wrote, as the upsert returned them (PostgreSQL,
  // SQLite): valid while this store lives, inside the batch's transaction.
  std::unordered_map<std::uint64_t, long long> written_counts_;
};

}  // namespace crmsync::store
