// The conformance suite: properties every source connector must have, checked
// against the connector's mock server through the daemon's own plugin host,
// HTTP service and pipeline. One parameter per descriptor (see README.md).
#include <chrono>
#include <cstdlib>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "collecting_sink.hpp"
#include "conformance_descriptor.hpp"
#include "conformance_harness.hpp"

namespace crmsync::conformance {
namespace {

using namespace std::chrono_literals;

std::filesystem::path scratch_directory() {
  return std::filesystem::path(CRMSYNC_BINARY_DIR) / "test-scratch" / "conformance";
}

// Descriptor files to run: $CRMSYNC_CONFORMANCE_DESCRIPTORS (':'-separated),
// else every tests/conformance/connectors/*.yaml.
std::vector<std::string> descriptor_files() {
  std::vector<std::string> files;
  if (const char* listed = std::getenv("CRMSYNC_CONFORMANCE_DESCRIPTORS");
      listed != nullptr && *listed != '\0') {
    std::stringstream stream(listed);
    for (std::string file; std::getline(stream, file, ':');) {
      if (!file.empty()) files.push_back(file);
    }
    return files;
  }
  const auto directory = std::filesystem::path(CRMSYNC_SOURCE_DIR) / "tests/conformance/connectors";
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = std::filesystem::path(info.param).stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

template <typename Ids>
std::string some_of(const Ids& ids, std::size_t limit = 8) {
  std::string text;
  std::size_t shown = 0;
  for (const auto& id : ids) {
    if (shown++ == limit) return text + ", ... (" + std::to_string(ids.size()) + " in all)";
    text += (text.empty() ? "" : ", ") + id;
  }
  return text.empty() ? "(none)" : text;
}

std::set<std::string> ids_of(const ExpectedStream& expected, bool include_deleted) {
  std::set<std::string> ids;
  for (const auto& [id, record] : expected) {
    if (include_deleted || !record.deleted) ids.insert(id);
  }
  return ids;
}

template <typename Container>
std::set<std::string> missing_from(const std::set<std::string>& wanted, const Container& got) {
  std::set<std::string> missing;
  for (const auto& id : wanted) {
    if (std::find(got.begin(), got.end(), id) == got.end()) missing.insert(id);
  }
  return missing;
}

std::set<std::string> keys_of(const std::map<std::string, std::string>& records) {
  std::set<std::string> keys;
  for (const auto& [id, payload] : records) keys.insert(id);
  return keys;
}

class ConformanceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    descriptor_ = ConformanceDescriptor::load(GetParam());
    harness_ = std::make_unique<ConformanceHarness>(descriptor_, scratch_directory());
  }
  void TearDown() override { harness_.reset(); }

  // A complete read of `stream` from `cursor`; the test fails if it does not succeed.
  CollectingSink read_all(const std::string& stream, const std::string& cursor = "",
                          std::function<void(std::size_t)> after_batch = {}) {
    CollectingSink sink(std::move(after_batch));
    const sdk::Status status = harness_->read(stream, cursor, sink);
    EXPECT_TRUE(status.ok()) << "stream " << stream << ", read from cursor '" << cursor
                             << "' did not succeed: " << status.reason();
    return sink;
  }

  void post_fault(const std::string& kind, int count) {
    harness_->mock().post("/__mock/fault", {{"kind", kind}, {"count", count}});
  }

  ConformanceDescriptor descriptor_;
  std::unique_ptr<ConformanceHarness> harness_;
};

TEST_P(ConformanceTest, TwoFullReadsGiveTheSameRecords) {
  for (const auto& stream : descriptor_.streams) {
    const auto expected = harness_->expected(stream);
    const auto wanted = ids_of(expected, false);
    // Deleted records may or may not come with a full read, but nothing else may.
    const auto known = ids_of(expected, true);
    ASSERT_FALSE(wanted.empty()) << "the mock expects no records in stream " << stream << ": seed some";
    const auto first = read_all(stream).records();
    const auto second = read_all(stream).records();
    EXPECT_EQ(keys_of(first), keys_of(second)) << "stream " << stream;
    for (const auto& [id, payload] : first) {
      const auto again = second.find(id);
      if (again != second.end()) {
        EXPECT_EQ(payload, again->second) << "stream " << stream << ", record " << id;
      }
    }
    const auto got = keys_of(first);
    EXPECT_TRUE(missing_from(wanted, got).empty())
        << "stream " << stream
        << ": a full read missed records the source holds: " << some_of(missing_from(wanted, got));
    EXPECT_TRUE(missing_from(got, known).empty())
        << "stream " << stream
        << ": a full read returned records the source does not hold: " << some_of(missing_from(got, known));
  }
}

TEST_P(ConformanceTest, IncrementalReadReturnsOnlyChanges) {
  std::map<std::string, std::string> last_cursor;
  std::map<std::string, ExpectedStream> before;
  for (const auto& stream : descriptor_.streams) {
    const auto full = read_all(stream);
    ASSERT_FALSE(full.batches().empty()) << "stream " << stream << ": a full read emitted nothing";
    last_cursor[stream] = full.batches().back().cursor;
    before[stream] = harness_->expected(stream);
  }
  harness_->mock().post("/__mock/mutate", {{"created", descriptor_.mutate_created},
                                           {"updated", descriptor_.mutate_updated},
                                           {"deleted", descriptor_.mutate_deleted}});
  for (const auto& stream : descriptor_.streams) {
    const auto after = harness_->expected(stream);
    std::set<std::string> changed;
    for (const auto& [id, record] : after) {
      const auto old = before[stream].find(id);
      const bool is_new = old == before[stream].end();
      if (record.deleted && !descriptor_.reports_deletes) continue;
      if (is_new && record.deleted) continue;
      if (is_new || old->second.updated_at != record.updated_at || old->second.deleted != record.deleted) {
        changed.insert(id);
      }
    }
    const auto incremental = read_all(stream, last_cursor[stream]);
    std::vector<std::string> returned;
    for (const auto& batch : incremental.batches()) {
      for (const auto& record : batch.records) {
        returned.push_back(record.external_id);
        const auto expected = after.find(record.external_id);
        if (expected != after.end() && descriptor_.reports_deletes) {
          EXPECT_EQ(record.deleted, expected->second.deleted)
              << "stream " << stream << ", record " << record.external_id << ": deleted flag";
        }
      }
    }
    EXPECT_TRUE(missing_from(changed, returned).empty())
        << "stream " << stream << ": the incremental read after cursor '" << last_cursor[stream]
        << "' missed changes: " << some_of(missing_from(changed, returned));
    std::set<std::string> unchanged_returned;
    for (const auto& id : returned) {
      if (!changed.contains(id)) unchanged_returned.insert(id);
    }
    EXPECT_LE(unchanged_returned.size(), static_cast<std::size_t>(descriptor_.incremental_overlap))
        << "stream " << stream
        << ": the incremental read repeated unchanged records: " << some_of(unchanged_returned);
  }
}

TEST_P(ConformanceTest, ResumingFromEveryCheckpointLosesNothing) {
  std::size_t intermediate_checkpoints = 0;
  for (const auto& stream : descriptor_.streams) {
    const auto wanted = ids_of(harness_->expected(stream), false);
    const auto full = read_all(stream);
    intermediate_checkpoints += full.batches().empty() ? 0 : full.batches().size() - 1;
    for (std::size_t committed = 1; committed <= full.batches().size(); ++committed) {
      const std::string cursor = full.batches()[committed - 1].cursor;
      auto seen = full.ids_up_to(committed);
      const auto resumed = read_all(stream, cursor);
      for (const auto& [id, payload] : resumed.records()) seen.push_back(id);
      EXPECT_TRUE(missing_from(wanted, seen).empty())
          << "stream " << stream << ": after a crash with " << committed << " of " << full.batches().size()
          << " batches committed (cursor '" << cursor << "'), resuming never delivers "
          << some_of(missing_from(wanted, seen));
    }
  }
  EXPECT_GT(intermediate_checkpoints, 0u)
      << "every stream fit in one batch, so no intermediate checkpoint was tried: use a smaller page size";
}

TEST_P(ConformanceTest, ACursorInTheFarFutureYieldsNothing) {
  for (const auto& stream : descriptor_.streams) {
    const auto sink = read_all(stream, descriptor_.far_future_cursors.at(stream));
    EXPECT_TRUE(sink.records().empty())
        << "stream " << stream << ": records after a far-future cursor: " << some_of(keys_of(sink.records()));
  }
}

TEST_P(ConformanceTest, SurvivesTokenExpiryMidSync) {
  for (const auto& fault : descriptor_.token_faults) {
    harness_->mock().post("/__mock/reset", nlohmann::json::object());
    for (const auto& stream : descriptor_.streams) {
      const auto wanted = ids_of(harness_->expected(stream), false);
      const auto before = harness_->mock().get("/__mock/stats");
      const auto sink = read_all(stream, "", [&](std::size_t batch) {
        if (batch == 1) post_fault(fault, 1);
      });
      const auto got = keys_of(sink.records());
      EXPECT_TRUE(missing_from(wanted, got).empty())
          << "fault " << fault << ", stream " << stream << ": missing " << some_of(missing_from(wanted, got));
      const auto after = harness_->mock().get("/__mock/stats");
      if (sink.batches().size() >= 2) {
        EXPECT_GE(after["faults_served"].get<int>() - before["faults_served"].get<int>(), 1)
            << "fault " << fault << ", stream " << stream << ": the fault was never served";
        EXPECT_GE(after["token_requests"].get<int>() - before["token_requests"].get<int>(), 1)
            << "fault " << fault << ", stream " << stream << ": no new token was fetched after the expiry";
      }
    }
  }
}

TEST_P(ConformanceTest, ARateLimitStormSlowsTheConnectorWithoutFailingIt) {
  for (const auto& stream : descriptor_.streams) {
    harness_->mock().post("/__mock/reset", nlohmann::json::object());
    const auto wanted = ids_of(harness_->expected(stream), false);
    // Spread over the read so that no single request meets more faults than the host retries.
    post_fault("rate_limit", 2);
    const auto started = std::chrono::steady_clock::now();
    const auto sink = read_all(stream, "", [&](std::size_t batch) {
      if (batch == 1) post_fault("rate_limit_no_retry_after", 2);
      if (batch == 2) post_fault("server_error", 2);
    });
    const auto elapsed = std::chrono::steady_clock::now() - started;
    const auto got = keys_of(sink.records());
    EXPECT_TRUE(missing_from(wanted, got).empty())
        << "stream " << stream << ": missing " << some_of(missing_from(wanted, got));
    EXPECT_GE(elapsed, 1900ms) << "stream " << stream << ": two 429s with Retry-After: 1 were not waited out";
    const auto stats = harness_->mock().get("/__mock/stats");
    if (descriptor_.max_requests_per_second > 0) {
      EXPECT_LE(stats["max_requests_per_second"].get<double>(), descriptor_.max_requests_per_second)
          << "stream " << stream << ": the connector ran faster than the vendor allows";
    }
  }
}

TEST_P(ConformanceTest, AMalformedRecordGoesToDeadLetterAndTheRestLand) {
  harness_->mock().post("/__mock/malformed", {{"count", 2}});
  const pipeline::SyncReport report = harness_->sync_once();
  for (const auto& stream_report : report.streams) {
    EXPECT_TRUE(stream_report.ok) << "stream " << stream_report.stream << ": " << stream_report.error;
  }
  EXPECT_GE(harness_->dead_letters(), 2u)
      << "malformed records did not reach dead_letter: " << report.summary();
  for (const auto& stream : descriptor_.streams) {
    const auto wanted = ids_of(harness_->expected(stream), true);
    std::size_t rows = 0;
    const auto landed = harness_->landed(stream, rows);
    std::vector<std::string> landed_ids;
    for (const auto& [id, deleted] : landed) landed_ids.push_back(id);
    EXPECT_TRUE(missing_from(wanted, landed_ids).empty())
        << "stream " << stream
        << ": records that did not land: " << some_of(missing_from(wanted, landed_ids));
  }
}

TEST_P(ConformanceTest, ACrashMidSyncAndARestartStoreEveryRecordExactlyOnce) {
  // Slow every API answer so that the kill lands between two commits.
  harness_->mock().post("/__mock/latency", {{"seconds", 0.15}});
  const pid_t daemon = harness_->start_daemon_once();
  const auto give_up = std::chrono::steady_clock::now() + 60s;
  bool still_running = true;
  while (harness_->checkpoints() == 0 && std::chrono::steady_clock::now() < give_up) {
    int status = 0;
    if (::waitpid(daemon, &status, WNOHANG) == daemon) {
      still_running = false;
      break;
    }
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_TRUE(still_running) << "crmsyncd ended before its first commit; see its log beside "
                             << harness_->config_file();
  ::kill(daemon, SIGKILL);
  EXPECT_EQ(ConformanceHarness::wait_for(daemon), 128 + SIGKILL);
  ASSERT_GE(harness_->checkpoints(), 1u);

  std::size_t total_expected = 0;
  std::size_t landed_before_restart = 0;
  for (const auto& stream : descriptor_.streams) {
    std::size_t rows = 0;
    (void)harness_->landed(stream, rows);
    landed_before_restart += rows;
    total_expected += harness_->expected(stream).size();
  }
  EXPECT_LT(landed_before_restart, total_expected)
      << "everything had landed before the kill: the sync needs more pages for this test to mean anything";

  harness_->mock().post("/__mock/latency", {{"seconds", 0}});
  const int exit_code = ConformanceHarness::wait_for(harness_->start_daemon_once());
  ASSERT_EQ(exit_code, 0) << "the restarted crmsyncd once failed; see its log beside "
                          << harness_->config_file();
  for (const auto& stream : descriptor_.streams) {
    const auto expected = harness_->expected(stream);
    std::size_t rows = 0;
    const auto landed = harness_->landed(stream, rows);
    EXPECT_EQ(rows, expected.size()) << "stream " << stream
                                     << ": rows in source_record vs records in the source";
    for (const auto& [id, record] : expected) {
      const auto found = landed.find(id);
      if (found == landed.end()) {
        ADD_FAILURE() << "stream " << stream << ", record " << id << " never landed";
      } else if (descriptor_.reports_deletes) {
        EXPECT_EQ(found->second, record.deleted)
            << "stream " << stream << ", record " << id << ": deleted flag";
      }
    }
  }
}

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ConformanceTest);
INSTANTIATE_TEST_SUITE_P(Connectors, ConformanceTest, ::testing::ValuesIn(descriptor_files()), test_name);

}  // namespace
}  // namespace crmsync::conformance
