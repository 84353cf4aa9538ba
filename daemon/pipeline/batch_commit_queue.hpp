#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "daemon/store/batch_writer.hpp"

namespace crmsync::pipeline {

// Commits prepared batches on a thread of its own, in the order they were
// submitted, so that the connector reads, parses and normalises the next batch
// while the previous one is resolved and written. At most `capacity` batches
// wait besides the one being written; submit() blocks while they do, so a fast
// source is slowed to the database's pace instead of filling memory.
//
// After a failed commit nothing more is written: the batches still waiting
// are dropped, and so is anything submitted later. Their cursors were never
// stored, so the next read fetches them again.
class BatchCommitQueue {
 public:
  static constexpr std::size_t kDefaultCapacity = 1;

  BatchCommitQueue(store::BatchWriter& writer, std::string instance, std::string stream,
                   std::size_t capacity = kDefaultCapacity);
  // Waits for what was submitted to be committed (or dropped after a failure).
  ~BatchCommitQueue();
  BatchCommitQueue(const BatchCommitQueue&) = delete;
  BatchCommitQueue& operator=(const BatchCommitQueue&) = delete;

  // Queues a batch for commit, waiting while the queue is full. False when an
  // earlier batch failed: this one is dropped.
  bool submit(store::BatchWrite batch);
  // Returns once every submitted batch is committed; false when one failed.
  bool drain();

  // What the committed batches did. Read them after drain().
  [[nodiscard]] store::BatchOutcome totals() const;
  [[nodiscard]] std::size_t batches() const;
  // Set when a commit failed: that batch was rolled back and nothing after it written.
  [[nodiscard]] std::optional<std::string> failure() const;

 private:
  void commit_loop();
  void commit(const store::BatchWrite& batch);

  store::BatchWriter& writer_;
  const std::string instance_;
  const std::string stream_;
  const std::size_t capacity_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<store::BatchWrite> waiting_;
  bool writing_ = false;  // the commit thread holds a batch taken off `waiting_`
  bool closing_ = false;
  store::BatchOutcome totals_;
  std::size_t batches_ = 0;
  std::optional<std::string> failure_;
  std::thread thread_;  // started by the first submit(): an empty read costs no thread
};

}  // namespace crmsync::pipeline
