#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/connector.hpp"
#include "crmsync/sdk/http.hpp"

namespace crmsync::zoho_crm::testing {

// An in-process stand-in for Zoho's list, single-record and recycle-bin
// endpoints, with the rules the connector depends on: If-Modified-Since is
// inclusive, lists sort by Modified_Time then id, per_page caps at 200, page
// numbers stop at record 2,000 (DISCRETE_PAGINATION_LIMIT_EXCEEDED) and page
// tokens take over, 304 when nothing changed. Line items only come singly.
class FakeZohoServer final : public sdk::HttpClient {
 public:
  void add(const std::string& module, nlohmann::json record);
  void remove(const std::string& module, const std::string& id, const std::string& deleted_time);
  // The next send() answers with this instead of serving.
  void queue(sdk::HttpResult result) { queued_.push_back(std::move(result)); }
  // The next request with a page token gets 400 EXPIRED_VALUE.
  void expire_next_page_token() { expire_next_token_ = true; }

  sdk::HttpResult send(sdk::HttpRequest request) override;
  void invalidate_token() override {}

  std::vector<sdk::HttpRequest> requests;

 private:
  sdk::HttpResult list(const std::string& module, const std::map<std::string, std::string>& query,
                       const sdk::HttpRequest& request);
  sdk::HttpResult single(const std::string& module, const std::string& id);
  sdk::HttpResult deleted(const std::string& module, const std::map<std::string, std::string>& query,
                          const sdk::HttpRequest& request);

  std::map<std::string, std::vector<nlohmann::json>> records_;
  std::map<std::string, std::vector<nlohmann::json>> recycle_bin_;
  std::deque<sdk::HttpResult> queued_;
  bool expire_next_token_ = false;
};

[[nodiscard]] sdk::HttpResult answer(long status, const std::string& body);

// Commits every batch it accepts; after `accept` batches it refuses, keeping
// nothing of the refused one.
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

}  // namespace crmsync::zoho_crm::testing
