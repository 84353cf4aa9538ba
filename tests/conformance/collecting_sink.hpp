#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::conformance {

// A BatchSink that keeps what a connector emitted, in memory, so properties
// about reads (same records twice, resume from each cursor) can be compared.
class CollectingSink final : public sdk::BatchSink {
 public:
  // Called after each batch with its 1-based number; used to inject faults mid-read.
  explicit CollectingSink(std::function<void(std::size_t)> after_batch = {});

  bool emit(sdk::RecordBatch batch) override;
  bool flush() override { return true; }  // every batch is kept as emit() takes it

  [[nodiscard]] const std::vector<sdk::RecordBatch>& batches() const { return batches_; }
  [[nodiscard]] std::vector<std::string> cursors() const;
  // external_id -> payload of the last time each record was seen.
  [[nodiscard]] std::map<std::string, std::string> records() const;
  [[nodiscard]] std::vector<std::string> ids_up_to(std::size_t batch_count) const;
  [[nodiscard]] std::size_t rejection_count() const;

 private:
  std::function<void(std::size_t)> after_batch_;
  std::vector<sdk::RecordBatch> batches_;
};

}  // namespace crmsync::conformance
