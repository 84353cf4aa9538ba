#include "daemon/identity/identity_resolver.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "daemon/identity/blocking_index.hpp"
#include "daemon/identity/chain_resistant_clusterer.hpp"
#include "daemon/identity/record_set_scorer.hpp"

namespace crmsync::identity {

namespace {

// Runs work(first, last) over [0, total) in contiguous slices on up to
// `threads` threads, one per `per_thread` items at least: small jobs stay on
// the calling thread. Each slice must touch only its own items.
template <typename Work>
void split_across_threads(std::size_t total, unsigned threads, std::size_t per_thread, const Work& work) {
  const std::size_t workers =
      std::max<std::size_t>(1, std::min<std::size_t>(threads, total / per_thread + 1));
  const std::size_t chunk = (total + workers - 1) / workers;
  std::vector<std::jthread> pool;
  for (std::size_t w = 1; w < workers; ++w) {
    pool.emplace_back(work, std::min(total, w * chunk), std::min(total, (w + 1) * chunk));
  }
  work(0, std::min(total, chunk));
}

std::vector<ScoredPair> score_in_parallel(const BlockingIndex::CandidatePairs& candidates,
                                          const FellegiSunterScorer& scorer, unsigned threads) {
  std::vector<ScoredPair> scored(candidates.pairs.size());
  split_across_threads(scored.size(), threads, 10000, [&](std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) {
      const auto [a, b] = candidates.pairs[i];
      scored[i] = {a, b, scorer.score(a, b)};
    }
  });
  return scored;
}

std::uint64_t pair_key(std::size_t a, std::size_t b) {
  return (static_cast<std::uint64_t>(std::min(a, b)) << 32U) | static_cast<std::uint64_t>(std::max(a, b));
}

// Pairs that share a same-record reference, enough to join every group.
std::vector<std::pair<std::uint32_t, std::uint32_t>> same_record_pairs(
    const std::vector<IdentityRecord>& records) {
  std::unordered_map<std::string_view, std::uint32_t> first_holder;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::size_t i = 0; i < records.size(); ++i) {
    for (const auto& reference : records[i].same_record) {
      const auto [at, inserted] = first_holder.emplace(reference, static_cast<std::uint32_t>(i));
      if (!inserted && at->second != i) pairs.emplace_back(at->second, static_cast<std::uint32_t>(i));
    }
  }
  return pairs;
}

// Each record's strongest weight with another record of its cluster.
std::vector<double> best_within_clusters(const RecordSetScorer& scorer,
                                         const std::vector<std::vector<std::size_t>>& clusters,
                                         std::size_t records, unsigned threads) {
  std::vector<double> best(records, 0.0);
  split_across_threads(clusters.size(), threads, 1000, [&](std::size_t first, std::size_t last) {
    for (std::size_t c = first; c < last; ++c) {
      for (const std::size_t& i : clusters[c])
        best[i] = scorer.best_between({&i, 1}, clusters[c]).value_or(0.0);
    }
  });
  return best;
}

}  // namespace

ResolutionResult IdentityResolver::resolve(const std::vector<IdentityRecord>& records,
                                           const MatchConstraints& constraints) const {
  ResolutionResult result;
  const RecordSetScorer set_scorer(records, config_);
  const FellegiSunterScorer& scorer = set_scorer.pairs();
  auto candidates = BlockingIndex(config_.blocking).candidate_pairs(records);
  result.candidate_pairs = candidates.pairs.size();
  result.oversized_blocks = candidates.oversized_blocks;

  const unsigned threads =
      config_.threads != 0 ? config_.threads : std::max(1U, std::thread::hardware_concurrency());
  std::vector<ScoredPair> scored = score_in_parallel(candidates, scorer, threads);
  candidates = {};

  std::unordered_set<std::uint64_t> apart;
  for (const auto& [a, b] : constraints.apart) apart.insert(pair_key(a, b));
  if (!apart.empty()) {
    std::erase_if(scored, [&](const ScoredPair& p) { return apart.contains(pair_key(p.a, p.b)); });
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> together;
  for (const auto& [a, b] : constraints.together) {
    together.emplace_back(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b));
  }
  // Records a source says are one record belong together, unless a person said otherwise.
  for (const auto& [a, b] : same_record_pairs(records)) {
    if (!apart.contains(pair_key(a, b))) together.emplace_back(a, b);
  }

  const auto& thresholds = config_.thresholds;
  std::vector<ScoredPair> review_band;
  for (const auto& p : scored) {
    if (p.score >= thresholds.review_from && p.score < thresholds.auto_merge_at) review_band.push_back(p);
  }
  const ChainResistantClusterer clusterer(thresholds.auto_merge_at, config_.clustering);
  // A pair kept apart by a person vetoes any merge that would join it.
  auto outcome = clusterer.cluster(
      records.size(), std::move(scored),
      [&](std::size_t a, std::size_t b) {
        if (!apart.empty() && apart.contains(pair_key(a, b))) return -std::numeric_limits<double>::infinity();
        return scorer.score(a, b);
      },
      together);
  result.refused_merges = outcome.refused.size();

  result.clusters.resize(outcome.clusters);
  for (std::size_t i = 0; i < records.size(); ++i) result.clusters[outcome.cluster_of[i]].push_back(i);
  result.cluster_score = best_within_clusters(set_scorer, result.clusters, records.size(), threads);

  review_band.insert(review_band.end(), outcome.refused.begin(), outcome.refused.end());
  for (const auto& p : review_band) {
    if (outcome.cluster_of[p.a] == outcome.cluster_of[p.b]) continue;
    result.review.push_back({p.a, p.b, p.score, scorer.explain(p.a, p.b)});
  }
  return result;
}

}  // namespace crmsync::identity
