#include "scripted_http_client.hpp"

#include <stdexcept>
#include <utility>

namespace crmsync::fxiaoke::testing {

void ScriptedHttpClient::answer(std::string body) {
  sdk::HttpResult result;
  result.kind = sdk::HttpResult::Kind::response;
  result.response.status = 200;
  result.response.body = std::move(body);
  script_.push_back(std::move(result));
}

void ScriptedHttpClient::answer_rows(const std::vector<nlohmann::json>& rows) {
  answer(nlohmann::json{
      {"traceId", "E-O.1"},
      {"data", {{"dataList", rows}, {"offset", 0}, {"limit", 100}, {"total", 0}}},
      {"errorDescription", "success"},
      {"errorMessage", "OK"},
      {"errorCode",
       0}}.dump());
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
  if (script_.empty()) throw std::logic_error("unscripted request " + sent.back().body);
  sdk::HttpResult next = std::move(script_.front());
  script_.pop_front();
  return next;
}

nlohmann::json ScriptedHttpClient::data_of(std::size_t n) const {
  return nlohmann::json::parse(sent.at(n).body)["data"];
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

nlohmann::json account_row(const std::string& id, std::int64_t modified) {
  return {{"_id", id},
          {"name", "上海示例科技有限公司"},
          {"last_modified_time", modified},
          {"object_describe_api_name", "AccountObj"}};
}

}  // namespace crmsync::fxiaoke::testing
