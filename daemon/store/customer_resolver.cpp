#include "daemon/store/customer_resolver.hpp"

#include <algorithm>
#include <cstdint>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "daemon/identity/blocking_keys.hpp"
#include "daemon/identity/field_value.hpp"
#include "daemon/identity/incremental_linker.hpp"
#include "daemon/identity/shared_key_evidence.hpp"
#include "daemon/identity/value_frequency_table.hpp"
#include "daemon/store/audit_writer.hpp"
#include "daemon/store/customer_link_store.hpp"
#include "daemon/store/duplicate_candidate_writer.hpp"
#include "daemon/store/golden_customer_refresher.hpp"
#include "daemon/store/identity_key_store.hpp"
#include "daemon/store/neighbourhood_query.hpp"
#include "daemon/store/reference_linker.hpp"
#include "daemon/store/source_customer_store.hpp"

namespace crmsync::store {
namespace {

constexpr std::size_t kWeightSample = 2000;
constexpr int kBatchesPerCount = 64;

// The records one batch is resolved against, in the scorer's index order.
struct Neighbourhood {
  std::vector<long long> ids;  // source record ids
  std::vector<identity::IdentityRecord> records;
  std::vector<std::vector<std::uint64_t>> blocking;  // blocking keys per record
  std::unordered_map<long long, std::size_t> index_of;

  // Orders the records by id, so a batch is resolved the same way whatever
  // order the database returned them in, and indexes them.
  void sort_by_id() {
    std::vector<std::size_t> order(ids.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });
    Neighbourhood sorted;
    for (const auto i : order) {
      sorted.index_of[ids[i]] = sorted.ids.size();
      sorted.ids.push_back(ids[i]);
      sorted.records.push_back(std::move(records[i]));
      sorted.blocking.push_back(std::move(blocking[i]));
    }
    *this = std::move(sorted);
  }
};

}  // namespace

CustomerResolver::CustomerResolver(Database& database, const identity::IdentitySettings& settings)
    : database_(database), settings_(settings) {}

CustomerResolver::~CustomerResolver() = default;

const identity::FellegiSunterScorer::LevelWeights& CustomerResolver::level_weights(long long population) {
  if (!weights_ || population >= 2 * std::max<long long>(weights_population_, 100)) {
    std::vector<identity::IdentityRecord> sample;
    for (const auto& m : SourceCustomerStore(database_).sample(kWeightSample)) {
      sample.push_back(builder_.from_customer(std::to_string(m.source_record_id), m.customer));
    }
    weights_ = identity::FellegiSunterScorer::estimate_level_weights(sample, settings_.resolution);
    weights_population_ = population;
  }
  return *weights_;
}

long long CustomerResolver::population(SourceCustomerStore& sources, const std::vector<long long>& batch_ids,
                                       const std::map<long long, long long>& customer_of) {
  // COUNT(*) reads the whole table on PostgreSQL: count now and then, and in
  // between add the batch's records that no customer holds yet (the new ones).
  if (!population_ || ++batches_since_count_ >= kBatchesPerCount) {
    population_ = sources.count();
    batches_since_count_ = 0;
    return *population_;
  }
  for (const auto id : batch_ids) {
    if (!customer_of.contains(id)) ++*population_;
  }
  return *population_;
}

ResolutionOutcome CustomerResolver::resolve(const std::vector<PendingCustomer>& batch,
                                            ReferenceLinker& linker, const std::string& now,
                                            Database* reader) {
  ResolutionOutcome outcome;
  if (batch.empty()) return outcome;
  const auto& config = settings_.resolution;
  SourceCustomerStore sources(database_);
  IdentityKeyStore keys(database_);
  CustomerLinkStore links(database_);
  GoldenCustomerRefresher golden(database_, settings_.survivorship);

  // 1. Each record's own data and keys, so later batches can find it. The
  //    records are compared as they were stored, as any later batch reads them.
  std::vector<std::uint64_t> batch_blocking;
  std::vector<long long> batch_ids;
  std::vector<RecordKeys> batch_keys;
  // A record sent twice in the batch was new if its first version was.
  std::unordered_map<long long, bool> seen_before;
  for (const auto& pending : batch) seen_before.emplace(pending.source_record_id, pending.seen_before);
  Neighbourhood hood;
  std::map<long long, identity::MemberRecord> members;
  std::unordered_map<std::uint64_t, identity::KeyGroup> group_of_key;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> matched_holders;  // indexes into batch_ids
  std::unordered_map<std::uint64_t, std::vector<long long>> batch_holders;
  std::vector<long long> replaced;
  std::vector<long long> matched_ids;
  std::unordered_set<std::uint64_t> batch_values;
  // Records seen before that a customer holds stay with it (below): they are
  // not matched again, so they look for no neighbours. A re-sync of changed
  // records then costs their writes and their customers' refresh, not a
  // neighbourhood each. Found as another record's neighbours, they are
  // compared as this batch stores them.
  std::vector<long long> seen_ids;
  for (const auto& pending : batch) {
    if (pending.seen_before) seen_ids.push_back(pending.source_record_id);
  }
  const auto linked_before = links.customer_of(seen_ids);
  std::map<long long, std::pair<identity::IdentityRecord, identity::MemberRecord>> staying;
  for (auto& m : SourceCustomerStore::as_stored(batch)) {
    const long long id = m.source_record_id;
    auto record = builder_.from_customer(std::to_string(id), m.customer);
    const bool matched = !linked_before.contains(id);
    std::vector<std::uint64_t> blocking;
    for (const auto& grouped : identity::BlockingKeys::grouped_blocking_keys(record)) {
      blocking.push_back(grouped.key);
      group_of_key.emplace(grouped.key, grouped.group);
      batch_holders[grouped.key].push_back(id);
      if (matched) matched_holders[grouped.key].push_back(static_cast<std::uint32_t>(batch_ids.size()));
    }
    batch_keys.push_back({id, blocking, identity::BlockingKeys::value_keys(record), seen_before.at(id)});
    batch_values.insert(batch_keys.back().values.begin(), batch_keys.back().values.end());
    if (batch_keys.back().seen_before) replaced.push_back(id);
    batch_ids.push_back(id);
    if (!matched) {
      staying.emplace(id, std::make_pair(std::move(record), std::move(m)));
      continue;
    }
    batch_blocking.insert(batch_blocking.end(), blocking.begin(), blocking.end());
    hood.records.push_back(std::move(record));
    hood.blocking.push_back(std::move(blocking));
    hood.ids.push_back(id);
    matched_ids.push_back(id);
    members.emplace(id, std::move(m));
  }
  std::sort(batch_blocking.begin(), batch_blocking.end());
  batch_blocking.erase(std::unique(batch_blocking.begin(), batch_blocking.end()), batch_blocking.end());

  // 2. Who shares a usable blocking key with the batch, and their customers'
  //    records, as stored before the batch: read on the reader's connection
  //    while this one writes the batch's records and keys, else here first.
  const NeighbourhoodQuery::Request request{batch_blocking, batch_ids,    matched_holders,
                                            batch_holders,  group_of_key, replaced,
                                            matched_ids,    batch_values, builder_};
  std::optional<NeighbourhoodQuery::Found> around;
  std::future<NeighbourhoodQuery::Found> reading;  // after what it reads: joined first on the way out
  if (reader != nullptr) {
    reading = std::async(std::launch::async,
                         [&] { return NeighbourhoodQuery(*reader, config.blocking).read(request); });
  } else {
    around = NeighbourhoodQuery(database_, config.blocking).read(request);
  }
  sources.save_all(batch);
  keys.replace(batch_keys);
  if (reading.valid()) around = reading.get();
  auto& wanted = around->wanted;
  auto& customer_of = around->customer_of;
  auto& part_of = around->part_of;
  auto& customer_of_part = around->customer_of_part;
  const auto& rare = around->rare;
  customer_of.insert(linked_before.begin(), linked_before.end());
  for (const auto id : wanted) {
    if (auto stays = staying.find(id); stays != staying.end()) {
      hood.ids.push_back(id);
      hood.records.push_back(std::move(stays->second.first));
      hood.blocking.push_back(identity::BlockingKeys::blocking_keys(hood.records.back()));
      members.emplace(id, std::move(stays->second.second));
    }
  }
  for (std::size_t i = 0; i < around->loaded.size(); ++i) {
    auto& m = around->loaded[i];
    hood.ids.push_back(m.source_record_id);
    hood.records.push_back(std::move(around->loaded_records[i]));
    hood.blocking.push_back(std::move(around->loaded_blocking[i]));
    members.emplace(m.source_record_id, std::move(m));
  }
  hood.sort_by_id();

  // 3. How common each value is across the whole store: every value of the
  //    records to be matched, the values the scorer reads of the others,
  //    which are only ever candidates (their other counts stay 0, unread).
  const std::unordered_set<long long> to_match(matched_ids.begin(), matched_ids.end());
  std::vector<std::uint64_t> all_values;
  std::vector<std::vector<std::uint64_t>> values_of(hood.records.size());
  for (std::size_t i = 0; i < hood.records.size(); ++i) {
    const bool matching = to_match.contains(hood.ids[i]);
    for (std::size_t f = 0; f < identity::kMatchFieldCount; ++f) {
      const auto field = static_cast<identity::MatchField>(f);
      if (!matching && !identity::FellegiSunterScorer::reads_candidate_count(field)) {
        values_of[i].push_back(0);
        continue;
      }
      values_of[i].push_back(
          identity::BlockingKeys::value_key(field, identity::field_value(hood.records[i], field)));
      if (values_of[i].back() != 0) all_values.push_back(values_of[i].back());
    }
  }
  // Counts the batch changed, and the batch's own, are read here after its
  // writes (most are known from the upsert); the neighbours' other values
  // were counted with the neighbourhood.
  std::vector<std::uint64_t> after_batch;
  for (const auto key : all_values) {
    if (keys.changed(key) || !around->counted.contains(key)) after_batch.push_back(key);
  }
  auto value_counts = keys.counts(after_batch);
  for (const auto& [key, count] : around->counts) {
    if (!keys.changed(key)) value_counts.emplace(key, count);
  }
  std::vector<std::uint32_t> counts(identity::kMatchFieldCount * hood.records.size(), 0);
  for (std::size_t i = 0; i < hood.records.size(); ++i) {
    for (std::size_t f = 0; f < identity::kMatchFieldCount; ++f) {
      if (const auto found = value_counts.find(values_of[i][f]); found != value_counts.end()) {
        counts[f * hood.records.size() + i] = static_cast<std::uint32_t>(found->second);
      }
    }
  }
  const long long population = this->population(sources, batch_ids, customer_of);
  const identity::ValueFrequencyTable frequencies(hood.records.size(), std::move(counts),
                                                  static_cast<std::size_t>(population));
  const identity::FellegiSunterScorer scorer(hood.records, frequencies, config, level_weights(population));
  const identity::IncrementalLinker linker_engine(scorer, config);

  const auto& never = around->never;
  const auto forbidden = [&](std::size_t a, std::size_t b) {
    const long long x = std::min(hood.ids[a], hood.ids[b]);
    const long long y = std::max(hood.ids[a], hood.ids[b]);
    return never.contains({x, y});
  };

  // 4. Link each record of the batch, in order; earlier ones are candidates for later ones.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < hood.records.size(); ++i) {
    for (const auto key : hood.blocking[i]) by_key[key].push_back(i);
  }
  const std::unordered_set<std::uint64_t> usable_set(around->usable.begin(), around->usable.end());
  // The neighbourhood's records of each part, in index order, growing as the batch links.
  std::unordered_map<long long, std::vector<std::size_t>> indexes_of_part;
  for (std::size_t i = 0; i < hood.ids.size(); ++i) {
    if (const auto p = part_of.find(hood.ids[i]); p != part_of.end()) indexes_of_part[p->second].push_back(i);
  }
  AuditWriter audit(database_);
  DuplicateCandidateWriter review(database_);
  std::set<long long> affected;
  // New customers get their ids when the batch's golden rows are written
  // together, after the loop: until then they go by provisional ids -1, -2, ...
  std::vector<const identity::MemberRecord*> created;
  struct Link {
    long long source_record_id;
    long long customer_id;
    std::optional<long long> part;  // the manually merged part it joined
    std::string rule;
    double score;
    const PendingCustomer* pending;
  };
  std::vector<Link> new_links;
  for (const auto& pending : batch) {
    if (const auto linked = customer_of.find(pending.source_record_id); linked != customer_of.end()) {
      // A record seen before stays with its customer; the golden record is
      // rebuilt from its new values. Splitting is a person's decision (unmerge).
      affected.insert(linked->second);
      continue;
    }
    const auto found = hood.index_of.find(pending.source_record_id);
    if (found == hood.index_of.end()) continue;
    const std::size_t self = found->second;
    std::unordered_map<std::size_t, identity::SharedKeyEvidence> shared_with;
    for (const auto key : hood.blocking[self]) {
      if (!usable_set.contains(key)) continue;
      for (const auto other : by_key[key]) {
        if (other != self) shared_with[other].add(group_of_key.at(key), rare.contains(key));
      }
    }
    std::set<long long> candidate_parts;
    for (const auto& [other, shared] : shared_with) {
      if (!shared.worth_comparing()) continue;
      if (const auto p = part_of.find(hood.ids[other]); p != part_of.end()) candidate_parts.insert(p->second);
    }
    std::vector<identity::LinkedRecord> candidates;
    for (const auto candidate_part : candidate_parts) {
      for (const auto i : indexes_of_part[candidate_part]) {
        if (i != self) candidates.push_back({i, candidate_part});
      }
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const auto& a, const auto& b) { return a.index < b.index; });
    const auto decision = linker_engine.decide(self, candidates, forbidden);
    long long customer_id = 0;
    long long part = 0;
    if (decision.customer_id) {
      part = *decision.customer_id;
      customer_id = customer_of_part.at(part);
      new_links.push_back(
          {pending.source_record_id, customer_id, part, decision.rule, decision.score, &pending});
      affected.insert(customer_id);
      ++outcome.linked_to_existing;
    } else {
      created.push_back(&members.at(pending.source_record_id));
      customer_id = -static_cast<long long>(created.size());
      new_links.push_back({pending.source_record_id, customer_id, std::nullopt, "source", 1.0, &pending});
      part = customer_id;
      customer_of_part[part] = customer_id;
      ++outcome.new_customers;
    }
    customer_of[pending.source_record_id] = customer_id;
    part_of[pending.source_record_id] = part;
    indexes_of_part[part].push_back(self);
    for (const auto& pair : decision.review) {
      review.store(pending.source_record_id, hood.ids[pair.other], pair.score,
                   scorer.explain(self, pair.other), now);
      ++outcome.review_pairs;
    }
  }

  const auto ids = golden.create_all(created, now);
  const auto real = [&](long long id) { return id < 0 ? ids.at(static_cast<std::size_t>(-id - 1)) : id; };
  std::vector<ReferenceTarget<long long>> linked_customers;
  for (const auto& link : new_links) {
    const long long customer_id = real(link.customer_id);
    if (link.part) {
      links.queue_link(link.source_record_id, customer_id, link.rule, link.score, now, real(*link.part));
      audit.queue("identity", "merge", "customer:" + std::to_string(customer_id),
                  nlohmann::json{{"source_record_id", link.source_record_id},
                                 {"instance", link.pending->instance},
                                 {"external_id", link.pending->external_id},
                                 {"rule", link.rule},
                                 {"score", link.score}}
                      .dump(),
                  now);
    } else {
      links.queue_link(link.source_record_id, customer_id, link.rule, link.score, now);
    }
    linked_customers.push_back({customer_id, link.pending->external_id});
  }
  links.flush_links();
  audit.flush();
  review.flush();
  linker.link_waiting_for_customers(linked_customers);
  std::set<long long> to_refresh;
  for (const auto id : affected) to_refresh.insert(real(id));
  golden.refresh(to_refresh, now);
  return outcome;
}

}  // namespace crmsync::store
