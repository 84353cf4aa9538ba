#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "daemon/identity/blocking_keys.hpp"
#include "daemon/identity/golden_record_builder.hpp"
#include "daemon/identity/identity_record_builder.hpp"
#include "daemon/identity/resolution_config.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::store {

// Reads what a batch of customer records is resolved against, as the store
// held it before the batch: the stored records that share a usable blocking
// key with a batch record (and whom a batch record has reason to be compared
// with), their customers' other records, how common those records' values
// are, and the people's "never" decisions among them. The batch's own records and keys are taken from memory,
// so the result is the same whether the batch's rows are written yet or not; a batch writer runs this on a
// second connection while its own writes the batch.
class NeighbourhoodQuery {
 public:
  // The batch, as the resolver built it. Every reference stays valid until read() returns.
  struct Request {
    const std::vector<std::uint64_t>& blocking;  // the matched records' blocking keys, sorted, distinct
    const std::vector<long long>& batch_ids;     // every record of the batch, each once
    // Per key, the matched records holding it (indexes into batch_ids).
    const std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>& matched_holders;
    // Per key, every batch record holding it after the batch (source record ids).
    const std::unordered_map<std::uint64_t, std::vector<long long>>& batch_holders;
    const std::unordered_map<std::uint64_t, identity::KeyGroup>& group_of_key;
    const std::vector<long long>& replaced;  // batch records whose stored keys the batch replaces
    const std::vector<long long>& matched;   // batch records to be matched: wanted from the start
    // The batch's value keys: their counts change with the batch and are not read here.
    const std::unordered_set<std::uint64_t>& batch_values;
    const identity::IdentityRecordBuilder& builder;
  };

  struct Found {
    std::vector<std::uint64_t> usable;  // keys held by at most max_block_size records
    std::unordered_set<std::uint64_t> rare;
    std::set<long long> wanted;                  // the neighbourhood's source records, the batch's among them
    std::map<long long, long long> customer_of;  // the wanted records' customers, as linked
    std::map<long long, long long> part_of;      // a neighbour customer's record: the part it belongs to
    std::map<long long, long long> customer_of_part;
    std::vector<identity::MemberRecord> loaded;            // the wanted records that are not in the batch
    std::vector<identity::IdentityRecord> loaded_records;  // the same, built for matching
    std::vector<std::vector<std::uint64_t>> loaded_blocking;
    // How many records held each value the scorer reads of a loaded record
    // (identifiers: FellegiSunterScorer::reads_candidate_count) that is not
    // among the batch's, before the batch: `counted` lists the keys read,
    // `counts` those somebody held.
    std::unordered_set<std::uint64_t> counted;
    std::unordered_map<std::uint64_t, long long> counts;
    std::set<std::pair<long long, long long>> never;
  };

  NeighbourhoodQuery(Database& database, const identity::BlockingLimits& limits)
      : database_(database), limits_(limits) {}

  [[nodiscard]] Found read(const Request& request);

 private:
  void find_candidates(const Request& request, Found& found);

  Database& database_;
  const identity::BlockingLimits& limits_;
};

}  // namespace crmsync::store
