#include "salesforce_api.hpp"

#include <utility>

#include "percent_encoding.hpp"

namespace crmsync::salesforce {
namespace {

// The first {"errorCode","message"} of a Salesforce error array (or object).
std::pair<std::string, std::string> first_error(const std::string& body) {
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  const nlohmann::json* error = nullptr;
  if (parsed.is_array() && !parsed.empty()) error = &parsed.front();
  if (parsed.is_object()) error = &parsed;
  if (error == nullptr || !error->is_object()) return {"", body.substr(0, 200)};
  auto text = [&](const char* key) {
    const auto found = error->find(key);
    return found != error->end() && found->is_string() ? found->get<std::string>() : std::string();
  };
  return {text("errorCode"), text("message")};
}

}  // namespace

SalesforceApi::SalesforceApi(const SalesforceSettings& settings, sdk::HttpClient& client, std::string origin,
                             std::string place)
    : settings_(settings), client_(client), origin_(std::move(origin)), place_(std::move(place)) {}

QueryAnswer SalesforceApi::query(const std::string& soql, bool include_deleted) {
  return get(settings_.data_root(origin_) + (include_deleted ? "/queryAll" : "/query") +
             "?q=" + percent_encode(soql));
}

QueryAnswer SalesforceApi::next(const std::string& next_records_url) {
  return get(origin_ + next_records_url);
}

QueryAnswer SalesforceApi::get(const std::string& url) {
  sdk::HttpRequest request;
  request.method = "GET";
  request.url = url;
  request.headers = {{"Accept", "application/json"},
                     {"Sforce-Query-Options", "batchSize=" + std::to_string(settings_.batch_size)}};
  const sdk::HttpResult result = client_.send(request);
  QueryAnswer answer;
  if (result.kind == sdk::HttpResult::Kind::retry_later) {
    answer.status =
        sdk::Status::retry_after(std::chrono::duration_cast<std::chrono::milliseconds>(result.retry_after),
                                 place_ + ": " + result.error + " (GET " + url + ")");
    return answer;
  }
  if (result.kind == sdk::HttpResult::Kind::failed) {
    answer.status = sdk::Status::failure(place_ + ": " + result.error + " (GET " + url + ")");
    return answer;
  }
  if (result.response.status != 200) return refused(result.response, url);
  const nlohmann::json body = nlohmann::json::parse(result.response.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    answer.status = sdk::Status::failure(place_ + ": the answer to GET " + url + " is not a JSON object");
    return answer;
  }
  QueryPage page;
  if (const auto records = body.find("records"); records != body.end() && records->is_array()) {
    page.records = *records;
  }
  const auto done = body.find("done");
  const auto next_url = body.find("nextRecordsUrl");
  const bool finished = done != body.end() && done->is_boolean() && done->get<bool>();
  if (!finished && next_url != body.end() && next_url->is_string())
    page.next_records_url = next_url->get<std::string>();
  answer.page = std::move(page);
  return answer;
}

QueryAnswer SalesforceApi::refused(const sdk::HttpResponse& response, const std::string& url) const {
  const auto [code, message] = first_error(response.body);
  const std::string what = "HTTP " + std::to_string(response.status) + (code.empty() ? "" : " " + code) +
                           (message.empty() ? "" : ": " + message) + " (GET " + url + ")";
  QueryAnswer answer;
  if (code == "INVALID_QUERY_LOCATOR") {
    answer.locator_expired = true;
  } else if (code == "REQUEST_LIMIT_EXCEEDED") {
    const std::string usage = response.header("Sforce-Limit-Info").value_or("");
    answer.status = sdk::Status::retry_after(
        kDailyLimitPause,
        place_ + ": API request limit reached" + (usage.empty() ? "" : " (" + usage + ")") + ", " + what);
  } else if (response.status == 429 || response.status >= 500) {
    answer.status = sdk::Status::retry_after(std::chrono::seconds(60), place_ + ": " + what);
  } else {
    answer.status = sdk::Status::failure(place_ + ": " + what);
  }
  return answer;
}

}  // namespace crmsync::salesforce
