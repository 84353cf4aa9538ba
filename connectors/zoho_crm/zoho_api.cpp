#include "zoho_api.hpp"

#include <chrono>
#include <utility>

#include "iso_timestamp.hpp"
#include "json_text.hpp"

namespace crmsync::zoho_crm {
namespace {

using std::chrono::seconds;

// Zoho documents no Retry-After; its limits are per concurrency slot and per
// day, so a minute is the shortest wait that can help.
constexpr seconds kRateLimitWait{60};
constexpr seconds kServerErrorWait{30};

std::string error_summary(const nlohmann::json& body) {
  std::string text;
  if (const auto code = member_text(body, "code")) text = *code;
  if (const auto error = member_text(body, "error")) text += (text.empty() ? "" : " ") + *error;
  if (const auto message = member_text(body, "message")) text += (text.empty() ? "" : ": ") + *message;
  return text;
}

}  // namespace

ZohoApi::ZohoApi(const ZohoSettings& settings, sdk::HttpClient& client, std::string instance_name)
    : settings_(settings), client_(client), instance_name_(std::move(instance_name)) {}

std::string ZohoApi::where(const std::string& stream, const std::string& url) const {
  return "zoho_crm instance '" + instance_name_ + "', stream '" + stream + "', GET " + url;
}

ZohoReply ZohoApi::stop(sdk::Status status) const {
  ZohoReply reply;
  reply.outcome = ZohoReply::Outcome::stop;
  reply.status = std::move(status);
  return reply;
}

ZohoReply ZohoApi::get(const std::string& stream, const std::string& path_and_query,
                       std::optional<std::int64_t> modified_since) {
  sdk::HttpRequest request;
  request.url = settings_.base_url + "/crm/" + settings_.api_version + "/" + path_and_query;
  request.headers.emplace_back("Accept", "application/json");
  if (modified_since)
    request.headers.emplace_back("If-Modified-Since", format_utc_timestamp(*modified_since));
  const std::string place = where(stream, request.url);
  const sdk::HttpResult result = client_.send(std::move(request));

  if (result.kind == sdk::HttpResult::Kind::retry_later)
    return stop(sdk::Status::retry_after(result.retry_after, place + ": " + result.error));
  if (result.kind == sdk::HttpResult::Kind::failed)
    return stop(sdk::Status::failure(place + ": " + result.error));

  const sdk::HttpResponse& response = result.response;
  ZohoReply reply;
  if (response.status == 204 || response.status == 304) {
    reply.outcome = ZohoReply::Outcome::nothing;
    return reply;
  }
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  const std::string summary = body.is_discarded() ? std::string() : error_summary(body);
  const auto code = body.is_discarded() ? std::nullopt : member_text(body, "code");
  const std::string status_text = "HTTP " + std::to_string(response.status);

  if (response.status == 429 || (code && *code == "TOO_MANY_REQUESTS"))
    return stop(sdk::Status::retry_after(kRateLimitWait,
                                         place + ": rate limited (" + status_text + " " + summary + ")"));
  if (response.status >= 500)
    return stop(sdk::Status::retry_after(kServerErrorWait, place + ": " + status_text + " " + summary));
  if (code && (*code == "EXPIRED_VALUE" || *code == "TOKEN_BOUND_DATA_MISMATCH" || *code == "INVALID_DATA") &&
      path_and_query.find("page_token=") != std::string::npos) {
    reply.outcome = ZohoReply::Outcome::stale_page_token;
    return reply;
  }
  if (code && (*code == "INVALID_TOKEN" || *code == "AUTHENTICATION_FAILURE"))
    return stop(sdk::Status::retry_after(
        kServerErrorWait, place + ": the access token was refused even after a refresh (" + summary + ")"));
  // Zoho's own trouble, even when it arrives inside an HTTP 200, passes with time.
  if (code && *code == "INTERNAL_ERROR")
    return stop(sdk::Status::retry_after(kServerErrorWait, place + ": " + status_text + " " + summary));
  if (response.status != 200 ||
      (body.is_object() && member_text(body, "status") == std::optional<std::string>("error")))
    return stop(sdk::Status::failure(place + ": " + status_text + " " + summary));
  if (body.is_discarded() || !body.is_object())
    return stop(
        sdk::Status::retry_after(kServerErrorWait, place + ": " + status_text + " without a JSON object"));
  reply.outcome = ZohoReply::Outcome::data;
  reply.body = body;
  return reply;
}

}  // namespace crmsync::zoho_crm
