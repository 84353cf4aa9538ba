#pragma once

#include <memory>
#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

#include "csv_cursor.hpp"
#include "csv_drop_settings.hpp"
#include "file_fingerprint.hpp"
#include "inbox_scanner.hpp"
#include "ingest_ledger.hpp"

namespace crmsync::csv_drop {

// One configured csv_drop instance: reads a stream's files from the inbox,
// oldest first, and moves each to done/ once its last batch has committed,
// or to quarantine/ when it cannot be read at all.
class CsvDropSource final : public sdk::SourceConnector {
 public:
  CsvDropSource(CsvDropSettings settings, sdk::HostServices host);
  ~CsvDropSource() override;
  CsvDropSource(const CsvDropSource&) = delete;
  CsvDropSource& operator=(const CsvDropSource&) = delete;
  CsvDropSource(CsvDropSource&&) = delete;
  CsvDropSource& operator=(CsvDropSource&&) = delete;

  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override;
  sdk::Status read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) override;

 private:
  // A settled file and its fingerprint.
  struct Candidate {
    InboxFile file;
    FileFingerprint fingerprint;
  };
  enum class FileStep { next_file, stop };

  sdk::Status read_stream(const StreamMapping& mapping, const std::string& cursor, sdk::BatchSink& sink);
  sdk::Status prepare_directories() const;
  std::vector<Candidate> settled_files(const StreamMapping& mapping,
                                       const std::vector<InboxFile>& files) const;
  FileStep handle_file(const StreamMapping& mapping, const Candidate& candidate,
                       const std::optional<CsvCursor>& cursor, IngestLedger& ledger, sdk::BatchSink& sink,
                       sdk::Status& status);
  bool finish_file(const StreamMapping& mapping, const InboxFile& file, const std::string& sha256,
                   IngestLedger& ledger, sdk::Status& status);
  void move_to_done(const StreamMapping& mapping, const InboxFile& file);
  void quarantine(const StreamMapping& mapping, const InboxFile& file, const std::string& reason,
                  const std::string& detail);

  CsvDropSettings settings_;
  sdk::Logger* logger_;
  const sdk::Clock* clock_;
  std::unique_ptr<sdk::Logger> fallback_logger_;
  std::unique_ptr<sdk::Clock> fallback_clock_;
};

}  // namespace crmsync::csv_drop
