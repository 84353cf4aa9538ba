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
  SyncRunner(store::Database& database, const std::atomic<bool>& stop_requested,
             identity::IdentitySettings identity = {});
  SyncReport run(ConnectorInstance& instance);
  // Runs inside every batch's transaction (the journey's planners); not owned.
  void add_observer(store::BatchObserver* observer) { writer_.add_observer(observer); }

 private:
  StreamReport run_stream(ConnectorInstance& instance, const sdk::StreamInfo& stream);

  store::Database& database_;
  store::BatchWriter writer_;
  store::CheckpointStore checkpoints_;
  const std::atomic<bool>& stop_requested_;
};

}  // namespace crmsync::pipeline
