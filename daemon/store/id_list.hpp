#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace crmsync::store {

// Integer ids written into SQL as a literal list, in chunks a statement can
// take. Only for ids the daemon itself read or computed, never for text.
class IdList {
 public:
  static constexpr std::size_t kChunk = 500;

  // "1,2,3" for ids[first, first + kChunk).
  [[nodiscard]] static std::string chunk(const std::vector<long long>& ids, std::size_t first);
};

}  // namespace crmsync::store
