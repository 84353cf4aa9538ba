#include "daemon/pipeline/batch_commit_queue.hpp"

#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

namespace crmsync::pipeline {

BatchCommitQueue::BatchCommitQueue(store::BatchWriter& writer, std::string instance, std::string stream,
                                   std::size_t capacity)
    : writer_(writer),
      instance_(std::move(instance)),
      stream_(std::move(stream)),
      capacity_(capacity == 0 ? 1 : capacity) {}

BatchCommitQueue::~BatchCommitQueue() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool BatchCommitQueue::submit(store::BatchWrite batch) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return failure_ || waiting_.size() < capacity_; });
  if (failure_) return false;
  waiting_.push_back(std::move(batch));
  if (!thread_.joinable()) thread_ = std::thread([this] { commit_loop(); });
  lock.unlock();
  changed_.notify_all();
  return true;
}

bool BatchCommitQueue::drain() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return waiting_.empty() && !writing_; });
  return !failure_;
}

store::BatchOutcome BatchCommitQueue::totals() const {
  std::lock_guard lock(mutex_);
  return totals_;
}

std::size_t BatchCommitQueue::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

std::optional<std::string> BatchCommitQueue::failure() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

void BatchCommitQueue::commit_loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return !waiting_.empty() || closing_; });
    if (waiting_.empty()) return;  // closing, and everything is written
    store::BatchWrite batch = std::move(waiting_.front());
    waiting_.pop_front();
    writing_ = true;
    lock.unlock();
    changed_.notify_all();  // a place in the queue is free
    commit(batch);
    lock.lock();
    writing_ = false;
    changed_.notify_all();
  }
}

void BatchCommitQueue::commit(const store::BatchWrite& batch) {
  std::string failure;
  try {
    const store::BatchOutcome outcome = writer_.write(batch);
    spdlog::debug(
        "instance={} stream={}: batch committed ({} new, {} updated, {} unchanged, {} dead letters)",
        instance_, stream_, outcome.inserted, outcome.updated, outcome.unchanged, outcome.dead_lettered);
    std::lock_guard lock(mutex_);
    totals_.inserted += outcome.inserted;
    totals_.updated += outcome.updated;
    totals_.unchanged += outcome.unchanged;
    totals_.dead_lettered += outcome.dead_lettered;
    ++batches_;
    return;
  } catch (const std::exception& e) {
    failure = std::string("commit failed, batch rolled back: ") + e.what();
  } catch (...) {
    failure = "commit failed, batch rolled back: unknown error";
  }
  spdlog::error("instance={} stream={}: {}", instance_, stream_, failure);
  std::lock_guard lock(mutex_);
  failure_ = std::move(failure);
  if (!waiting_.empty()) {
    spdlog::warn("instance={} stream={}: {} later batches dropped; the next read fetches them again",
                 instance_, stream_, waiting_.size());
    waiting_.clear();
  }
}

}  // namespace crmsync::pipeline
