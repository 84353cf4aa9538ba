#include "daemon/identity/identity_resolver.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <thread>
#include <unordered_set>

#include "daemon/identity/blocking_index.hpp"
#include "daemon/identity/chain_resistant_clusterer.hpp"
#include "daemon/identity/value_frequency_table.hpp"

namespace crmsync::identity {

namespace {

std::vector<ScoredPair> score_in_parallel(const BlockingIndex::CandidatePairs& candidates,
                                          const FellegiSunterScorer& scorer, unsigned threads) {
  std::vector<ScoredPair> scored(candidates.pairs.size());
  const std::size_t total = scored.size();
  const std::size_t workers = std::max<std::size_t>(1, std::min<std::size_t>(threads, total / 10000 + 1));
  auto work = [&](std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) {
      const auto [a, b] = candidates.pairs[i];
      scored[i] = {a, b, scorer.score(a, b)};
    }
  };
  std::vector<std::jthread> pool;
  const std::size_t chunk = (total + workers - 1) / workers;
  for (std::size_t w = 1; w < workers; ++w) {
    pool.emplace_back(work, std::min(total, w * chunk), std::min(total, (w + 1) * chunk));
  }
  work(0, std::min(total, chunk));
  return scored;
}

std::uint64_t pair_key(std::size_t a, std::size_t b) {
  return (static_cast<std::uint64_t>(std::min(a, b)) << 32U) | static_cast<std::uint64_t>(std::max(a, b));
}

}  // namespace

ResolutionResult IdentityResolver::resolve(const std::vector<IdentityRecord>& records,
                                           const MatchConstraints& constraints) const {
  ResolutionResult result;
  const ValueFrequencyTable frequencies(records);
  const FellegiSunterScorer scorer(records, frequencies, config_);
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

  review_band.insert(review_band.end(), outcome.refused.begin(), outcome.refused.end());
  for (const auto& p : review_band) {
    if (outcome.cluster_of[p.a] == outcome.cluster_of[p.b]) continue;
    result.review.push_back({p.a, p.b, p.score, scorer.explain(p.a, p.b)});
  }
  return result;
}

}  // namespace crmsync::identity
