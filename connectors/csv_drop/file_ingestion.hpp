#pragma once

#include <cstdint>
#include <string>

#include "crmsync/sdk/connector.hpp"

#include "csv_drop_settings.hpp"
#include "inbox_scanner.hpp"
#include "stream_mapping.hpp"
#include "text_encoding.hpp"

namespace crmsync::csv_drop {

struct IngestionResult {
  enum class Outcome {
    completed,  // every batch, the last with "<sha256>:done", was committed
    stopped,    // the sink said stop; the host resumes from its last cursor
    failed,     // the file could not be read although its precheck passed
  };
  Outcome outcome = Outcome::completed;
  std::string error;
  std::uint64_t records = 0;
  std::uint64_t rejections = 0;
};

// Reads one file of a stream into batches of `batch_size` records (rejected
// rows count too), each carrying the cursor "<sha256>:<data rows done>".
class FileIngestion {
 public:
  FileIngestion(const CsvDropSettings& settings, const StreamMapping& mapping);

  // Skips the first `skip_rows` data rows (already committed by an earlier
  // read), then emits the rest.
  IngestionResult run(const InboxFile& file, const std::string& sha256, TextEncoding encoding,
                      std::uint64_t skip_rows, sdk::BatchSink& sink) const;

 private:
  const CsvDropSettings& settings_;
  const StreamMapping& mapping_;
};

}  // namespace crmsync::csv_drop
