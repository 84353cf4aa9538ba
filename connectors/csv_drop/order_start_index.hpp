#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace crmsync::csv_drop {

// Where each order of one file started (the line of its first row), to tell
// an order whose rows continue after other orders' rows. An order costs
// about 16 bytes: a 64-bit hash of its id and the line, in one sorted array
// with a small map of the newest ids in front, instead of a hash-map node
// holding the id's text (about 90 bytes, 150 MB for a file of 1.75 million
// orders). The array lives in its own memory mapping and grows with
// mremap, which moves pages instead of copying them: a vector held old and
// new copy at once while it grew, about twice its size, and the allocators
// kept the old copies' memory. Two ids with one hash (about one chance in
// ten million for a file of two million orders) make the later order's first
// row look like a continuation: it is rejected with the reason, not lost.
class OrderStartIndex {
 public:
  OrderStartIndex() = default;
  ~OrderStartIndex();
  OrderStartIndex(const OrderStartIndex&) = delete;
  OrderStartIndex& operator=(const OrderStartIndex&) = delete;
  OrderStartIndex(OrderStartIndex&& other) noexcept;
  OrderStartIndex& operator=(OrderStartIndex&& other) noexcept;

  // The line `id` started at if it was seen before; otherwise remembers
  // that it starts at `line` and returns nothing.
  std::optional<std::uint64_t> find_or_add(std::string_view id, std::uint64_t line);
  [[nodiscard]] std::size_t size() const { return sorted_size_ + recent_.size(); }

 private:
  struct Entry {
    std::uint64_t hash = 0;
    std::uint64_t line = 0;
  };
  void merge_recent();
  void reserve(std::size_t entries);  // throws std::bad_alloc

  Entry* sorted_ = nullptr;  // by hash, in a mapping of `mapped_bytes_`
  std::size_t sorted_size_ = 0;
  std::size_t mapped_bytes_ = 0;
  std::unordered_map<std::uint64_t, std::uint64_t> recent_;  // hash -> line, merged when full
};

}  // namespace crmsync::csv_drop
