#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Integer ids written into SQL as a literal list, in chunks a statement can
// take. Only for ids the daemon itself read or computed, never for text.
class IdList {
 public:
  static constexpr std::size_t kChunk = 500;

  // "1,2,3" for ids[first, first + kChunk).
  [[nodiscard]] static std::string chunk(const std::vector<long long>& ids, std::size_t first);

  // "column" matching the ids, one condition per statement to run: on
  // PostgreSQL one "column = ANY('{1,2,3}'::BIGINT[])" for all of them,
  // elsewhere "column IN (1,2,3)" per kChunk ids; none for no ids.
  // PostgreSQL parses and plans a list of 500 literals in about the time it
  // takes to find them: one array of a batch's ids halves what its lookups
  // cost the server.
  [[nodiscard]] static std::vector<std::string> matching(Dialect dialect, std::string_view column,
                                                         const std::vector<long long>& ids);
};

}  // namespace crmsync::store
