#pragma once

#include <filesystem>

#include "synthetic_backfill.hpp"

namespace crmsync::bench {

// Which person each customer record describes, to score identity resolution
// by: the originals are distinct people, each re-send is a copy of one.
// DIR/csv_customers.tsv names records by their partner id, DIR/crm_customers.tsv
// by their Salesforce Id; each line is `id<TAB>person<TAB>original` (person:
// the original's customer number; original: 1, or 0 for a re-send).
class TruthWriter {
 public:
  explicit TruthWriter(const SyntheticBackfill& backfill) : backfill_(backfill) {}

  void write(const std::filesystem::path& directory) const;

 private:
  const SyntheticBackfill& backfill_;
};

}  // namespace crmsync::bench
