#pragma once

#include <cstddef>
#include <filesystem>

#include "synthetic_backfill.hpp"

namespace crmsync::bench {

// Writes a backfill as the partner files the csv_drop connector reads with
// the stream mapping of config/sample-data/partners.yaml.example:
//   alpha_customers_20240601.csv    UTF-8 + BOM, CRLF, template header
//   huadong_kehu_20240601.csv       UTF-8, CRLF, Chinese header
//   pacific_customers_20240603.csv  UTF-8, LF, template header, re-sends of the other two
//   alpha_orders_20240601.csv       UTF-8 + BOM, CRLF, one row per order line
//   alpha_feedback_20240602.csv     UTF-8, LF, multi-line quoted comments
class CsvDropWriter {
 public:
  struct Counts {
    std::size_t records = 0;        // what lands as source records
    std::size_t rows = 0;           // data rows written
    std::size_t rejected_rows = 0;  // rows the connector must reject
    std::size_t order_lines = 0;
  };

  explicit CsvDropWriter(const SyntheticBackfill& backfill) : backfill_(backfill) {}

  Counts write(const std::filesystem::path& directory) const;

 private:
  const SyntheticBackfill& backfill_;
};

}  // namespace crmsync::bench
