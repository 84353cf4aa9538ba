#include "daemon/app/sync_schedule.hpp"

#include <gtest/gtest.h>

namespace crmsync::app {
namespace {

using namespace std::chrono_literals;
using Clock = SyncSchedule::Clock;

pipeline::SyncReport succeeded(const std::string& name) {
  return pipeline::SyncReport{name, {}, "", false};
}

pipeline::SyncReport failed(const std::string& name) {
  return pipeline::SyncReport{name, {}, "store down", false};
}

pipeline::SyncReport retry_after(const std::string& name, std::chrono::milliseconds delay) {
  pipeline::StreamReport stream;
  stream.ok = false;
  stream.retry_after = delay;
  return pipeline::SyncReport{name, {stream}, "", false};
}

TEST(SyncSchedule, EarliestDueInstanceComesFirst) {
  SyncSchedule schedule;
  const auto t0 = Clock::now();
  schedule.add("late", t0 + 10s);
  schedule.add("early", t0 + 1s);
  ASSERT_TRUE(schedule.next());
  EXPECT_EQ(schedule.next()->first, "early");
}

TEST(SyncSchedule, SuccessWaitsTheFullInterval) {
  SyncSchedule schedule;
  const auto t0 = Clock::now();
  schedule.add("a", t0);
  schedule.record("a", succeeded("a"), 300s, t0);
  EXPECT_EQ(schedule.next()->second, t0 + 300s);
}

TEST(SyncSchedule, FailuresBackOffExponentiallyUpToTheInterval) {
  SyncSchedule schedule;
  const auto t0 = Clock::now();
  schedule.add("a", t0);
  schedule.record("a", failed("a"), 60s, t0);
  EXPECT_EQ(schedule.next()->second, t0 + 5s);
  schedule.record("a", failed("a"), 60s, t0);
  EXPECT_EQ(schedule.next()->second, t0 + 10s);
  schedule.record("a", failed("a"), 60s, t0);
  schedule.record("a", failed("a"), 60s, t0);
  schedule.record("a", failed("a"), 60s, t0);
  EXPECT_EQ(schedule.next()->second, t0 + 60s) << "never more often than a healthy instance... nor less";
  schedule.record("a", succeeded("a"), 60s, t0);
  schedule.record("a", failed("a"), 60s, t0);
  EXPECT_EQ(schedule.next()->second, t0 + 5s) << "a success resets the back-off";
}

TEST(SyncSchedule, RetryAfterFromTheConnectorIsHonoured) {
  SyncSchedule schedule;
  const auto t0 = Clock::now();
  schedule.add("a", t0);
  schedule.record("a", retry_after("a", 42s), 300s, t0);
  EXPECT_EQ(schedule.next()->second, t0 + 42s);
}

TEST(SyncSchedule, RemovedInstanceIsNoLongerScheduled) {
  SyncSchedule schedule;
  schedule.add("a", Clock::now());
  schedule.remove("a");
  EXPECT_FALSE(schedule.next());
  schedule.record("a", succeeded("a"), 1s, Clock::now());
  EXPECT_FALSE(schedule.next()) << "a late report does not bring a removed instance back";
}

}  // namespace
}  // namespace crmsync::app
