#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "daemon/identity/match_field.hpp"

namespace crmsync::identity {

// Scores are Fellegi-Sunter match weights in bits (sum of log2(m/u)).
struct ResolutionThresholds {
  double auto_merge_at = 12.0;  // at or above: same customer
  double review_from = 4.0;     // [review_from, auto_merge_at): a person decides
};

struct ClusteringLimits {
  // Two clusters join only if the mean score over all their cross pairs reaches
  // this, so one strong pair cannot glue two otherwise unrelated groups.
  double min_average_linkage = 6.0;
  // ... and no cross pair scores below this (A and C clearly different people).
  double veto_below = -8.0;
  // Clusters whose cross product exceeds this are left apart for review.
  std::size_t max_cross_pairs = 4096;
};

struct BlockingLimits {
  // A block (records sharing one key) larger than this yields no pairs:
  // "1900-01-01" or "smith" must not make the pair count explode.
  std::size_t max_block_size = 100;
  // A key held by at most this many records is enough on its own for two
  // records sharing it to be compared; otherwise they must share an
  // identifier or keys of two kinds (SharedKeyEvidence). At max_block_size
  // or above, every usable key is enough on its own.
  std::size_t rare_block_size = 10;
};

// m = P(level | same person) per field, in AgreementLevel order (disagree,
// weak, strong, exact). Defaults reflect typical entry errors; u comes from
// the data (value frequencies and random pairs).
struct MProbabilities {
  std::array<std::array<double, kAgreementLevelCount>, kMatchFieldCount> by_field = {{
      {0.01, 0.05, 0.09, 0.85},  // given_name
      {0.01, 0.05, 0.09, 0.85},  // family_name
      {0.04, 0.05, 0.11, 0.80},  // full_name
      {0.20, 0.00, 0.00, 0.80},  // email: people keep several addresses
      {0.20, 0.00, 0.00, 0.80},  // phone
      {0.05, 0.00, 0.10, 0.85},  // tax_id: strong = one typo
      {0.10, 0.00, 0.10, 0.80},  // company
      {0.15, 0.00, 0.00, 0.85},  // street_number
      {0.05, 0.05, 0.10, 0.80},  // address
      {0.04, 0.03, 0.08, 0.85},  // locality
      {0.05, 0.10, 0.00, 0.85},  // postcode: weak = one character off
      {0.10, 0.00, 0.00, 0.90},  // state
      {0.03, 0.08, 0.04, 0.85},  // date_of_birth: weak = one digit, strong = day/month swapped
  }};
};

struct ResolutionConfig {
  ResolutionThresholds thresholds;
  ClusteringLimits clustering;
  BlockingLimits blocking;
  MProbabilities m;
  // An email, phone or tax id held by more records than this is a role mailbox
  // or switchboard: it stops counting as an identifier (no evidence either way).
  std::size_t identifier_max_records = 10;
  std::size_t random_pairs_for_u = 50000;  // sampled to estimate u of the fuzzy levels
  double min_probability = 1e-6;           // floor for m and u: no infinite weights
  // Value frequencies are taken over at least this many records: in a small
  // set every value looks common and no agreement would carry any weight.
  std::size_t min_population = 1000;
  std::uint64_t seed = 20240601;
  unsigned threads = 0;  // 0: hardware concurrency
};

}  // namespace crmsync::identity
