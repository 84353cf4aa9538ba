#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/identity/fellegi_sunter_scorer.hpp"
#include "daemon/identity/identity_record_builder.hpp"
#include "daemon/identity/identity_settings.hpp"
#include "daemon/model/customer.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/pending_customer.hpp"

namespace crmsync::store {

class ReferenceLinker;
class SourceCustomerStore;

struct ResolutionOutcome {
  std::size_t new_customers = 0;
  std::size_t linked_to_existing = 0;  // automatic merges into an existing customer
  std::size_t review_pairs = 0;
};

// Incremental identity resolution inside a batch's transaction: stores each
// record's own customer data and matching keys, compares it with the records
// that share a blocking key (and their customers' other records), links it to
// the customer it matches or starts a new one, rebuilds the affected golden
// records with their lineage, queues review pairs, and writes every automatic
// merge to audit_log. Nothing else is recomputed.
class CustomerResolver {
 public:
  CustomerResolver(Database& database, const identity::IdentitySettings& settings);
  ~CustomerResolver();
  CustomerResolver(const CustomerResolver&) = delete;
  CustomerResolver& operator=(const CustomerResolver&) = delete;

  // `reader`: a second connection to the same database, outside this one's
  // transaction, on which the batch's neighbourhood is read while this
  // connection writes the batch's records; none: read here, before them.
  // Give one only when this transaction has written nothing the neighbourhood
  // reads (identity keys, links, customer records) before the batch.
  ResolutionOutcome resolve(const std::vector<PendingCustomer>& batch, ReferenceLinker& linker,
                            const std::string& now, Database* reader = nullptr);

 private:
  const identity::FellegiSunterScorer::LevelWeights& level_weights(long long population);
  // How many records source_customer holds, this batch's included.
  long long population(SourceCustomerStore& sources, const std::vector<long long>& batch_ids,
                       const std::map<long long, long long>& customer_of);

  Database& database_;
  const identity::IdentitySettings& settings_;
  identity::IdentityRecordBuilder builder_;
  // Fuzzy-level weights, estimated on a sample and renewed as the store grows.
  std::optional<identity::FellegiSunterScorer::LevelWeights> weights_;
  long long weights_population_ = 0;
  std::optional<long long> population_;
  int batches_since_count_ = 0;
};

}  // namespace crmsync::store
