#include "scripted_http_client.hpp"

#include <stdexcept>
#include <utility>

namespace crmsync::salesforce::testing {

void ScriptedHttpClient::answer(long status, std::string body, sdk::HttpHeaders headers) {
  sdk::HttpResult result;
  result.kind = sdk::HttpResult::Kind::response;
  result.response.status = status;
  result.response.body = std::move(body);
  result.response.headers = std::move(headers);
  script_.push_back(std::move(result));
}

void ScriptedHttpClient::answer_retry_later(std::chrono::seconds after, std::string error) {
  sdk::HttpResult result;
  result.kind = sdk::HttpResult::Kind::retry_later;
  result.retry_after = after;
  result.error = std::move(error);
  script_.push_back(std::move(result));
}

sdk::HttpResult ScriptedHttpClient::send(sdk::HttpRequest request) {
  sent.push_back(std::move(request));
  if (script_.empty()) throw std::logic_error("unscripted request " + sent.back().url);
  sdk::HttpResult next = std::move(script_.front());
  script_.pop_front();
  return next;
}

bool RecordingSink::emit(sdk::RecordBatch batch) {
  if (batches.size() >= accept_) return false;
  batches.push_back(std::move(batch));
  return true;
}

std::vector<std::string> RecordingSink::ids() const {
  std::vector<std::string> ids;
  for (const auto& batch : batches) {
    for (const auto& record : batch.records) ids.push_back(record.external_id);
  }
  return ids;
}

std::string query_page(const std::vector<std::string>& records, const std::string& next) {
  std::string rows;
  for (const auto& record : records) rows += (rows.empty() ? "" : ",") + record;
  std::string page =
      R"({"totalSize":)" + std::to_string(records.size()) + R"(,"done":)" + (next.empty() ? "true" : "false");
  if (!next.empty()) page += R"(,"nextRecordsUrl":")" + next + "\"";
  return page + R"(,"records":[)" + rows + "]}";
}

std::string contact_row(const std::string& id, const std::string& modstamp, bool deleted) {
  return R"({"attributes":{"type":"Contact"},"Id":")" + id + R"(","FirstName":"Ada","LastName":"Lovelace",)" +
         R"("Email":")" + id + R"(@example.com","IsDeleted":)" + (deleted ? "true" : "false") +
         R"(,"SystemModstamp":")" + modstamp + "\"}";
}

}  // namespace crmsync::salesforce::testing
