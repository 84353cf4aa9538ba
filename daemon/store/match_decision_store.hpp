#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// People's decisions about pairs of source records (`match_decision`): they
// outlive every re-resolution. Pairs are kept with the smaller id first.
class MatchDecisionStore {
 public:
  explicit MatchDecisionStore(Database& database) : database_(database) {}

  void decide(long long a, long long b, const std::string& decision, const std::string& actor,
              const std::string& reason, const std::string& now);
  // Pairs marked 'never' (or 'always') that involve any of these records.
  [[nodiscard]] std::set<std::pair<long long, long long>> pairs(const std::string& decision,
                                                                const std::vector<long long>& records);
  [[nodiscard]] std::set<std::pair<long long, long long>> all_pairs(const std::string& decision);

 private:
  Database& database_;
};

}  // namespace crmsync::store
