#include "order_start_index.hpp"

#include <algorithm>
#include <functional>
#include <vector>

namespace crmsync::csv_drop {
namespace {

// Merging costs a pass over the sorted entries: often enough to keep the map
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
  std::vector<Entry> fresh;
  fresh.reserve(recent_.size());
  for (const auto& [hash, line] : recent_) fresh.push_back({hash, line});
  std::sort(fresh.begin(), fresh.end(), [](const Entry& a, const Entry& b) { return a.hash < b.hash; });
  recent_ = {};
  std::size_t old_left = sorted_.size();
  sorted_.resize(old_left + fresh.size());
  // Merged from the back, in place: each entry moves at most once and
  // nothing but the new entries is held twice.
  std::size_t fresh_left = fresh.size();
  std::size_t out = sorted_.size();
  while (fresh_left > 0) {
    if (old_left > 0 && fresh[fresh_left - 1].hash < sorted_[old_left - 1].hash) {
      sorted_[--out] = sorted_[--old_left];
    } else {
      sorted_[--out] = fresh[--fresh_left];
    }
  }
}

}  // namespace crmsync::csv_drop
