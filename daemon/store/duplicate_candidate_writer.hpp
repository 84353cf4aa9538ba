#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "daemon/identity/fellegi_sunter_scorer.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/multi_row_insert.hpp"

namespace crmsync::store {

// The review queue (`duplicate_candidate`): a pair of source records with
// its score and the fields that agreed and disagreed. Pairs are queued and
// written by flush() in a few statements; a pair queued again replaces its
// earlier entry, as a pair stored again replaces its row.
class DuplicateCandidateWriter {
 public:
  explicit DuplicateCandidateWriter(Database& database) : database_(database) {}

  void store(long long a, long long b, double score, const std::vector<identity::FieldEvidence>& evidence,
             const std::string& now);
  void flush();

 private:
  Database& database_;
  std::map<std::pair<long long, long long>, std::vector<MultiRowInsert::Value>> queued_;
};

}  // namespace crmsync::store
