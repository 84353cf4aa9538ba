#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "daemon/identity/identity_record.hpp"
#include "daemon/identity/match_field.hpp"
#include "daemon/identity/record_comparator.hpp"
#include "daemon/identity/resolution_config.hpp"
#include "daemon/identity/value_frequency_table.hpp"

namespace crmsync::identity {

struct FieldEvidence {
  MatchField field;
  AgreementLevel level;
  double weight;  // bits; positive when the field agreed
};

// Fellegi-Sunter match weight of a record pair: the sum over fields of
// log2(m/u) for the level the pair reached. u of an exact agreement is the
// value's own frequency (term-frequency adjustment); u of the fuzzy levels is
// estimated once from random pairs. Suburb and postcode agreeing count once,
// and a house number counts only on a matching street. Email, phone and tax id held by more than
// identifier_max_records records give no evidence. Read-only after
// construction, so scoring is safe from several threads.
class FellegiSunterScorer {
 public:
  // Weight in bits per field and fuzzy agreement level (exact uses the value's frequency).
  using LevelWeights = std::array<std::array<double, kAgreementLevelCount>, kMatchFieldCount>;

  // records and frequencies must outlive the scorer. u of the fuzzy levels is
  // estimated from random pairs of `records`.
  FellegiSunterScorer(const std::vector<IdentityRecord>& records, const ValueFrequencyTable& frequencies,
                      const ResolutionConfig& config);
  // The same with the fuzzy weights estimated beforehand on a representative
  // sample: the incremental matcher scores a small neighbourhood whose own
  // random pairs would look far too alike.
  FellegiSunterScorer(const std::vector<IdentityRecord>& records, const ValueFrequencyTable& frequencies,
                      const ResolutionConfig& config, const LevelWeights& level_weights);

  [[nodiscard]] static LevelWeights estimate_level_weights(const std::vector<IdentityRecord>& sample,
                                                           const ResolutionConfig& config);

  // The pair's agreement levels; an identifier held by too many records is missing.
  [[nodiscard]] ComparisonVector compare(std::size_t a, std::size_t b) const;
  // The pair's weight; at most review_from - 1 when the names contradict.
  [[nodiscard]] double score(std::size_t a, std::size_t b) const;
  // Given and family names both known on both sides and both different, and
  // neither date of birth nor tax id agreeing.
  [[nodiscard]] static bool names_contradict(const ComparisonVector& levels);
  // The towns differ: the localities disagree and the postcodes are not near,
  // or the postcodes disagree where a locality is unknown.
  [[nodiscard]] static bool in_other_towns(const ComparisonVector& levels);
  // An e-mail, phone or tax id is known on both sides and none of them agree,
  // the dates of birth are not even near, and the addresses do not agree (one
  // street in one town, no other house number). Such a pair scores at most
  // auto_merge_at - 1: a review pair at best.
  [[nodiscard]] static bool contacts_contradict(const ComparisonVector& levels);
  [[nodiscard]] std::vector<FieldEvidence> explain(std::size_t a, std::size_t b) const;
  // Whether scoring a against b reads how many records hold b's value of
  // `field`. All of a's counts are read; of b's only the identifiers' (an
  // identifier too widely shared on either side is no evidence): an exact
  // agreement is weighed by a's value, which is b's. A candidate's other
  // counts need not be known, and need not be looked up.
  [[nodiscard]] static bool reads_candidate_count(MatchField field);
  [[nodiscard]] const IdentityRecord& record(std::size_t i) const { return records_[i]; }

 private:
  [[nodiscard]] double weight(MatchField field, AgreementLevel level, std::size_t a) const;
  [[nodiscard]] std::array<double, kMatchFieldCount> weights(std::size_t a,
                                                             const ComparisonVector& levels) const;

  const std::vector<IdentityRecord>& records_;
  const ValueFrequencyTable& frequencies_;
  ResolutionConfig config_;
  LevelWeights level_weight_{};
};

}  // namespace crmsync::identity
