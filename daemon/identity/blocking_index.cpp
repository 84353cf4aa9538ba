#include "daemon/identity/blocking_index.hpp"

#include <algorithm>

#include "daemon/identity/blocking_keys.hpp"
#include "daemon/identity/shared_key_evidence.hpp"

namespace crmsync::identity {

namespace {

struct KeyedRecord {
  std::uint64_t key;
  std::uint32_t record;
  KeyGroup group;
};

// A pair that shares one key, and what kind of key it is.
struct SharedKey {
  std::uint32_t first;
  std::uint32_t second;
  KeyGroup group;
  bool rare;
};

}  // namespace

BlockingIndex::CandidatePairs BlockingIndex::candidate_pairs(
    const std::vector<IdentityRecord>& records) const {
  std::vector<KeyedRecord> keys;
  keys.reserve(records.size() * 8);
  for (std::size_t i = 0; i < records.size(); ++i) {
    for (const auto& grouped : BlockingKeys::grouped_blocking_keys(records[i]))
      keys.push_back({grouped.key, static_cast<std::uint32_t>(i), grouped.group});
  }
  std::sort(keys.begin(), keys.end(), [](const KeyedRecord& a, const KeyedRecord& b) {
    return a.key != b.key ? a.key < b.key : a.record < b.record;
  });

  CandidatePairs out;
  std::vector<SharedKey> shared;
  std::size_t begin = 0;
  while (begin < keys.size()) {
    std::size_t end = begin + 1;
    while (end < keys.size() && keys[end].key == keys[begin].key) ++end;
    const std::size_t size = end - begin;
    if (size > limits_.max_block_size) {
      ++out.oversized_blocks;
    } else {
      const bool rare = size <= limits_.rare_block_size;
      for (std::size_t i = begin; i < end; ++i) {
        for (std::size_t j = i + 1; j < end; ++j) {
          // keys are sorted by record within a block, so second > first
          if (keys[i].record != keys[j].record) {
            shared.push_back({keys[i].record, keys[j].record, keys[i].group, rare});
          }
        }
      }
    }
    begin = end;
  }
  std::vector<KeyedRecord>().swap(keys);
  std::sort(shared.begin(), shared.end(), [](const SharedKey& a, const SharedKey& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  for (std::size_t i = 0; i < shared.size();) {
    SharedKeyEvidence evidence;
    std::size_t j = i;
    for (; j < shared.size() && shared[j].first == shared[i].first && shared[j].second == shared[i].second;
         ++j) {
      evidence.add(shared[j].group, shared[j].rare);
    }
    if (evidence.worth_comparing()) out.pairs.emplace_back(shared[i].first, shared[i].second);
    i = j;
  }
  return out;
}

}  // namespace crmsync::identity
