#include "order_start_index.hpp"

#include <algorithm>
#include <functional>

namespace crmsync::csv_drop {
namespace {

// Merging costs a pass over the sorted array: often enough to keep the map
// small, rarely enough that the passes cost little next to reading the file.
constexpr std::size_t kRecentLimit = 8192;

}  // namespace

std::optional<std::uint64_t> OrderStartIndex::find_or_add(std::string_view id, std::uint64_t line) {
  const std::uint64_t hash = std::hash<std::string_view>()(id);
  const auto stored = std::lower_bound(sorted_.begin(), sorted_.end(), hash,
                                       [](const Entry& entry, std::uint64_t h) { return entry.hash < h; });
  if (stored != sorted_.end() && stored->hash == hash) return stored->line;
  const auto [recent, added] = recent_.emplace(hash, line);
  if (!added) return recent->second;
  if (recent_.size() >= kRecentLimit) merge_recent();
  return std::nullopt;
}

void OrderStartIndex::merge_recent() {
  const auto middle = sorted_.size();
  // Grow by a quarter rather than doubling: the array is the whole cost.
  if (sorted_.capacity() < middle + recent_.size()) sorted_.reserve((middle + recent_.size()) * 5 / 4);
  for (const auto& [hash, line] : recent_) sorted_.push_back({hash, line});
  recent_.clear();
  const auto by_hash = [](const Entry& a, const Entry& b) { return a.hash < b.hash; };
  std::sort(sorted_.begin() + static_cast<std::ptrdiff_t>(middle), sorted_.end(), by_hash);
  std::inplace_merge(sorted_.begin(), sorted_.begin() + static_cast<std::ptrdiff_t>(middle), sorted_.end(),
                     by_hash);
}

}  // namespace crmsync::csv_drop
