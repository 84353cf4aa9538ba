#include "fxiaoke_api.hpp"

#include <utility>

#include "fxiaoke_reply.hpp"

namespace crmsync::fxiaoke {

FxiaokeApi::FxiaokeApi(const FxiaokeSettings& settings, sdk::HttpClient& client, std::string place)
    : settings_(settings), client_(client), place_(std::move(place)) {}

QueryRows FxiaokeApi::query(const nlohmann::json& data) {
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = settings_.base_url + "/cgi/crm/v2/data/query";
  request.headers = {{"Content-Type", "application/json"}};
  request.body =
      nlohmann::json{{"data", data}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string object = data.value("dataObjectApiName", std::string());
  const std::string where = " (POST " + request.url + ", " + object + ")";
  const sdk::HttpResult result = client_.send(std::move(request));
  QueryRows answer;
  if (result.kind == sdk::HttpResult::Kind::retry_later) {
    answer.status =
        sdk::Status::retry_after(std::chrono::duration_cast<std::chrono::milliseconds>(result.retry_after),
                                 place_ + ": " + result.error + where);
    return answer;
  }
  if (result.kind == sdk::HttpResult::Kind::failed) {
    answer.status = sdk::Status::failure(place_ + ": " + result.error + where);
    return answer;
  }
  const FxiaokeReply reply = FxiaokeReply::parse(result.response);
  if (reply.is_rate_limited()) {
    answer.status = sdk::Status::retry_after(kFrequencyPause, place_ + ": " + reply.describe() + where);
    return answer;
  }
  if (reply.is_daily_quota()) {
    answer.status = sdk::Status::retry_after(kQuotaPause, place_ + ": " + reply.describe() + where);
    return answer;
  }
  if (!reply.ok()) {
    answer.status = sdk::Status::failure(place_ + ": " + reply.describe() + where);
    return answer;
  }
  // {"data": {"dataList": [...]}}; the legacy v1 shape says "datas".
  const auto payload = reply.body().find("data");
  if (payload == reply.body().end() || !payload->is_object()) {
    answer.status = sdk::Status::failure(place_ + ": the answer has no data object" + where);
    return answer;
  }
  for (const char* key : {"dataList", "datas"}) {
    const auto rows = payload->find(key);
    if (rows != payload->end() && rows->is_array()) {
      answer.rows = *rows;
      break;
    }
  }
  return answer;
}

}  // namespace crmsync::fxiaoke
