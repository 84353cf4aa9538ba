#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace crmsync::csv_drop {

// Where each order of one file started (the line of its first row), to tell
// an order whose rows continue after other orders' rows. An order costs
// about 16 bytes: a 64-bit hash of its id and the line, in one sorted deque
// with a small map of the newest ids in front, instead of a hash-map node
// holding the id's text (about 90 bytes, 150 MB for a file of 1.75 million
// orders). A deque grows by blocks without copying: a vector held old and
// new copy at once while it grew, and the allocator kept the old copies.
// Two ids with one hash (about one chance in ten million for a file of two
// million orders) make the later order's first row look like a
// continuation: it is rejected with the reason, not lost.
class OrderStartIndex {
 public:
  // The line `id` started at if it was seen before; otherwise remembers
  // that it starts at `line` and returns nothing.
  std::optional<std::uint64_t> find_or_add(std::string_view id, std::uint64_t line);
  [[nodiscard]] std::size_t size() const { return sorted_.size() + recent_.size(); }

 private:
  struct Entry {
    std::uint64_t hash = 0;
    std::uint64_t line = 0;
  };
  void merge_recent();

  std::deque<Entry> sorted_;                                 // by hash
  std::unordered_map<std::uint64_t, std::uint64_t> recent_;  // hash -> line, merged when full
};

}  // namespace crmsync::csv_drop
