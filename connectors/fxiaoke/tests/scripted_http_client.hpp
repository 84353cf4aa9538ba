#pragma once

#include <deque>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/connector.hpp"
#include "crmsync/sdk/http.hpp"

namespace crmsync::fxiaoke::testing {

// An HttpClient that answers from a script, in order, and keeps every
// request it was sent.
class ScriptedHttpClient final : public sdk::HttpClient {
 public:
  void answer(std::string body);  // HTTP 200, as Fxiaoke always answers
  void answer_rows(const std::vector<nlohmann::json>& rows);
  void answer_retry_later(std::chrono::seconds after, std::string error);

  sdk::HttpResult send(sdk::HttpRequest request) override;
  void invalidate_token() override {}

  // The `data` of the n-th request.
  [[nodiscard]] nlohmann::json data_of(std::size_t n) const;

  std::vector<sdk::HttpRequest> sent;

 private:
  std::deque<sdk::HttpResult> script_;
};

// Commits every batch; after `accept` batches it refuses, as a shutdown would.
class RecordingSink final : public sdk::BatchSink {
 public:
  explicit RecordingSink(std::size_t accept = static_cast<std::size_t>(-1)) : accept_(accept) {}
  bool emit(sdk::RecordBatch batch) override;
  bool flush() override { return true; }  // every batch is kept as emit() takes it
  [[nodiscard]] std::vector<std::string> ids() const;
  [[nodiscard]] std::string last_cursor() const {
    return batches.empty() ? std::string() : batches.back().cursor;
  }

  std::vector<sdk::RecordBatch> batches;

 private:
  std::size_t accept_;
};

// An AccountObj row with the given _id and last_modified_time.
[[nodiscard]] nlohmann::json account_row(const std::string& id, std::int64_t modified);

}  // namespace crmsync::fxiaoke::testing
