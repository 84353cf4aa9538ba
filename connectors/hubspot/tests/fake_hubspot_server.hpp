#pragma once

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/connector.hpp"
#include "crmsync/sdk/http.hpp"

namespace crmsync::hubspot::testing {

// An in-process stand-in for HubSpot's search, single-object, batch-read and
// archived-list endpoints, with the rules the connector depends on: GTE is
// inclusive, results sort by the requested property then id, limit caps at
// 200, and no search returns past result 10,000 (HTTP 400). Associations only
// come with a single-object GET.
class FakeHubSpotServer final : public sdk::HttpClient {
 public:
  // `record` is {"id", "properties", "associations"?}.
  void add(const std::string& type, nlohmann::json record);
  void archive(const std::string& type, const std::string& id, const std::string& archived_at);
  void queue(sdk::HttpResult result) { queued_.push_back(std::move(result)); }

  sdk::HttpResult send(sdk::HttpRequest request) override;
  void invalidate_token() override {}

  std::vector<sdk::HttpRequest> requests;

 private:
  sdk::HttpResult search(const std::string& type, const nlohmann::json& body);
  sdk::HttpResult single(const std::string& type, const std::string& id);
  sdk::HttpResult batch_read(const std::string& type, const nlohmann::json& body);
  sdk::HttpResult archived(const std::string& type, const std::string& query);

  std::map<std::string, std::vector<nlohmann::json>> records_;
  std::map<std::string, std::set<std::string>> ids_;  // ids present, so add() rarely scans
  std::map<std::string, std::vector<nlohmann::json>> archive_;
  std::deque<sdk::HttpResult> queued_;
};

[[nodiscard]] sdk::HttpResult answer(long status, const std::string& body);

// Commits every batch it accepts; after `accept` batches it refuses.
class RecordingSink final : public sdk::BatchSink {
 public:
  explicit RecordingSink(std::size_t accept = static_cast<std::size_t>(-1)) : accept_(accept) {}
  bool emit(sdk::RecordBatch batch) override;
  bool flush() override { return true; }  // every batch is kept as emit() takes it
  [[nodiscard]] std::vector<sdk::RawRecord> records() const;
  [[nodiscard]] std::string last_cursor() const {
    return batches.empty() ? std::string() : batches.back().cursor;
  }

  std::vector<sdk::RecordBatch> batches;

 private:
  std::size_t accept_;
};

}  // namespace crmsync::hubspot::testing
