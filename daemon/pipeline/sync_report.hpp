#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "daemon/store/batch_writer.hpp"

namespace crmsync::pipeline {

struct StreamReport {
  std::string stream;
  store::BatchOutcome totals;
  std::size_t batches = 0;
  bool ok = true;
  std::string error;  // why the stream's read failed, when !ok
  std::optional<std::chrono::milliseconds> retry_after;
};

// The outcome of one pass over every stream of one instance.
struct SyncReport {
  std::string instance;
  std::vector<StreamReport> streams;
  std::string error;         // a failure before any stream ran (streams() threw, ...)
  bool interrupted = false;  // stopped early by shutdown or reload

  [[nodiscard]] bool ok() const;
  // The longest delay a stream asked for, when one asked to be retried.
  [[nodiscard]] std::optional<std::chrono::milliseconds> retry_after() const;
  [[nodiscard]] store::BatchOutcome totals() const;
  // "partners: 312 new, 0 updated, 4 unchanged, 7 dead letters"
  [[nodiscard]] std::string summary() const;
};

}  // namespace crmsync::pipeline
