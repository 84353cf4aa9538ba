#include "daemon/store/customer_merger.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "daemon/identity/identity_record_builder.hpp"
#include "daemon/identity/record_set_scorer.hpp"
#include "daemon/store/audit_writer.hpp"
#include "daemon/store/customer_link_store.hpp"
#include "daemon/store/customer_resolver.hpp"
#include "daemon/store/golden_customer_refresher.hpp"
#include "daemon/store/golden_customer_store.hpp"
#include "daemon/store/id_list.hpp"
#include "daemon/store/match_decision_store.hpp"
#include "daemon/store/reference_linker.hpp"
#include "daemon/store/source_customer_store.hpp"
#include "daemon/store/write_transaction.hpp"

namespace crmsync::store {
namespace {

constexpr std::size_t kMaxScoredPairs = 10000;

GoldenCustomerState live_customer(GoldenCustomerStore& customers, long long id) {
  const auto found = customers.find(id);
  if (!found) throw std::invalid_argument(fmt::format("customer {} does not exist", id));
  if (found->merged_into) {
    throw std::invalid_argument(fmt::format("customer {} was merged into customer {}; use {} instead", id,
                                            *found->merged_into, *found->merged_into));
  }
  return *found;
}

// The strongest match weight between any record of `left` and any of `right`:
// what the audit shows next to a person's decision.
double best_cross_score(Database& database, const identity::IdentitySettings& settings,
                        const std::vector<long long>& left, const std::vector<long long>& right) {
  if (left.empty() || right.empty()) return 0.0;
  std::vector<long long> ids(left);
  ids.insert(ids.end(), right.begin(), right.end());
  const identity::IdentityRecordBuilder builder;
  std::vector<identity::IdentityRecord> records;
  std::map<long long, std::size_t> index_of;
  for (const auto& m : SourceCustomerStore(database).load(ids)) {
    index_of[m.source_record_id] = records.size();
    records.push_back(builder.from_customer(std::to_string(m.source_record_id), m.customer));
  }
  const auto indices = [&index_of](const std::vector<long long>& side) {
    std::vector<std::size_t> out;
    for (const auto id : side) {
      if (const auto found = index_of.find(id); found != index_of.end()) out.push_back(found->second);
    }
    return out;
  };
  const identity::RecordSetScorer scorer(records, settings.resolution);
  return scorer.best_between(indices(left), indices(right), kMaxScoredPairs).value_or(0.0);
}

struct SourceRef {
  std::string instance;
  std::string external_id;
};

std::map<long long, SourceRef> source_refs(Database& database, const std::vector<long long>& ids) {
  std::map<long long, SourceRef> out;
  for (const auto& matching : IdList::matching(database.dialect(), "id", ids)) {
    std::vector<long long> id(IdList::kChunk);
    std::vector<std::string> instance(IdList::kChunk), external_id(IdList::kChunk);
    soci::statement select = (database.session().prepare
                                  << "SELECT id, instance, external_id FROM source_record WHERE " + matching,
                              soci::into(id), soci::into(instance), soci::into(external_id));
    select.execute();
    while (select.fetch()) {
      for (std::size_t i = 0; i < id.size(); ++i) out[id[i]] = {instance[i], external_id[i]};
      id.resize(IdList::kChunk);
      instance.resize(IdList::kChunk);
      external_id.resize(IdList::kChunk);
    }
  }
  return out;
}

std::vector<long long> record_ids(const std::vector<CustomerLink>& links) {
  std::vector<long long> out;
  for (const auto& link : links) out.push_back(link.source_record_id);
  return out;
}

void decide_all(MatchDecisionStore& decisions, const std::vector<long long>& left,
                const std::vector<long long>& right, const std::string& decision, const ManualDecision& by) {
  for (const auto a : left) {
    for (const auto b : right) {
      if (a != b) decisions.decide(a, b, decision, by.actor, by.reason, by.now);
    }
  }
}

}  // namespace

CustomerMerger::CustomerMerger(Database& database, const identity::IdentitySettings& settings)
    : database_(database), settings_(settings) {}

MergeOutcome CustomerMerger::merge(long long into, long long from, const ManualDecision& decision) {
  if (into == from) throw std::invalid_argument(fmt::format("cannot merge customer {} with itself", into));
  WriteTransaction transaction(database_);
  GoldenCustomerStore customers(database_);
  live_customer(customers, into);
  live_customer(customers, from);
  CustomerLinkStore links(database_);
  const auto into_records = record_ids(links.members_of({into}));
  const auto from_records = record_ids(links.members_of({from}));
  if (into_records.empty())
    throw std::invalid_argument(fmt::format("customer {} has no source records", into));
  if (from_records.empty())
    throw std::invalid_argument(fmt::format("customer {} has no source records", from));

  MergeOutcome outcome{into, from, from_records.size(),
                       best_cross_score(database_, settings_, into_records, from_records)};
  links.move_all(from, into, decision.now);
  customers.set_merged_into(from, into);
  customers.move_references(from, into);
  // Every record of both stays together through re-resolution.
  MatchDecisionStore decisions(database_);
  std::vector<long long> all(into_records);
  all.insert(all.end(), from_records.begin(), from_records.end());
  decide_all(decisions, {into_records.front()}, all, "always", decision);
  GoldenCustomerRefresher(database_, settings_.survivorship).refresh({into}, decision.now);
  AuditWriter(database_).record(decision.actor, "merge", "customer:" + std::to_string(into),
                                nlohmann::json{{"merged_customer", from},
                                               {"records", from_records},
                                               {"score", outcome.score},
                                               {"reason", decision.reason},
                                               {"manual", true}}
                                    .dump(),
                                decision.now);
  transaction.commit();
  return outcome;
}

UnmergeOutcome CustomerMerger::unmerge(long long customer, const ManualDecision& decision) {
  WriteTransaction transaction(database_);
  GoldenCustomerStore customers(database_);
  live_customer(customers, customer);
  CustomerLinkStore links(database_);
  const auto members = links.members_of({customer});
  const auto parts = links.merged_parts(customer);

  // When the first manual merge happened: records linked since then arrived
  // after it and are decided again.
  std::string merged_at;
  for (const auto& m : members) {
    if (m.merged_from && (merged_at.empty() || m.linked_at < merged_at)) merged_at = m.linked_at;
  }
  std::vector<long long> home;
  std::vector<long long> loose;
  std::map<long long, std::vector<long long>> part_records;
  for (const auto& m : members) {
    if (m.merged_from) {
      part_records[*m.merged_from].push_back(m.source_record_id);
    } else if (m.rule == "source" || (!parts.empty() && m.linked_at < merged_at)) {
      home.push_back(m.source_record_id);
    } else {
      loose.push_back(m.source_record_id);
    }
  }
  if (home.empty() && !loose.empty()) {  // its first record is gone: the oldest link is the home
    home.push_back(loose.front());
    loose.erase(loose.begin());
  }
  if (parts.empty() && loose.empty()) {
    throw std::invalid_argument(
        fmt::format("customer {} has nothing to unmerge: its {} record(s) were never merged with another",
                    customer, members.size()));
  }

  UnmergeOutcome outcome;
  outcome.customer = customer;
  outcome.restored.assign(parts.begin(), parts.end());
  outcome.split_records = loose;
  MatchDecisionStore decisions(database_);
  std::vector<long long> taken_out;  // every record that leaves the customer
  if (!parts.empty()) {
    // A manual merge undone: each part gets its records back and stays apart
    // from the customer and from the other parts.
    std::vector<long long> kept(home);
    for (const auto& [part, records] : part_records) {
      outcome.score = std::max(outcome.score, best_cross_score(database_, settings_, kept, records));
      decide_all(decisions, kept, records, "never", decision);
      kept.insert(kept.end(), records.begin(), records.end());
      links.restore_merged(customer, part);
      customers.set_merged_into(part, std::nullopt);
      taken_out.insert(taken_out.end(), records.begin(), records.end());
    }
  } else {
    // Automatic links undone: the linked records are kept apart from the
    // customer's first record(s).
    outcome.score = best_cross_score(database_, settings_, home, loose);
    decide_all(decisions, home, loose, "never", decision);
  }

  // Decide the loose records again, per instance, against everything there is now.
  const auto refs = source_refs(database_, loose);
  std::map<long long, identity::MemberRecord> loaded;
  for (auto& m : SourceCustomerStore(database_).load(loose)) loaded.emplace(m.source_record_id, std::move(m));
  std::map<std::string, std::vector<PendingCustomer>> by_instance;
  for (const auto id : loose) {
    links.unlink(id);
    const auto ref = refs.find(id);
    const auto member = loaded.find(id);
    if (ref == refs.end() || member == loaded.end()) continue;
    by_instance[ref->second.instance].push_back({id, ref->second.external_id, ref->second.instance,
                                                 member->second.updated_at, &member->second.customer});
  }
  std::set<long long> affected{customer};
  affected.insert(parts.begin(), parts.end());
  CustomerResolver resolver(database_, settings_);
  for (const auto& [instance, batch] : by_instance) {
    ReferenceLinker linker(database_, instance);
    resolver.resolve(batch, linker, decision.now);
  }
  taken_out.insert(taken_out.end(), loose.begin(), loose.end());
  const auto now_in = links.customer_of(taken_out);
  GoldenCustomerRefresher golden(database_, settings_.survivorship);
  for (const auto& [record, owner] : now_in) {
    golden.repoint_references(record, owner);
    affected.insert(owner);
    const bool was_part = std::find(parts.begin(), parts.end(), owner) != parts.end();
    if (owner != customer && !was_part &&
        std::find(outcome.new_customers.begin(), outcome.new_customers.end(), owner) ==
            outcome.new_customers.end()) {
      outcome.new_customers.push_back(owner);
    }
  }
  golden.refresh(affected, decision.now);
  AuditWriter(database_).record(decision.actor, "unmerge", "customer:" + std::to_string(customer),
                                nlohmann::json{{"restored_customers", outcome.restored},
                                               {"split_records", outcome.split_records},
                                               {"now_in", now_in},
                                               {"score", outcome.score},
                                               {"reason", decision.reason},
                                               {"manual", true}}
                                    .dump(),
                                decision.now);
  transaction.commit();
  return outcome;
}

}  // namespace crmsync::store
