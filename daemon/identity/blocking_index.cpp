#include "daemon/identity/blocking_index.hpp"

#include <algorithm>

#include "daemon/identity/blocking_keys.hpp"

namespace crmsync::identity {

namespace {

using KeyedRecord = std::pair<std::uint64_t, std::uint32_t>;

}  // namespace

BlockingIndex::CandidatePairs BlockingIndex::candidate_pairs(
    const std::vector<IdentityRecord>& records) const {
  std::vector<KeyedRecord> keys;
  keys.reserve(records.size() * 8);
  for (std::size_t i = 0; i < records.size(); ++i) {
    for (const auto key : BlockingKeys::blocking_keys(records[i]))
      keys.emplace_back(key, static_cast<std::uint32_t>(i));
  }
  std::sort(keys.begin(), keys.end());

  CandidatePairs out;
  std::size_t begin = 0;
  while (begin < keys.size()) {
    std::size_t end = begin + 1;
    while (end < keys.size() && keys[end].first == keys[begin].first) ++end;
    const std::size_t size = end - begin;
    if (size > limits_.max_block_size) {
      ++out.oversized_blocks;
    } else {
      for (std::size_t i = begin; i < end; ++i) {
        for (std::size_t j = i + 1; j < end; ++j) {
          // keys are sorted by record within a block, so second > first
          if (keys[i].second != keys[j].second) out.pairs.emplace_back(keys[i].second, keys[j].second);
        }
      }
    }
    begin = end;
  }
  std::vector<KeyedRecord>().swap(keys);
  std::sort(out.pairs.begin(), out.pairs.end());
  out.pairs.erase(std::unique(out.pairs.begin(), out.pairs.end()), out.pairs.end());
  return out;
}

}  // namespace crmsync::identity
