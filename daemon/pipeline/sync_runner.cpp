#include "daemon/pipeline/sync_runner.hpp"

#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

#include "daemon/pipeline/store_batch_sink.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::pipeline {

SyncRunner::SyncRunner(store::Database& database, const std::atomic<bool>& stop_requested,
                       identity::IdentitySettings identity)
    : database_(database),
      writer_(database, std::move(identity)),
      checkpoints_(database),
      stop_requested_(stop_requested) {}

SyncReport SyncRunner::run(ConnectorInstance& instance) {
  SyncReport report;
  report.instance = instance.name();
  // A failed commit may have been the server going away: start this run on a
  // live connection, or report that the database is still unreachable.
  try {
    if (database_.reconnect_if_lost())
      spdlog::warn("database connection was lost; reconnected to {}", database_.display_url());
  } catch (const std::exception& e) {
    report.error = e.what();
    spdlog::error("instance={}: {}", instance.name(), report.error);
    return report;
  }
  auto streams = instance.streams();
  if (!streams) {
    report.error = streams.error();
    spdlog::error("instance={}: {}", instance.name(), report.error);
    return report;
  }
  for (const auto& stream : streams.value()) {
    if (stop_requested_.load() || instance.cancelled()) {
      report.interrupted = true;
      break;
    }
    report.streams.push_back(run_stream(instance, stream));
  }
  if (stop_requested_.load() || instance.cancelled()) report.interrupted = true;
  return report;
}

StreamReport SyncRunner::run_stream(ConnectorInstance& instance, const sdk::StreamInfo& stream) {
  StreamReport report;
  report.stream = stream.name;
  std::string cursor;
  try {
    cursor = checkpoints_.load(instance.name(), stream.name);
  } catch (const std::exception& e) {
    report.ok = false;
    report.error = std::string("cannot read checkpoint: ") + e.what();
    spdlog::error("instance={} stream={}: {}", instance.name(), stream.name, report.error);
    return report;
  }

  StoreBatchSink sink(writer_, instance.normalizer(), instance.name(), stream.name,
                      [this, &instance] { return stop_requested_.load() || instance.cancelled(); });
  sdk::Status status = sdk::Status::failure("not run");
  try {
    status = instance.source().read(stream.name, cursor, sink);
  } catch (const std::exception& e) {
    status = sdk::Status::failure(std::string("read() threw: ") + e.what());
  } catch (...) {
    status = sdk::Status::failure("read() threw a non-standard exception");
  }
  // What was emitted is committed even when read() failed afterwards.
  sink.flush();

  report.totals = sink.totals();
  report.batches = sink.batches();
  if (sink.failure()) {
    report.ok = false;
    report.error = *sink.failure();
  } else if (status.code() == sdk::Status::Code::retry) {
    report.ok = false;
    report.error = status.reason();
    report.retry_after = status.delay();
    spdlog::warn("instance={} stream={}: will retry in {} ms: {}", instance.name(), stream.name,
                 status.delay().count(), status.reason());
  } else if (status.code() == sdk::Status::Code::failed) {
    report.ok = false;
    report.error = status.reason();
    spdlog::error("instance={} stream={}: read failed: {}", instance.name(), stream.name, status.reason());
  }
  return report;
}

}  // namespace crmsync::pipeline
