#include "daemon/store/id_list.hpp"

#include <algorithm>

namespace crmsync::store {

std::string IdList::chunk(const std::vector<long long>& ids, std::size_t first) {
  std::string out;
  const std::size_t last = std::min(ids.size(), first + kChunk);
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) out += ',';
    out += std::to_string(ids[i]);
  }
  return out;
}

}  // namespace crmsync::store
