#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// One record's matching keys.
struct RecordKeys {
  long long source_record_id = 0;
  std::vector<std::uint64_t> blocking;  // looked up: one `identity_key` row each
  std::vector<std::uint64_t> values;    // counted: one `identity_value_keys` row for all
  bool seen_before = true;              // false: a new record, which has no keys to replace
};

// The matching keys of every customer source record: which records share a
// blocking key with a new one (`identity_key`, one row per key and record),
// and how common a field's value is (`identity_key_count`, the holders of
// each value key), without holding the records in memory. A record's value
// keys are kept in one row (`identity_value_keys`) so that a change can take
// their counts back. How many records hold a blocking key is read from
// `identity_key` itself (migration 8).
class IdentityKeyStore {
 public:
  explicit IdentityKeyStore(Database& database) : database_(database) {}

  // Replaces these records' keys and updates the value keys' counts, a few
  // statements per batch rather than per record.
  void replace(const std::vector<RecordKeys>& records);
  // How many records carry each value key (keys nobody carries are absent).
  // Keys whose counts replace() has just written are answered from memory.
  [[nodiscard]] std::unordered_map<std::uint64_t, long long> counts(const std::vector<std::uint64_t>& keys);
  // Whether replace() changed this value key's count: a count read before it
  // (on another connection, say) is out of date.
  [[nodiscard]] bool changed(std::uint64_t key) const { return changed_.contains(key); }
  // Calls visit(key, holders) for each of these blocking keys that some
  // record holds, with at most limit + 1 of the records holding it: a key
  // visited with more than `limit` holders has more than `limit`, and only
  // that many are read however common the key is. The `excluded` records are
  // not holders: a batch passes those whose keys it is about to replace.
  using BlockVisitor = std::function<void(std::uint64_t key, const std::vector<long long>& holders)>;
  void visit_blocks(const std::vector<std::uint64_t>& keys, std::size_t limit, const BlockVisitor& visit,
                    const std::vector<long long>& excluded = {});

 private:
  // The value keys of these records as stored, each key once per record, and
  // which of the records have a row of value keys.
  struct StoredValueKeys {
    std::vector<std::uint64_t> keys;
    std::unordered_set<long long> records;
  };
  void add_to_counts(const std::unordered_map<std::uint64_t, long long>& deltas);
  StoredValueKeys stored_value_keys(const std::vector<long long>& source_record_ids);
  // Calls visit(key) for each identity_key row of these records.
  void visit_keys_of(const std::vector<long long>& source_record_ids,
                     const std::function<void(std::uint64_t key)>& visit);
  // visit_blocks with the holders listed as text per key (PostgreSQL, SQLite).
  void visit_listed_blocks(const std::vector<std::uint64_t>& keys, std::size_t limit,
                           const BlockVisitor& visit, const std::vector<long long>& excluded);
  // visit_blocks with the holders as rows in key order (MariaDB).
  void visit_block_rows(const std::vector<std::uint64_t>& keys, std::size_t limit, const BlockVisitor& visit,
                        const std::vector<long long>& excluded);

  Database& database_;
  // The counts replace() wrote, as the upsert returned them (PostgreSQL,
  // SQLite): valid while this store lives, inside the batch's transaction.
  std::unordered_map<std::uint64_t, long long> written_counts_;
  std::unordered_set<std::uint64_t> changed_;
};

}  // namespace crmsync::store
