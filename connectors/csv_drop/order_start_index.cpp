#include "order_start_index.hpp"

#include <algorithm>
#include <functional>
#include <utility>

namespace crmsync::csv_drop {
namespace {

// Merging costs a pass over the sorted array: often enough to keep the map
// small, rarely enough that the passes cost little next to reading the file.
constexpr std::size_t kRecentLimit = 8192;

}  // namespace

OrderStartIndex::OrderStartIndex(OrderStartIndex&& other) noexcept
    : chunks_(std::exchange(other.chunks_, {})),
      sorted_size_(std::exchange(other.sorted_size_, 0)),
      recent_(std::exchange(other.recent_, {})) {}

OrderStartIndex& OrderStartIndex::operator=(OrderStartIndex&& other) noexcept {
  if (this != &other) {
    chunks_ = std::exchange(other.chunks_, {});
    sorted_size_ = std::exchange(other.sorted_size_, 0);
    recent_ = std::exchange(other.recent_, {});
  }
  return *this;
}

std::optional<std::uint64_t> OrderStartIndex::find_or_add(std::string_view id, std::uint64_t line) {
  const std::uint64_t hash = std::hash<std::string_view>()(id);
  // The first stored entry whose hash is not below `hash`.
  std::size_t low = 0;
  std::size_t high = sorted_size_;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (at(middle).hash < hash) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low < sorted_size_ && at(low).hash == hash) return at(low).line;
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
  const std::size_t total = sorted_size_ + fresh.size();
  while (chunks_.size() << kChunkBits < total) {
    // Not zeroed: every entry is written before it is read.
    chunks_.push_back(std::make_unique_for_overwrite<Entry[]>(std::size_t{1} << kChunkBits));
  }
  recent_ = {};
  // Merged from the back, in place: each entry moves at most once and
  // nothing but the new entries is held twice.
  std::size_t old_left = sorted_size_;
  std::size_t fresh_left = fresh.size();
  std::size_t out = total;
  while (fresh_left > 0) {
    if (old_left > 0 && fresh[fresh_left - 1].hash < at(old_left - 1).hash) {
      at(--out) = at(--old_left);
    } else {
      at(--out) = fresh[--fresh_left];
    }
  }
  sorted_size_ = total;
}

}  // namespace crmsync::csv_drop
