#include "daemon/store/neighbourhood_query.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_set>

#include "daemon/identity/fellegi_sunter_scorer.hpp"
#include "daemon/identity/field_value.hpp"
#include "daemon/identity/shared_key_evidence.hpp"
#include "daemon/store/customer_link_store.hpp"
#include "daemon/store/identity_key_store.hpp"
#include "daemon/store/match_decision_store.hpp"
#include "daemon/store/source_customer_store.hpp"

namespace crmsync::store {
namespace {

// One blocking key a batch record shares with another record.
struct SharedKey {
  long long holder = 0;
  std::uint32_t batch_index = 0;  // into the batch's ids
  identity::SharedKeyEvidence evidence;
};

}  // namespace

NeighbourhoodQuery::Found NeighbourhoodQuery::read(const Request& request) {
  Found found;
  found.wanted.insert(request.matched.begin(), request.matched.end());
  find_candidates(request, found);

  CustomerLinkStore links(database_);
  found.customer_of = links.customer_of({found.wanted.begin(), found.wanted.end()});
  std::set<long long> neighbour_customers;
  for (const auto& [record, customer] : found.customer_of) neighbour_customers.insert(customer);
  // A customer built by manual merges is compared part by part: a person
  // said the parts are one customer, not that they look alike, so a new
  // record needs to agree with the part it matches, and it joins that part.
  for (const auto& link : links.members_of({neighbour_customers.begin(), neighbour_customers.end()})) {
    found.wanted.insert(link.source_record_id);
    found.customer_of[link.source_record_id] = link.customer_id;
    found.part_of[link.source_record_id] = link.merged_from.value_or(link.customer_id);
    found.customer_of_part[found.part_of[link.source_record_id]] = link.customer_id;
  }

  // The batch's records are known already, as the batch stores them.
  const std::unordered_set<long long> in_batch(request.batch_ids.begin(), request.batch_ids.end());
  std::vector<long long> stored;
  for (const auto id : found.wanted) {
    if (!in_batch.contains(id)) stored.push_back(id);
  }
  found.loaded = SourceCustomerStore(database_).load(stored);
  std::vector<std::uint64_t> values;
  for (const auto& m : found.loaded) {
    found.loaded_records.push_back(
        request.builder.from_customer(std::to_string(m.source_record_id), m.customer));
    const auto& record = found.loaded_records.back();
    found.loaded_blocking.push_back(identity::BlockingKeys::blocking_keys(record));
    // A loaded record is only ever a candidate: of its values' counts the
    // scorer reads the identifiers', a fraction of all (2.08 million rows
    // read instead of 3.26 million at 1,000,000 records).
    for (std::size_t f = 0; f < identity::kMatchFieldCount; ++f) {
      const auto field = static_cast<identity::MatchField>(f);
      if (!identity::FellegiSunterScorer::reads_candidate_count(field)) continue;
      const auto key = identity::BlockingKeys::value_key(field, identity::field_value(record, field));
      if (key != 0 && !request.batch_values.contains(key) && found.counted.insert(key).second) {
        values.push_back(key);
      }
    }
  }
  found.counts = IdentityKeyStore(database_).counts(values);
  found.never = MatchDecisionStore(database_).pairs("never", {found.wanted.begin(), found.wanted.end()});
  return found;
}

void NeighbourhoodQuery::find_candidates(const Request& request, Found& found) {
  // A key held by more than max_block_size records gives no candidates; its
  // stored holders are read only that far, without the batch's records,
  // whose keys come from memory.
  std::unordered_map<std::uint64_t, std::vector<long long>> stored_holders;
  IdentityKeyStore(database_).visit_blocks(
      request.blocking, limits_.max_block_size,
      [&](std::uint64_t key, const std::vector<long long>& holders) { stored_holders[key] = holders; },
      request.replaced);
  // A stored record is read only if some batch record has reason to be
  // compared with it, not merely because they share a common name. Pairs
  // whose one key says nothing alone are gathered as flat entries, sorted and
  // folded, not in a hash map of pairs: a batch's usable keys can have over a
  // million holders, and a map node per pair costs several times an entry.
  std::vector<SharedKey> shared_keys;
  for (const auto key : request.blocking) {
    auto holders = std::move(stored_holders[key]);
    if (const auto batch = request.batch_holders.find(key); batch != request.batch_holders.end()) {
      holders.insert(holders.end(), batch->second.begin(), batch->second.end());
    }
    if (holders.size() > limits_.max_block_size) continue;
    found.usable.push_back(key);
    const bool is_rare = holders.size() <= limits_.rare_block_size;
    if (is_rare) found.rare.insert(key);
    identity::SharedKeyEvidence evidence;
    evidence.add(request.group_of_key.at(key), is_rare);
    const auto& batch_indexes = request.matched_holders.at(key);
    for (const auto holder : holders) {
      for (const auto index : batch_indexes) {
        if (request.batch_ids[index] == holder) continue;
        if (evidence.worth_comparing()) {
          found.wanted.insert(holder);
        } else {
          shared_keys.push_back({holder, index, evidence});
        }
      }
    }
  }
  std::sort(shared_keys.begin(), shared_keys.end(), [](const SharedKey& a, const SharedKey& b) {
    return std::tie(a.holder, a.batch_index) < std::tie(b.holder, b.batch_index);
  });
  for (std::size_t first = 0; first < shared_keys.size();) {
    auto together = shared_keys[first].evidence;
    std::size_t next = first + 1;
    for (; next < shared_keys.size() && shared_keys[next].holder == shared_keys[first].holder &&
           shared_keys[next].batch_index == shared_keys[first].batch_index;
         ++next) {
      together.add(shared_keys[next].evidence);
    }
    if (together.worth_comparing()) found.wanted.insert(shared_keys[first].holder);
    first = next;
  }
}

}  // namespace crmsync::store
