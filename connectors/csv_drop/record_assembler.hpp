#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/record.hpp"

#include "csv_reader.hpp"
#include "header_binding.hpp"
#include "order_start_index.hpp"
#include "stream_mapping.hpp"

namespace crmsync::csv_drop {

// Turns the data rows of one file into records and rejections. For order
// streams with line columns, consecutive rows with the same id become one
// order with a line per row; that order is held back until a row with
// another id (or the end of the file) shows it is complete.
class RecordAssembler {
 public:
  RecordAssembler(const StreamMapping& mapping, const HeaderBinding& binding, std::string file_name);

  // Adds data row number `row_index` (0-based); what it completes goes to `out`.
  void add_row(const CsvRow& row, std::uint64_t row_index, sdk::RecordBatch& out);
  // Notes a row skipped on resume, so an order id seen before the resume
  // point is still known.
  void skip_row(const CsvRow& row);
  // The end of the file: the order held back goes to `out`.
  void finish(sdk::RecordBatch& out);
  // The first row whose record is held back, if any: a batch cut now is
  // complete only up to this row.
  [[nodiscard]] std::optional<std::uint64_t> held_from() const;

 private:
  [[nodiscard]] std::string location(const CsvRow& row) const;
  [[nodiscard]] std::optional<sdk::Rejection> check(const CsvRow& row, std::string& id) const;
  [[nodiscard]] sdk::RawRecord make_record(const CsvRow& row, std::string id) const;
  [[nodiscard]] sdk::FieldMap make_line(const CsvRow& row) const;
  void add_order_row(const CsvRow& row, std::uint64_t row_index, std::string id, sdk::RecordBatch& out);
  void release_held(sdk::RecordBatch& out);
  void reject(sdk::Rejection rejection, sdk::RecordBatch& out);

  const StreamMapping& mapping_;
  const HeaderBinding& binding_;
  std::string file_name_;

  std::optional<sdk::RawRecord> held_;
  std::vector<std::string> held_rows_;  // each row of the held order as JSON
  std::vector<sdk::Rejection> held_rejections_;
  std::uint64_t held_from_ = 0;
  OrderStartIndex order_starts_;
};

}  // namespace crmsync::csv_drop
