#include "csv_drop_source.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "file_ingestion.hpp"
#include "file_precheck.hpp"
#include "quarantine.hpp"
#include "unique_move.hpp"

namespace crmsync::csv_drop {
namespace {

class SilentLogger final : public sdk::Logger {
 public:
  void log(sdk::LogLevel /*level*/, const std::string& /*message*/) override {}
};

class SystemClock final : public sdk::Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
};

std::string file_label(const StreamMapping& mapping, const std::string& file_name) {
  return "stream '" + mapping.name() + "', file '" + file_name + "'";
}

}  // namespace

CsvDropSource::CsvDropSource(CsvDropSettings settings, sdk::HostServices host)
    : settings_(std::move(settings)), logger_(host.logger), clock_(host.clock) {
  if (logger_ == nullptr) {
    fallback_logger_ = std::make_unique<SilentLogger>();
    logger_ = fallback_logger_.get();
  }
  if (clock_ == nullptr) {
    fallback_clock_ = std::make_unique<SystemClock>();
    clock_ = fallback_clock_.get();
  }
}

CsvDropSource::~CsvDropSource() = default;

std::vector<sdk::StreamInfo> CsvDropSource::streams() const {
  std::vector<sdk::StreamInfo> infos;
  infos.reserve(settings_.streams.size());
  for (const auto& mapping : settings_.streams) infos.push_back({mapping.name(), mapping.entity()});
  return infos;
}

sdk::Status CsvDropSource::read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) {
  try {
    const StreamMapping* mapping = settings_.find_stream(stream);
    if (mapping == nullptr) return sdk::Status::failure("csv_drop has no stream '" + stream + "'");
    return read_stream(*mapping, cursor, sink);
  } catch (const std::exception& e) {
    return sdk::Status::failure("csv_drop stream '" + stream + "': " + e.what());
  } catch (...) {
    return sdk::Status::failure("csv_drop stream '" + stream + "': unknown error");
  }
}

sdk::Status CsvDropSource::prepare_directories() const {
  std::error_code ec;
  const auto inbox = std::filesystem::status(settings_.directory, ec);
  if (!std::filesystem::exists(inbox)) {
    return sdk::Status::failure("inbox directory " + settings_.directory.string() + " does not exist");
  }
  if (!std::filesystem::is_directory(inbox)) {
    return sdk::Status::failure("inbox " + settings_.directory.string() + " is not a directory");
  }
  // In keep mode the inbox may be read-only: nothing is created in it.
  std::vector<std::filesystem::path> needed{settings_.ledger_file.parent_path()};
  if (settings_.after_ingest == AfterIngest::move) {
    needed.push_back(settings_.done_directory);
    needed.push_back(settings_.quarantine_directory);
  }
  for (const auto& directory : needed) {
    std::filesystem::create_directories(directory, ec);
    if (ec) return sdk::Status::failure("cannot create " + directory.string() + ": " + ec.message());
  }
  return sdk::Status::success();
}

sdk::Status CsvDropSource::read_stream(const StreamMapping& mapping, const std::string& cursor_text,
                                       sdk::BatchSink& sink) {
  if (auto status = prepare_directories(); !status.ok()) return status;
  IngestLedger ledger(settings_.ledger_file);
  std::string error;
  if (!ledger.load(error)) return sdk::Status::failure(error);

  std::optional<CsvCursor> cursor;
  if (!cursor_text.empty()) {
    cursor = CsvCursor::parse(cursor_text);
    if (!cursor) {
      logger_->warning("stream '" + mapping.name() + "': ignoring cursor '" + cursor_text +
                       "', which is not a csv_drop cursor; files are read from their start");
    }
  }

  std::error_code ec;
  const auto files = InboxScanner(settings_.directory).list(mapping.pattern(), ec);
  if (ec) return sdk::Status::failure("cannot list " + settings_.directory.string() + ": " + ec.message());
  auto candidates = settled_files(mapping, files);
  // The file the cursor stops inside goes first, so its committed rows are
  // not read again even if an older file arrived since.
  if (cursor) {
    std::stable_partition(candidates.begin(), candidates.end(),
                          [&](const Candidate& c) { return c.fingerprint.sha256 == cursor->sha256; });
  }

  for (const auto& candidate : candidates) {
    sdk::Status status = sdk::Status::success();
    if (handle_file(mapping, candidate, cursor, ledger, sink, status) == FileStep::stop) return status;
  }
  return sdk::Status::success();
}

std::vector<CsvDropSource::Candidate> CsvDropSource::settled_files(
    const StreamMapping& mapping, const std::vector<InboxFile>& files) const {
  std::vector<Candidate> candidates;
  const auto now = clock_->now();
  for (const auto& file : files) {
    if (now - file.modified < settings_.settle_time) {
      logger_->debug(file_label(mapping, file.name) + ": modified within the last " +
                     std::to_string(settings_.settle_time.count()) +
                     "s, still being written; left for the next run");
      continue;
    }
    std::string error;
    auto fingerprint = FileFingerprint::compute(file.path, error);
    if (!fingerprint) {
      logger_->error(file_label(mapping, file.name) + ": cannot read it: " + error +
                     "; left for the next run");
      continue;
    }
    // Still growing while we hashed it: an upload that paused for a moment.
    InboxFile after = file;
    if (!InboxScanner::refresh(after) || after.size != file.size || after.modified != file.modified ||
        fingerprint->size != file.size) {
      logger_->debug(file_label(mapping, file.name) + ": changed while being read; left for the next run");
      continue;
    }
    candidates.push_back({file, std::move(*fingerprint)});
  }
  return candidates;
}

CsvDropSource::FileStep CsvDropSource::handle_file(const StreamMapping& mapping, const Candidate& candidate,
                                                   const std::optional<CsvCursor>& cursor,
                                                   IngestLedger& ledger, sdk::BatchSink& sink,
                                                   sdk::Status& status) {
  const InboxFile& file = candidate.file;
  const std::string& sha256 = candidate.fingerprint.sha256;
  if (ledger.contains(sha256)) {
    if (settings_.after_ingest == AfterIngest::keep)
      return FileStep::next_file;  // seen before, left in place
    logger_->info(file_label(mapping, file.name) +
                  ": already ingested (same content as an earlier file, sha256 " + sha256.substr(0, 12) +
                  "); moving it to done without reading it");
    move_to_done(mapping, file);
    return FileStep::next_file;
  }
  const bool resumes = cursor && cursor->sha256 == sha256;
  if (resumes && cursor->done) {
    // The last batch committed but the run ended before the file was put away.
    logger_->info(file_label(mapping, file.name) +
                  ": its last batch was committed before the previous run ended; "
                  "finishing it");
    return finish_file(mapping, file, sha256, ledger, status) ? FileStep::next_file : FileStep::stop;
  }

  const TextEncoding encoding =
      choose_encoding(settings_.encoding, candidate.fingerprint.bom, candidate.fingerprint.valid_utf8);
  if (!resumes) {
    const auto check = FilePrecheck::run(file.path, file.name, encoding, settings_.delimiter, mapping);
    if (check.problem) {
      const std::string reason = *check.problem + " (read as " + to_string(encoding) + ")";
      if (settings_.after_ingest == AfterIngest::keep) {
        // Nothing may be moved: report it once and remember its content.
        logger_->error(file_label(mapping, file.name) + " cannot be read and is skipped: " + reason);
        std::string error;
        if (!ledger.append(sha256, error)) logger_->error(error);
        return FileStep::next_file;
      }
      quarantine(mapping, file, reason, check.detail);
      return FileStep::next_file;
    }
    logger_->info(file_label(mapping, file.name) + ": ingesting " + std::to_string(check.data_rows) +
                  " rows (" + to_string(encoding) + ", sha256 " + sha256.substr(0, 12) + ")");
  } else {
    logger_->info(file_label(mapping, file.name) + ": resuming after row " + std::to_string(cursor->rows));
  }

  const std::uint64_t skip = resumes ? cursor->rows : 0;
  const auto result = FileIngestion(settings_, mapping).run(file, sha256, encoding, skip, sink);
  switch (result.outcome) {
    case IngestionResult::Outcome::stopped:
      logger_->info(file_label(mapping, file.name) + ": stopping as the host asked; the next run resumes it");
      status = sdk::Status::success();
      return FileStep::stop;
    case IngestionResult::Outcome::failed:
      status = sdk::Status::failure(file_label(mapping, file.name) + " could not be read: " + result.error);
      return FileStep::stop;
    case IngestionResult::Outcome::completed:
      break;
  }
  logger_->info(file_label(mapping, file.name) + ": ingested " + std::to_string(result.records) +
                " records, " + std::to_string(result.rejections) + " rejected rows");
  return finish_file(mapping, file, sha256, ledger, status) ? FileStep::next_file : FileStep::stop;
}

bool CsvDropSource::finish_file(const StreamMapping& mapping, const InboxFile& file,
                                const std::string& sha256, IngestLedger& ledger, sdk::Status& status) {
  std::string error;
  if (!ledger.append(sha256, error)) {
    status = sdk::Status::failure(file_label(mapping, file.name) + " is ingested but " + error);
    return false;
  }
  move_to_done(mapping, file);
  return true;
}

void CsvDropSource::move_to_done(const StreamMapping& mapping, const InboxFile& file) {
  if (settings_.after_ingest == AfterIngest::keep) return;
  std::string error;
  // A failed move is not fatal: the ledger already knows the content, so the
  // next run moves it without reading it again.
  if (auto moved = move_without_overwrite(file.path, settings_.done_directory, error)) {
    if (moved->filename() != file.path.filename()) {
      logger_->info(file_label(mapping, file.name) + ": done/ already had that name; kept as " +
                    moved->filename().string());
    }
  } else {
    logger_->warning(file_label(mapping, file.name) + ": cannot move it to done: " + error);
  }
}

void CsvDropSource::quarantine(const StreamMapping& mapping, const InboxFile& file, const std::string& reason,
                               const std::string& detail) {
  std::string error;
  const std::string reason_text = detail.empty() ? reason : reason + "\n" + detail;
  if (auto moved = Quarantine(settings_.quarantine_directory).put(file.path, reason_text, error)) {
    logger_->error(file_label(mapping, file.name) + " cannot be read and was moved to " + moved->string() +
                   ": " + reason);
  } else {
    logger_->error(file_label(mapping, file.name) + " cannot be read (" + reason +
                   ") and could not be quarantined: " + error);
  }
}

}  // namespace crmsync::csv_drop
