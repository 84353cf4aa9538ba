#include "daemon/identity/fellegi_sunter_scorer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "daemon/identity/name_conflict.hpp"

namespace crmsync::identity {

namespace {

// Exact or nearly so (one typo, day and month swapped).
bool agrees(const ComparisonVector& levels, MatchField field) {
  const auto level = levels[index_of(field)];
  return level == AgreementLevel::kExact || level == AgreementLevel::kStrong;
}

bool is_identifier(MatchField field) {
  return field == MatchField::kEmail || field == MatchField::kPhone || field == MatchField::kTaxId;
}

// splitmix64: a tiny deterministic generator, identical on every platform.
std::uint64_t next_random(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Pseudo-pairs of prior evidence for the fuzzy u-probabilities, per level
// (disagree, weak, strong, exact).
constexpr double kPriorPairs = 50.0;
constexpr std::array<double, kAgreementLevelCount> kPriorU = {0.90, 0.06, 0.02, 0.02};

}  // namespace

FellegiSunterScorer::FellegiSunterScorer(const std::vector<IdentityRecord>& records,
                                         const ValueFrequencyTable& frequencies,
                                         const ResolutionConfig& config)
    : records_(records),
      frequencies_(frequencies),
      config_(config),
      level_weight_(estimate_level_weights(records, config)) {}

FellegiSunterScorer::FellegiSunterScorer(const std::vector<IdentityRecord>& records,
                                         const ValueFrequencyTable& frequencies,
                                         const ResolutionConfig& config, const LevelWeights& level_weights)
    : records_(records), frequencies_(frequencies), config_(config), level_weight_(level_weights) {}

FellegiSunterScorer::LevelWeights FellegiSunterScorer::estimate_level_weights(
    const std::vector<IdentityRecord>& sample, const ResolutionConfig& config) {
  LevelWeights out{};
  std::array<std::array<double, kAgreementLevelCount>, kMatchFieldCount> seen{};
  std::array<double, kMatchFieldCount> compared{};
  const std::size_t n = sample.size();
  const auto count = [&](std::size_t a, std::size_t b) {
    const auto levels = RecordComparator::compare(sample[a], sample[b]);
    for (std::size_t f = 0; f < kMatchFieldCount; ++f) {
      if (levels[f] == AgreementLevel::kMissing) continue;
      seen[f][static_cast<std::size_t>(levels[f])] += 1.0;
      compared[f] += 1.0;
    }
  };
  if (n >= 2 && n * (n - 1) / 2 <= config.random_pairs_for_u) {
    // Few enough records to compare every pair once: exact, and no more work
    // than the pairs there are.
    for (std::size_t a = 0; a < n; ++a) {
      for (std::size_t b = a + 1; b < n; ++b) count(a, b);
    }
  } else {
    std::uint64_t state = config.seed;
    const std::size_t samples = n < 2 ? 0 : config.random_pairs_for_u;
    for (std::size_t s = 0; s < samples; ++s) {
      const std::size_t a = next_random(state) % n;
      const std::size_t b = next_random(state) % n;
      if (a != b) count(a, b);
    }
  }
  const double floor = config.min_probability;
  for (std::size_t f = 0; f < kMatchFieldCount; ++f) {
    for (std::size_t l = 0; l < kAgreementLevelCount; ++l) {
      // Smoothed towards a prior of what random pairs usually show, so a
      // small or empty sample (a young database) gives sane weights instead
      // of treating every fuzzy agreement as proof.
      const double u = (seen[f][l] + kPriorPairs * kPriorU[l]) / (compared[f] + kPriorPairs);
      const double m = config.m.by_field[f][l];
      out[f][l] = std::log2(std::max(m, floor) / std::max(u, floor));
    }
  }
  return out;
}

ComparisonVector FellegiSunterScorer::compare(std::size_t a, std::size_t b) const {
  auto levels = RecordComparator::compare(records_[a], records_[b]);
  for (std::size_t f = 0; f < kMatchFieldCount; ++f) {
    const auto field = static_cast<MatchField>(f);
    if (!is_identifier(field) || levels[f] == AgreementLevel::kMissing) continue;
    if (frequencies_.count(field, a) > config_.identifier_max_records ||
        frequencies_.count(field, b) > config_.identifier_max_records) {
      levels[f] = AgreementLevel::kMissing;
    }
  }
  return levels;
}

bool FellegiSunterScorer::reads_candidate_count(MatchField field) {
  return is_identifier(field);
}

double FellegiSunterScorer::weight(MatchField field, AgreementLevel level, std::size_t a) const {
  const std::size_t f = index_of(field);
  if (level == AgreementLevel::kMissing) return 0.0;
  if (level != AgreementLevel::kExact) return level_weight_[f][static_cast<std::size_t>(level)];
  // Term frequency: P(a random record shares this very value).
  const double share =
      static_cast<double>(std::max<std::uint32_t>(frequencies_.count(field, a), 1)) /
      static_cast<double>(std::max<std::size_t>({frequencies_.population(), config_.min_population, 1}));
  const double m = config_.m.by_field[f][static_cast<std::size_t>(AgreementLevel::kExact)];
  return std::log2(std::max(m, config_.min_probability) / std::max(share, config_.min_probability));
}

std::array<double, kMatchFieldCount> FellegiSunterScorer::weights(std::size_t a,
                                                                  const ComparisonVector& levels) const {
  std::array<double, kMatchFieldCount> w{};
  for (std::size_t f = 0; f < kMatchFieldCount; ++f) w[f] = weight(static_cast<MatchField>(f), levels[f], a);
  // Fields that are not independent must not be counted twice. A house number
  // means something only on the same street.
  const auto address = levels[index_of(MatchField::kAddress)];
  auto& street_number = w[index_of(MatchField::kStreetNumber)];
  if ((address == AgreementLevel::kDisagree || address == AgreementLevel::kMissing) && street_number > 0.0) {
    street_number = 0.0;
  }
  // A street of one name runs through many towns (Hauptstraße, 人民路): in
  // other towns its name alone says nothing about one address. The same
  // street and house number is one house with its town entered wrong as
  // often as a coincidence, and keeps its weight.
  if (in_other_towns(levels) && levels[index_of(MatchField::kStreetNumber)] != AgreementLevel::kExact) {
    auto& street = w[index_of(MatchField::kAddress)];
    street = std::min(street, 0.0);
  }
  // A suburb and its postcode name one place: agreement counts once.
  auto& locality = w[index_of(MatchField::kLocality)];
  auto& postcode = w[index_of(MatchField::kPostcode)];
  if (locality > 0.0 && postcode > 0.0) (locality < postcode ? locality : postcode) = 0.0;
  return w;
}

bool FellegiSunterScorer::in_other_towns(const ComparisonVector& levels) {
  const auto locality = levels[index_of(MatchField::kLocality)];
  const auto postcode = levels[index_of(MatchField::kPostcode)];
  const auto near = [](AgreementLevel level) {
    return level != AgreementLevel::kDisagree && level != AgreementLevel::kMissing;
  };
  if (locality == AgreementLevel::kDisagree) return !near(postcode);
  return postcode == AgreementLevel::kDisagree && locality == AgreementLevel::kMissing;
}

bool FellegiSunterScorer::contacts_contradict(const ComparisonVector& levels) {
  bool compared = false;
  for (const auto field : {MatchField::kEmail, MatchField::kPhone, MatchField::kTaxId}) {
    if (agrees(levels, field)) return false;
    compared = compared || levels[index_of(field)] != AgreementLevel::kMissing;
  }
  // A birth date one digit off is more likely a typo than another person.
  if (levels[index_of(MatchField::kDateOfBirth)] != AgreementLevel::kDisagree &&
      levels[index_of(MatchField::kDateOfBirth)] != AgreementLevel::kMissing) {
    return false;
  }
  // One house: the street agrees and the number does not differ, or the
  // street is similar (a typo, a district added) and the number is the same.
  const auto street = levels[index_of(MatchField::kAddress)];
  const auto number = levels[index_of(MatchField::kStreetNumber)];
  const bool one_house = (agrees(levels, MatchField::kAddress) && number != AgreementLevel::kDisagree) ||
                         (street == AgreementLevel::kWeak && number == AgreementLevel::kExact);
  if (one_house && !in_other_towns(levels)) return false;
  return compared;
}

bool FellegiSunterScorer::names_contradict(const ComparisonVector& levels) {
  return name_conflict(levels) == NameConflict::kBothNames && !agrees(levels, MatchField::kDateOfBirth) &&
         !agrees(levels, MatchField::kTaxId);
}

double FellegiSunterScorer::score(std::size_t a, std::size_t b) const {
  const auto levels = compare(a, b);
  const auto w = weights(a, levels);
  double total = 0.0;
  for (const double x : w) total += x;
  // Two people whose given and family names both differ, and who share no
  // personal fact (birth date, tax or national id), are two people whatever
  // contact points they share (a mailbox, a switchboard, an office address):
  // such a pair never reaches the review band. With a personal fact in
  // common, the names were more likely entered wrong, and the weights decide.
  if (names_contradict(levels)) total = std::min(total, config_.thresholds.review_from - 1.0);
  // Two records that agree on a name and a town but on no way to reach the
  // person (their e-mail, phone or tax id differ, their street does not
  // agree) may be one person who moved and changed numbers, or two people of
  // one name, as common names are: a person decides, whatever the names weigh.
  if (contacts_contradict(levels)) {
    total = std::min(total, config_.thresholds.auto_merge_at - 1.0);
  }
  return total;
}

std::vector<FieldEvidence> FellegiSunterScorer::explain(std::size_t a, std::size_t b) const {
  const auto levels = compare(a, b);
  const auto w = weights(a, levels);
  std::vector<FieldEvidence> out;
  for (std::size_t f = 0; f < kMatchFieldCount; ++f)
    out.push_back({static_cast<MatchField>(f), levels[f], w[f]});
  return out;
}

}  // namespace crmsync::identity
