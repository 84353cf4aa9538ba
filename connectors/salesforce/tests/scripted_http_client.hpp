#pragma once

#include <deque>
#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"
#include "crmsync/sdk/http.hpp"

namespace crmsync::salesforce::testing {

// An HttpClient that answers from a script, in order, and keeps every
// request it was sent.
class ScriptedHttpClient final : public sdk::HttpClient {
 public:
  void answer(long status, std::string body, sdk::HttpHeaders headers = {});
  void answer_retry_later(std::chrono::seconds after, std::string error);

  sdk::HttpResult send(sdk::HttpRequest request) override;
  void invalidate_token() override {}

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

// A query page as Salesforce writes it; `next` empty means done.
[[nodiscard]] std::string query_page(const std::vector<std::string>& records, const std::string& next = "");
// A Contact row with the given id and SystemModstamp.
[[nodiscard]] std::string contact_row(const std::string& id, const std::string& modstamp,
                                      bool deleted = false);

}  // namespace crmsync::salesforce::testing
