#pragma once

#include <string>
#include <vector>

#include "daemon/identity/fellegi_sunter_scorer.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::store {

// The review queue (`duplicate_candidate`): a pair of source records with
// its score and the fields that agreed and disagreed.
class DuplicateCandidateWriter {
 public:
  explicit DuplicateCandidateWriter(Database& database) : database_(database) {}

  void store(long long a, long long b, double score, const std::vector<identity::FieldEvidence>& evidence,
             const std::string& now);

 private:
  Database& database_;
};

}  // namespace crmsync::store
