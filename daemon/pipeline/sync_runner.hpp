#pragma once

#include <atomic>

#include "daemon/pipeline/connector_instance.hpp"
#include "daemon/pipeline/sync_report.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/checkpoint_store.hpp"

namespace crmsync::store {
class Database;
}

namespace crmsync::pipeline {

// Runs one sync pass of an instance: for each stream, read from the committed
// cursor and commit batch by batch. Stops after the batch in flight when the
// daemon stops or the instance is cancelled.
class SyncRunner {
 public:
  SyncRunner(store::Database& database, const std::atomic<bool>& stop_requested);
  SyncReport run(ConnectorInstance& instance);

 private:
  StreamReport run_stream(ConnectorInstance& instance, const sdk::StreamInfo& stream);

  store::Database& database_;
  store::BatchWriter writer_;
  store::CheckpointStore checkpoints_;
  const std::atomic<bool>& stop_requested_;
};

}  // namespace crmsync::pipeline
