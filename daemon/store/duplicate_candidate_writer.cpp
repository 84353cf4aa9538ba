#include "daemon/store/duplicate_candidate_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <soci/soci.h>

namespace crmsync::store {
namespace {

constexpr std::size_t kPairsPerDelete = 250;

// Shortest text that reads back as the same double.
std::string exact_text(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), result.ptr};
}

}  // namespace

void DuplicateCandidateWriter::store(long long a, long long b, double score,
                                     const std::vector<identity::FieldEvidence>& evidence,
                                     const std::string& now) {
  if (a == b) return;
  if (a > b) std::swap(a, b);
  std::string agreed;
  std::string disagreed;
  for (const auto& e : evidence) {
    // A field that weighs nothing (a house number on another street) is neither.
    if (e.level == identity::AgreementLevel::kMissing || e.weight == 0.0) continue;
    auto& list = e.weight > 0.0 ? agreed : disagreed;
    if (!list.empty()) list += ",";
    list += identity::kMatchFieldNames[identity::index_of(e.field)];
  }
  queued_[{a, b}] = {std::to_string(a), std::to_string(b), exact_text(score), agreed, disagreed, now};
}

void DuplicateCandidateWriter::flush() {
  if (queued_.empty()) return;
  // Ids the daemon read itself, written as literals.
  std::vector<std::pair<long long, long long>> pairs;
  for (const auto& [pair, row] : queued_) pairs.push_back(pair);
  for (std::size_t first = 0; first < pairs.size(); first += kPairsPerDelete) {
    std::string where;
    for (std::size_t i = first; i < std::min(pairs.size(), first + kPairsPerDelete); ++i) {
      if (!where.empty()) where += " OR ";
      where += "(record_a = " + std::to_string(pairs[i].first) +
               " AND record_b = " + std::to_string(pairs[i].second) + ")";
    }
    database_.session() << "DELETE FROM duplicate_candidate WHERE " + where;
  }
  MultiRowInsert rows("duplicate_candidate",
                      {"record_a", "record_b", "score", "agreed", "disagreed", "found_at"});
  for (auto& [pair, row] : queued_) rows.add(std::move(row));
  rows.flush(database_);
  queued_.clear();
}

}  // namespace crmsync::store
