#include "daemon/store/duplicate_candidate_writer.hpp"

#include <utility>

#include <soci/soci.h>

namespace crmsync::store {

void DuplicateCandidateWriter::store(long long a, long long b, double score,
                                     const std::vector<identity::FieldEvidence>& evidence,
                                     const std::string& now) {
  if (a == b) return;
  if (a > b) std::swap(a, b);
  std::string agreed;
  std::string disagreed;
  for (const auto& e : evidence) {
    if (e.level == identity::AgreementLevel::kMissing) continue;
    auto& list = e.weight > 0.0 ? agreed : disagreed;
    if (!list.empty()) list += ",";
    list += identity::kMatchFieldNames[identity::index_of(e.field)];
  }
  auto& sql = database_.session();
  sql << "DELETE FROM duplicate_candidate WHERE record_a = :a AND record_b = :b", soci::use(a), soci::use(b);
  sql << "INSERT INTO duplicate_candidate (record_a, record_b, score, agreed, disagreed, found_at)"
         " VALUES (:a, :b, :score, :agreed, :disagreed, :now)",
      soci::use(a), soci::use(b), soci::use(score), soci::use(agreed), soci::use(disagreed), soci::use(now);
}

}  // namespace crmsync::store
