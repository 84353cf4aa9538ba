#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "crmsync/sdk/connector.hpp"

#include "daemon/model/record_normalizer.hpp"
#include "daemon/store/batch_writer.hpp"

namespace crmsync::pipeline {

// Where a connector's batches go: each record is normalised (or dead-lettered
// with the reason), then the batch and its cursor are committed in one
// transaction before emit() returns.
class StoreBatchSink final : public sdk::BatchSink {
 public:
  StoreBatchSink(store::BatchWriter& writer, const model::RecordNormalizer& normalizer, std::string instance,
                 std::string stream, std::function<bool()> should_stop);

  bool emit(sdk::RecordBatch batch) override;

  [[nodiscard]] const store::BatchOutcome& totals() const { return totals_; }
  [[nodiscard]] std::size_t batches() const { return batches_; }
  // Set when a commit failed: the batch was rolled back and the read stopped.
  [[nodiscard]] const std::optional<std::string>& failure() const { return failure_; }

 private:
  store::BatchWrite prepare(sdk::RecordBatch&& batch) const;

  store::BatchWriter& writer_;
  const model::RecordNormalizer& normalizer_;
  std::string instance_;
  std::string stream_;
  std::function<bool()> should_stop_;
  store::BatchOutcome totals_;
  std::size_t batches_ = 0;
  std::optional<std::string> failure_;
};

}  // namespace crmsync::pipeline
