#pragma once

#include <filesystem>

#include "synthetic_backfill.hpp"

namespace crmsync::bench {

// Writes the records of a backfill for the tables of reference_schema.sql,
// twice: as COPY text files (customer.tsv, sales_order.tsv, order_line.tsv,
// feedback.tsv) for `psql \copy`, and as naive.sql, one INSERT ... ON
// CONFLICT DO UPDATE statement per record and per order line, the way a
// hand-written sync script does it. Rows the connector rejects are left out;
// values the daemon's normaliser would refuse become NULL.
class ReferenceRowWriter {
 public:
  explicit ReferenceRowWriter(const SyntheticBackfill& backfill) : backfill_(backfill) {}

  void write(const std::filesystem::path& directory) const;

 private:
  const SyntheticBackfill& backfill_;
};

}  // namespace crmsync::bench
