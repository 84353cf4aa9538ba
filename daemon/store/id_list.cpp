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

std::vector<std::string> IdList::matching(Dialect dialect, std::string_view column,
                                          const std::vector<long long>& ids) {
  std::vector<std::string> out;
  if (ids.empty()) return out;
  if (dialect == Dialect::postgresql) {
    std::string condition(column);
    condition += " = ANY('{";
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (i > 0) condition += ',';
      condition += std::to_string(ids[i]);
    }
    condition += "}'::BIGINT[])";
    out.push_back(std::move(condition));
    return out;
  }
  for (std::size_t first = 0; first < ids.size(); first += kChunk) {
    out.push_back(std::string(column) + " IN (" + chunk(ids, first) + ")");
  }
  return out;
}

}  // namespace crmsync::store
