#include "daemon/store/customer_reresolver.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "daemon/identity/blocking_keys.hpp"
#include "daemon/identity/identity_record_builder.hpp"
#include "daemon/identity/identity_resolver.hpp"
#include "daemon/store/audit_writer.hpp"
#include "daemon/store/customer_link_store.hpp"
#include "daemon/store/duplicate_candidate_writer.hpp"
#include "daemon/store/golden_customer_refresher.hpp"
#include "daemon/store/golden_customer_store.hpp"
#include "daemon/store/identity_key_store.hpp"
#include "daemon/store/key_version_store.hpp"
#include "daemon/store/match_decision_store.hpp"
#include "daemon/store/source_customer_store.hpp"
#include "daemon/store/write_transaction.hpp"

namespace crmsync::store {
namespace {

// Records whose keys one IdentityKeyStore::replace() rewrites: its statements
// and the counts it keeps in memory stay bounded however large the store.
constexpr std::size_t kKeyRebuildChunk = 2000;

// Replaces every record's matching keys with those the current derivation
// makes; the old keys and their counts are taken back (seen_before).
std::size_t rebuild_keys(Database& database, const std::vector<long long>& ids,
                         const std::vector<identity::IdentityRecord>& records) {
  for (std::size_t first = 0; first < records.size(); first += kKeyRebuildChunk) {
    std::vector<RecordKeys> chunk;
    for (std::size_t i = first; i < std::min(records.size(), first + kKeyRebuildChunk); ++i) {
      chunk.push_back({ids[i], identity::BlockingKeys::blocking_keys(records[i]),
                       identity::BlockingKeys::value_keys(records[i]), true});
    }
    IdentityKeyStore(database).replace(chunk);
  }
  return records.size();
}

std::vector<std::pair<std::size_t, std::size_t>> as_indices(
    const std::set<std::pair<long long, long long>>& pairs,
    const std::unordered_map<long long, std::size_t>& index) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& [a, b] : pairs) {
    const auto ia = index.find(a);
    const auto ib = index.find(b);
    if (ia != index.end() && ib != index.end()) out.emplace_back(ia->second, ib->second);
  }
  return out;
}

}  // namespace

CustomerReresolver::CustomerReresolver(Database& database, const identity::IdentitySettings& settings)
    : database_(database), settings_(settings) {}

ReresolveOutcome CustomerReresolver::run(const std::string& actor, const std::string& now) {
  const auto started = std::chrono::steady_clock::now();
  WriteTransaction transaction(database_);
  ReresolveOutcome outcome;
  SourceCustomerStore sources(database_);
  CustomerLinkStore links(database_);
  auto members = sources.all();
  outcome.records = members.size();

  const identity::IdentityRecordBuilder builder;
  std::vector<identity::IdentityRecord> records;
  std::vector<long long> ids;
  std::unordered_map<long long, std::size_t> index_of;
  records.reserve(members.size());
  for (const auto& m : members) {
    index_of[m.source_record_id] = ids.size();
    ids.push_back(m.source_record_id);
    records.push_back(builder.from_customer(std::to_string(m.source_record_id), m.customer));
  }
  outcome.keys_rebuilt = rebuild_keys(database_, ids, records);
  KeyVersionStore(database_).set(identity::BlockingKeys::kDerivationVersion, now);
  MatchDecisionStore decisions(database_);
  const identity::MatchConstraints constraints{as_indices(decisions.all_pairs("always"), index_of),
                                               as_indices(decisions.all_pairs("never"), index_of)};
  const auto result = identity::IdentityResolver(settings_.resolution).resolve(records, constraints);

  // Each cluster keeps the existing customer holding most of its records
  // (larger clusters choose first; a customer goes to one cluster only).
  const auto before = links.customer_of(ids);
  std::vector<std::size_t> order(result.clusters.size());
  for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return result.clusters[x].size() > result.clusters[y].size();
  });
  GoldenCustomerStore customers(database_);
  std::set<long long> taken;
  std::vector<long long> customer_of_cluster(result.clusters.size(), 0);
  for (const auto c : order) {
    std::map<long long, std::size_t> votes;
    for (const auto i : result.clusters[c]) {
      if (const auto found = before.find(ids[i]); found != before.end()) ++votes[found->second];
    }
    long long best = 0;
    std::size_t best_votes = 0;
    for (const auto& [customer, count] : votes) {
      if (count > best_votes && !taken.contains(customer)) {
        const auto state = customers.find(customer);
        if (!state || state->merged_into) continue;
        best = customer;
        best_votes = count;
      }
    }
    if (best != 0) taken.insert(best);
    customer_of_cluster[c] = best;
  }

  // Link every record where its cluster says; the audit shows each moved
  // record's best weight within its new customer, as the clustering scored it.
  GoldenCustomerRefresher golden(database_, settings_.survivorship);
  AuditWriter audit(database_);
  std::set<long long> affected;
  std::map<long long, std::map<long long, std::size_t>> moved_to;  // old customer -> new customer -> records
  for (std::size_t c = 0; c < result.clusters.size(); ++c) {
    const auto& cluster = result.clusters[c];
    long long& customer = customer_of_cluster[c];
    if (customer == 0) {
      customer = golden.create(members[cluster.front()], now);
      ++outcome.customers_created;
    }
    affected.insert(customer);
    for (const auto i : cluster) {
      const auto found = before.find(ids[i]);
      if (found != before.end() && found->second == customer) continue;
      const double score = result.cluster_score[i];
      const std::string rule = i == cluster.front() ? "source" : "resolve";
      links.link(ids[i], customer, rule, score, now);
      golden.repoint_references(ids[i], customer);
      ++outcome.records_moved;
      if (found != before.end()) {
        affected.insert(found->second);
        ++moved_to[found->second][customer];
      }
      audit.record(actor, found == before.end() ? "link" : "move", "customer:" + std::to_string(customer),
                   nlohmann::json{{"source_record_id", ids[i]},
                                  {"from_customer",
                                   found == before.end() ? nlohmann::json() : nlohmann::json(found->second)},
                                  {"rule", rule},
                                  {"score", score},
                                  {"reason", "re-resolve"}}
                       .dump(),
                   now);
    }
  }

  // Customers left without records point to where most of their records went.
  const auto remaining = links.members_of({affected.begin(), affected.end()});
  std::set<long long> still_holding;
  for (const auto& link : remaining) still_holding.insert(link.customer_id);
  for (const auto& [old_customer, targets] : moved_to) {
    if (still_holding.contains(old_customer)) continue;
    const auto best = std::max_element(targets.begin(), targets.end(),
                                       [](const auto& x, const auto& y) { return x.second < y.second; });
    customers.set_merged_into(old_customer, best->first);
    ++outcome.customers_emptied;
    audit.record(
        actor, "merge", "customer:" + std::to_string(best->first),
        nlohmann::json{{"merged_customer", old_customer}, {"reason", "re-resolve"}, {"manual", false}}.dump(),
        now);
  }

  // The review queue, rebuilt for the new clusters.
  database_.session() << "DELETE FROM duplicate_candidate";
  DuplicateCandidateWriter review(database_);
  for (const auto& pair : result.review) {
    review.store(ids[pair.a], ids[pair.b], pair.score, pair.evidence, now);
    ++outcome.review_pairs;
  }
  review.flush();
  golden.refresh(affected, now);
  outcome.customers = result.clusters.size();
  transaction.commit();
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return outcome;
}

}  // namespace crmsync::store
