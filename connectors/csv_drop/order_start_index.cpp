#include "order_start_index.hpp"

#include <algorithm>
#include <functional>
#include <new>
#include <utility>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

namespace crmsync::csv_drop {
namespace {

// Merging costs a pass over the sorted array: often enough to keep the map
// small, rarely enough that the passes cost little next to reading the file.
constexpr std::size_t kRecentLimit = 8192;

}  // namespace

OrderStartIndex::~OrderStartIndex() {
  if (sorted_ != nullptr) munmap(sorted_, mapped_bytes_);
}

OrderStartIndex::OrderStartIndex(OrderStartIndex&& other) noexcept
    : sorted_(std::exchange(other.sorted_, nullptr)),
      sorted_size_(std::exchange(other.sorted_size_, 0)),
      mapped_bytes_(std::exchange(other.mapped_bytes_, 0)),
      recent_(std::move(other.recent_)) {}

OrderStartIndex& OrderStartIndex::operator=(OrderStartIndex&& other) noexcept {
  if (this != &other) {
    if (sorted_ != nullptr) munmap(sorted_, mapped_bytes_);
    sorted_ = std::exchange(other.sorted_, nullptr);
    sorted_size_ = std::exchange(other.sorted_size_, 0);
    mapped_bytes_ = std::exchange(other.mapped_bytes_, 0);
    recent_ = std::move(other.recent_);
  }
  return *this;
}

std::optional<std::uint64_t> OrderStartIndex::find_or_add(std::string_view id, std::uint64_t line) {
  const std::uint64_t hash = std::hash<std::string_view>()(id);
  const Entry* begin = sorted_;
  const Entry* end = sorted_ + sorted_size_;
  const Entry* stored =
      std::lower_bound(begin, end, hash, [](const Entry& entry, std::uint64_t h) { return entry.hash < h; });
  if (stored != end && stored->hash == hash) return stored->line;
  const auto [recent, added] = recent_.emplace(hash, line);
  if (!added) return recent->second;
  if (recent_.size() >= kRecentLimit) merge_recent();
  return std::nullopt;
}

void OrderStartIndex::reserve(std::size_t entries) {
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const std::size_t bytes = (entries * sizeof(Entry) + page - 1) / page * page;
  if (bytes <= mapped_bytes_) return;
  void* grown = sorted_ == nullptr
                    ? mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
                    : mremap(sorted_, mapped_bytes_, bytes, MREMAP_MAYMOVE);
  if (grown == MAP_FAILED) throw std::bad_alloc();
  sorted_ = static_cast<Entry*>(grown);
  mapped_bytes_ = bytes;
}

void OrderStartIndex::merge_recent() {
  const auto by_hash = [](const Entry& a, const Entry& b) { return a.hash < b.hash; };
  std::vector<Entry> fresh;
  fresh.reserve(recent_.size());
  for (const auto& [hash, line] : recent_) fresh.push_back({hash, line});
  std::sort(fresh.begin(), fresh.end(), by_hash);
  // A quarter more than needed, so that not every merge asks the kernel.
  reserve(sorted_size_ + fresh.size() + (sorted_size_ + fresh.size()) / 4);
  recent_ = {};
  // Merged from the back, in place: each entry moves at most once and
  // nothing but the new entries is held twice.
  std::size_t old_left = sorted_size_;
  std::size_t fresh_left = fresh.size();
  std::size_t out = sorted_size_ + fresh.size();
  while (fresh_left > 0) {
    if (old_left > 0 && by_hash(fresh[fresh_left - 1], sorted_[old_left - 1])) {
      sorted_[--out] = sorted_[--old_left];
    } else {
      sorted_[--out] = fresh[--fresh_left];
    }
  }
  sorted_size_ += fresh.size();
}

}  // namespace crmsync::csv_drop
