#include "daemon/store/planner_statistics.hpp"

#include <algorithm>
#include <exception>
#include <memory>

#include <soci/soci.h>
#include <spdlog/spdlog.h>

namespace crmsync::store {

PlannerStatistics::~PlannerStatistics() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void PlannerStatistics::after_commit(std::size_t records_written) {
  if (database_.dialect() != Dialect::postgresql || records_written == 0) return;
  written_ += records_written;
  const std::size_t since = written_ - written_at_last_;
  if (since < std::max(first_analyze_at_, written_at_last_)) return;
  written_at_last_ = written_;
  std::lock_guard lock(mutex_);
  if (given_up_) return;
  // Asked for again while one runs (the store doubled meanwhile): it runs once more after it.
  due_ = true;
  due_at_ = written_;
  if (!worker_.joinable()) worker_ = std::thread([this] { analyze_loop(); });
  changed_.notify_all();
}

void PlannerStatistics::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !due_ && !running_; });
}

void PlannerStatistics::analyze_loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return due_ || closing_; });
    // One asked for still runs when closing: the next sync's first batches
    // are planned on these statistics.
    if (!due_) break;
    due_ = false;
    running_ = true;
    const std::size_t written = due_at_;
    lock.unlock();
    const bool analyzed = analyze_once(written);
    lock.lock();
    running_ = false;
    if (!analyzed) {
      given_up_ = true;
      due_ = false;
    }
    changed_.notify_all();
  }
}

bool PlannerStatistics::analyze_once(std::size_t written) {
  // The tables a batch looks keys up in or deletes from by key (a re-sent
  // record's value keys, an updated order's lines); ANALYZE samples a fixed number of rows, so each run
  // costs about the same however large the store.
  // The batches are committed whatever happens here: a failure is reported, not thrown.
  try {
    const auto own = database_.open_another();
    own->session() << "ANALYZE source_record, source_customer, identity_key, identity_key_count, "
                      "identity_value_keys, customer_link, customer, sales_order, order_line, feedback";
    spdlog::debug("database: planner statistics refreshed after {} records written", written);
    return true;
  } catch (const std::exception& e) {
    spdlog::warn("database: ANALYZE failed, lookups may be slow until autovacuum analyzes the tables: {}",
                 e.what());
    return false;
  }
}

}  // namespace crmsync::store
