#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "daemon/identity/fellegi_sunter_scorer.hpp"
#include "daemon/identity/identity_record.hpp"
#include "daemon/identity/resolution_config.hpp"
#include "daemon/identity/value_frequency_table.hpp"

namespace crmsync::identity {

// Fellegi-Sunter weights within one self-contained set of records: value
// frequencies and fuzzy weights are taken from the set itself. IdentityResolver
// clusters with it, and the scores shown next to a re-resolve, merge or
// unmerge come from it, so every full-set score is computed one way.
// Read-only after construction, so safe from several threads.
class RecordSetScorer {
 public:
  static constexpr std::size_t kAllPairs = std::numeric_limits<std::size_t>::max();

  // records must outlive the scorer.
  RecordSetScorer(const std::vector<IdentityRecord>& records, const ResolutionConfig& config);
  RecordSetScorer(std::vector<IdentityRecord>&& records, const ResolutionConfig& config) = delete;
  // The scorer refers to its own frequency table: it stays where it was built.
  RecordSetScorer(const RecordSetScorer&) = delete;
  RecordSetScorer& operator=(const RecordSetScorer&) = delete;

  [[nodiscard]] const FellegiSunterScorer& pairs() const { return scorer_; }

  // The strongest weight of a record of `left` against a record of `right`
  // (the left one scored first), over at most max_pairs pairs taken left by
  // left; a record is never scored against itself. None when there was no
  // pair to score.
  [[nodiscard]] std::optional<double> best_between(std::span<const std::size_t> left,
                                                   std::span<const std::size_t> right,
                                                   std::size_t max_pairs = kAllPairs) const;

 private:
  ValueFrequencyTable frequencies_;
  FellegiSunterScorer scorer_;
};

}  // namespace crmsync::identity
