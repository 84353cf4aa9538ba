#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "crmsync/sdk/connector.hpp"

#include "daemon/model/record_normalizer.hpp"
#include "daemon/pipeline/batch_commit_queue.hpp"
#include "daemon/store/batch_writer.hpp"

namespace crmsync::pipeline {

// Where a connector's batches go: each record is normalised (or dead-lettered
// with the reason) on the connector's thread, then the batch and its cursor
// are committed in one transaction by a BatchCommitQueue, while the connector
// reads on. The owner calls flush() once read() has returned, before it reads
// the totals or touches the database.
class StoreBatchSink final : public sdk::BatchSink {
 public:
  StoreBatchSink(store::BatchWriter& writer, const model::RecordNormalizer& normalizer, std::string instance,
                 std::string stream, std::function<bool()> should_stop,
                 std::size_t queued_batches = BatchCommitQueue::kDefaultCapacity);

  bool emit(sdk::RecordBatch batch) override;
  bool flush() override;

  [[nodiscard]] store::BatchOutcome totals() const { return commits_.totals(); }
  [[nodiscard]] std::size_t batches() const { return commits_.batches(); }
  // Set when a batch could not be prepared or committed: it was rolled back
  // and the read stopped.
  [[nodiscard]] std::optional<std::string> failure() const;

 private:
  store::BatchWrite prepare(sdk::RecordBatch&& batch) const;

  const model::RecordNormalizer& normalizer_;
  std::string instance_;
  std::string stream_;
  std::function<bool()> should_stop_;
  std::optional<std::string> prepare_failure_;
  BatchCommitQueue commits_;
};

}  // namespace crmsync::pipeline
