#include "hubspot_api.hpp"

#include <chrono>
#include <utility>

#include "json_text.hpp"

namespace crmsync::hubspot {
namespace {

using std::chrono::seconds;

// The burst limit rolls over ten seconds; the daily one at midnight in the
// portal's time zone, so an hour is a polite first wait.
constexpr seconds kBurstLimitWait{10};
constexpr seconds kDailyLimitWait{3600};
constexpr seconds kLockedWait{2};
constexpr seconds kServerErrorWait{30};

std::string error_summary(const nlohmann::json& body) {
  std::string text;
  for (const char* key : {"category", "errorType", "policyName", "message"}) {
    if (const auto part = member_text(body, key)) text += (text.empty() ? "" : ": ") + *part;
  }
  return text;
}

std::optional<seconds> retry_after_header(const sdk::HttpResponse& response) {
  const auto value = response.header("retry-after");
  if (!value) return std::nullopt;
  try {
    return seconds(std::stoll(*value));
  } catch (...) {
    return std::nullopt;
  }
}

HubSpotReply stop(sdk::Status status) {
  HubSpotReply reply;
  reply.outcome = HubSpotReply::Outcome::stop;
  reply.status = std::move(status);
  return reply;
}

}  // namespace

HubSpotApi::HubSpotApi(const HubSpotSettings& settings, sdk::HttpClient& client, std::string instance_name)
    : settings_(settings), client_(client), instance_name_(std::move(instance_name)) {}

HubSpotReply HubSpotApi::get(const std::string& stream, const std::string& path) {
  sdk::HttpRequest request;
  request.url = settings_.base_url + path;
  return send(stream, std::move(request));
}

HubSpotReply HubSpotApi::post(const std::string& stream, const std::string& path,
                              const nlohmann::json& body) {
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = settings_.base_url + path;
  request.headers.emplace_back("Content-Type", "application/json");
  request.body = body.dump();
  return send(stream, std::move(request));
}

HubSpotReply HubSpotApi::send(const std::string& stream, sdk::HttpRequest request) {
  request.headers.emplace_back("Accept", "application/json");
  if (!settings_.uses_oauth()) {
    // A private app token never expires: no token source, just the header.
    request.headers.emplace_back("Authorization", "Bearer " + settings_.access_token);
    request.authorize = false;
  }
  const std::string place = "hubspot instance '" + instance_name_ + "', stream '" + stream + "', " +
                            request.method + " " + request.url;
  const sdk::HttpResult result = client_.send(std::move(request));
  if (result.kind == sdk::HttpResult::Kind::retry_later)
    return stop(sdk::Status::retry_after(result.retry_after, place + ": " + result.error));
  if (result.kind == sdk::HttpResult::Kind::failed)
    return stop(sdk::Status::failure(place + ": " + result.error));

  const sdk::HttpResponse& response = result.response;
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  const std::string summary = "HTTP " + std::to_string(response.status) +
                              (body.is_discarded() ? std::string() : " " + error_summary(body));
  if (response.status == 429) {
    const bool daily = member_text(body, "policyName") == std::optional<std::string>("DAILY");
    const seconds wait = retry_after_header(response).value_or(daily ? kDailyLimitWait : kBurstLimitWait);
    return stop(sdk::Status::retry_after(wait, place + ": rate limited (" + summary + ")"));
  }
  if (response.status == 423 || response.status == 477)
    return stop(
        sdk::Status::retry_after(retry_after_header(response).value_or(kLockedWait), place + ": " + summary));
  if (response.status >= 500) {
    return stop(sdk::Status::retry_after(retry_after_header(response).value_or(kServerErrorWait),
                                         place + ": " + summary));
  }
  if (response.status == 404) {
    HubSpotReply reply;
    reply.outcome = HubSpotReply::Outcome::missing;
    return reply;
  }
  if (response.status < 200 || response.status >= 300)
    return stop(sdk::Status::failure(place + ": " + summary));
  if (body.is_discarded() || !body.is_object())
    return stop(
        sdk::Status::retry_after(kServerErrorWait, place + ": " + summary + " without a JSON object"));
  if (member_text(body, "status") == std::optional<std::string>("error"))
    return stop(sdk::Status::failure(place + ": " + summary));
  HubSpotReply reply;
  reply.outcome = HubSpotReply::Outcome::data;
  reply.body = body;
  return reply;
}

}  // namespace crmsync::hubspot
