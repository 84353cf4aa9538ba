// Batches handed to the commit thread are committed in order, each with its
// cursor; a fast producer waits instead of queueing without bound; after a
// failed commit nothing later is written, so the stored cursor never passes
// a batch that was lost.
#include "daemon/pipeline/batch_commit_queue.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "daemon/store/batch_observer.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/checkpoint_store.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"
#include "tests/integration/store/test_records.hpp"

namespace crmsync::pipeline {
namespace {

using namespace std::chrono_literals;
using store::testing::Backend;
using store::testing::BackendName;
using store::testing::customer_record;
using store::testing::DatabaseProbe;

// Notes each committed batch's cursor; can hold the commit thread inside the
// first batch's transaction until released.
class CommitRecorder final : public store::BatchObserver {
 public:
  void on_batch_stored(store::Database&, const store::BatchWrite& batch,
                       const std::vector<store::StoredRecord>&, const std::string&) override {
    std::unique_lock lock(mutex_);
    cursors_.push_back(batch.cursor);
    changed_.notify_all();
    changed_.wait(lock, [this] { return !holding_; });
  }

  void hold() {
    std::lock_guard lock(mutex_);
    holding_ = true;
  }
  void release() {
    {
      std::lock_guard lock(mutex_);
      holding_ = false;
    }
    changed_.notify_all();
  }
  void wait_for_batches(std::size_t n) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return cursors_.size() >= n; });
  }
  std::vector<std::string> cursors() {
    std::lock_guard lock(mutex_);
    return cursors_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool holding_ = false;
  std::vector<std::string> cursors_;
};

class BatchCommitQueueTest : public store::testing::MigratedDatabaseTest {
 protected:
  void SetUp() override {
    MigratedDatabaseTest::SetUp();
    writer_ = std::make_unique<store::BatchWriter>(*database_);
    writer_->add_observer(&recorder_);
  }

  // Two new customers, numbered after the batch.
  static store::BatchWrite batch(int n) {
    auto write = store::testing::batch("partners", "customers", "c" + std::to_string(n));
    for (int i = 0; i < 2; ++i) {
      const std::string id = std::to_string(n) + "-" + std::to_string(i);
      write.records.push_back(customer_record(id, "Customer " + id, "c" + id + "@example.com"));
    }
    return write;
  }

  std::string stored_cursor() { return store::CheckpointStore(*database_).load("partners", "customers"); }

  std::unique_ptr<store::BatchWriter> writer_;
  CommitRecorder recorder_;
};

TEST_P(BatchCommitQueueTest, CommitsEveryBatchInTheOrderSubmitted) {
  BatchCommitQueue queue(*writer_, "partners", "customers");
  for (int n = 1; n <= 5; ++n) ASSERT_TRUE(queue.submit(batch(n)));
  ASSERT_TRUE(queue.drain());
  EXPECT_EQ(recorder_.cursors(), (std::vector<std::string>{"c1", "c2", "c3", "c4", "c5"}));
  EXPECT_EQ(stored_cursor(), "c5");
  EXPECT_EQ(queue.batches(), 5U);
  EXPECT_EQ(queue.totals().inserted, 10U);
  EXPECT_EQ(DatabaseProbe(*database_).count("source_record"), 10);
  EXPECT_FALSE(queue.failure());
}

TEST_P(BatchCommitQueueTest, AFastProducerWaitsWhileABatchIsWaiting) {
  BatchCommitQueue queue(*writer_, "partners", "customers", 1);
  recorder_.hold();
  std::atomic<int> submitted = 0;
  std::thread producer([&] {
    for (int n = 1; n <= 6; ++n) {
      if (!queue.submit(batch(n))) return;
      ++submitted;
    }
  });
  recorder_.wait_for_batches(1);  // batch 1 is being written and held there
  while (submitted.load() < 2) std::this_thread::yield();
  // Batch 2 waits in the queue; batch 3 must not be taken while it does.
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(submitted.load(), 2);
  recorder_.release();
  producer.join();
  ASSERT_TRUE(queue.drain());
  EXPECT_EQ(submitted.load(), 6);
  EXPECT_EQ(stored_cursor(), "c6");
}

TEST_P(BatchCommitQueueTest, AfterAFailedCommitNothingLaterIsWritten) {
  BatchCommitQueue queue(*writer_, "partners", "customers", 2);
  recorder_.hold();
  ASSERT_TRUE(queue.submit(batch(1)));
  recorder_.wait_for_batches(1);
  auto broken = batch(2);
  broken.cursor = "c2\xff";  // not UTF-8: the writer refuses the whole batch
  ASSERT_TRUE(queue.submit(std::move(broken)));
  ASSERT_TRUE(queue.submit(batch(3)));  // waits behind the broken one
  recorder_.release();

  EXPECT_FALSE(queue.drain());
  EXPECT_FALSE(queue.submit(batch(4)));
  ASSERT_TRUE(queue.failure());
  EXPECT_NE(queue.failure()->find("commit failed, batch rolled back"), std::string::npos) << *queue.failure();
  EXPECT_NE(queue.failure()->find("UTF-8"), std::string::npos) << *queue.failure();
  // The next read resumes after batch 1 and fetches 2, 3 and 4 again.
  EXPECT_EQ(stored_cursor(), "c1");
  EXPECT_EQ(recorder_.cursors(), std::vector<std::string>{"c1"});
  EXPECT_EQ(DatabaseProbe(*database_).count("source_record"), 2);
  EXPECT_EQ(queue.batches(), 1U);
}

TEST_P(BatchCommitQueueTest, LeavingScopeCommitsWhatWasSubmitted) {
  {
    BatchCommitQueue queue(*writer_, "partners", "customers", 3);
    for (int n = 1; n <= 3; ++n) ASSERT_TRUE(queue.submit(batch(n)));
  }
  EXPECT_EQ(stored_cursor(), "c3");
  EXPECT_EQ(DatabaseProbe(*database_).count("source_record"), 6);
}

TEST_P(BatchCommitQueueTest, DrainWithNothingSubmittedReturnsAtOnce) {
  BatchCommitQueue queue(*writer_, "partners", "customers");
  EXPECT_TRUE(queue.drain());
  EXPECT_EQ(queue.batches(), 0U);
  EXPECT_EQ(stored_cursor(), "");
}

INSTANTIATE_TEST_SUITE_P(Engines, BatchCommitQueueTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());

}  // namespace
}  // namespace crmsync::pipeline
