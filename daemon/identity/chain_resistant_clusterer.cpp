#include "daemon/identity/chain_resistant_clusterer.hpp"

#include <algorithm>
#include <numeric>

namespace crmsync::identity {

namespace {

bool linkage_allows_merge(const std::vector<std::uint32_t>& left, const std::vector<std::uint32_t>& right,
                          const ChainResistantClusterer::PairScore& score, const ClusteringLimits& limits) {
  if (left.size() * right.size() > limits.max_cross_pairs) return false;
  double sum = 0.0;
  for (const auto a : left) {
    for (const auto b : right) {
      const double s = score(a, b);
      if (s < limits.veto_below) return false;
      sum += s;
    }
  }
  return sum / static_cast<double>(left.size() * right.size()) >= limits.min_average_linkage;
}

}  // namespace

ChainResistantClusterer::Outcome ChainResistantClusterer::cluster(
    std::size_t records, std::vector<ScoredPair> pairs, const PairScore& score,
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& forced) const {
  std::erase_if(pairs, [this](const ScoredPair& p) { return p.score < merge_at_; });
  std::sort(pairs.begin(), pairs.end(), [](const ScoredPair& x, const ScoredPair& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.a != y.a ? x.a < y.a : x.b < y.b;  // deterministic order on ties
  });

  std::vector<std::uint32_t> root(records);
  std::iota(root.begin(), root.end(), 0U);
  std::vector<std::vector<std::uint32_t>> members(records);
  for (std::uint32_t i = 0; i < records; ++i) members[i] = {i};

  const auto join = [&](std::uint32_t ra, std::uint32_t rb) {
    if (members[ra].size() < members[rb].size()) std::swap(ra, rb);
    for (const auto m : members[rb]) root[m] = ra;
    members[ra].insert(members[ra].end(), members[rb].begin(), members[rb].end());
    std::vector<std::uint32_t>().swap(members[rb]);
  };
  for (const auto& [a, b] : forced) {
    if (a < records && b < records && root[a] != root[b]) join(root[a], root[b]);
  }

  Outcome out;
  for (const auto& pair : pairs) {
    const std::uint32_t ra = root[pair.a];
    const std::uint32_t rb = root[pair.b];
    if (ra == rb) continue;
    if (!linkage_allows_merge(members[ra], members[rb], score, limits_)) {
      out.refused.push_back(pair);
      continue;
    }
    join(ra, rb);
  }

  // Number clusters in order of their first record: stable output.
  constexpr std::uint32_t kUnset = ~0U;
  std::vector<std::uint32_t> number(records, kUnset);
  out.cluster_of.resize(records);
  for (std::size_t i = 0; i < records; ++i) {
    auto& n = number[root[i]];
    if (n == kUnset) n = static_cast<std::uint32_t>(out.clusters++);
    out.cluster_of[i] = n;
  }
  // A refused pair that later ended up together anyway is not a refusal.
  std::erase_if(out.refused, [&](const ScoredPair& p) { return root[p.a] == root[p.b]; });
  return out;
}

}  // namespace crmsync::identity
