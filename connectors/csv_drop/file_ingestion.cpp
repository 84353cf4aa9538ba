#include "file_ingestion.hpp"

#include <utility>

#include "bound_csv_file.hpp"
#include "csv_cursor.hpp"
#include "record_assembler.hpp"

namespace crmsync::csv_drop {

FileIngestion::FileIngestion(const CsvDropSettings& settings, const StreamMapping& mapping)
    : settings_(settings), mapping_(mapping) {}

IngestionResult FileIngestion::run(const InboxFile& file, const std::string& sha256, TextEncoding encoding,
                                   std::uint64_t skip_rows, sdk::BatchSink& sink) const {
  IngestionResult result;
  BoundCsvFile csv(file.path, encoding, settings_.delimiter);
  if (!csv.open(mapping_)) {
    result.outcome = IngestionResult::Outcome::failed;
    result.error = csv.error().describe(file.name);
    return result;
  }
  RecordAssembler assembler(mapping_, csv.binding(), file.name);
  sdk::RecordBatch batch;
  const auto emit = [&](std::string cursor) {
    result.records += batch.records.size();
    result.rejections += batch.rejections.size();
    batch.cursor = std::move(cursor);
    const bool go_on = sink.emit(std::move(batch));
    batch = sdk::RecordBatch{};
    return go_on;
  };

  CsvRow row;
  std::uint64_t row_index = 0;
  for (;;) {
    const auto next = csv.next(row);
    if (next == CsvReader::Result::end) break;
    if (next == CsvReader::Result::error) {
      result.outcome = IngestionResult::Outcome::failed;
      result.error = csv.error().describe(file.name);
      return result;
    }
    if (row_index < skip_rows) {
      assembler.skip_row(row);
      ++row_index;
      continue;
    }
    assembler.add_row(row, row_index, batch);
    ++row_index;
    if (batch.records.size() + batch.rejections.size() >= settings_.batch_size) {
      const std::uint64_t rows_done = assembler.held_from().value_or(row_index);
      if (!emit(CsvCursor{sha256, rows_done, false}.to_string())) {
        result.outcome = IngestionResult::Outcome::stopped;
        return result;
      }
    }
  }
  assembler.finish(batch);
  // The caller records the file as ingested and moves it away: only once every
  // batch of it is committed.
  if (!emit(CsvCursor{sha256, 0, true}.to_string()) || !sink.flush())
    result.outcome = IngestionResult::Outcome::stopped;
  return result;
}

}  // namespace crmsync::csv_drop
