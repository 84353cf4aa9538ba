#include "hubspot_settings.hpp"

namespace crmsync::hubspot {
namespace {

using sdk::ConfigProblem;
using sdk::ConfigValue;
using sdk::OptionType;

constexpr const char* kDefaultBaseUrl = "https://api.hubapi.com";
constexpr const char* kDefaultTokenUrl = "https://api.hubapi.com/oauth/v1/token";

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

bool is_http_url(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

int integer_in_range(const ConfigValue& options, const std::string& key, int fallback, int low, int high,
                     std::vector<ConfigProblem>& problems) {
  const ConfigValue* value = options.find(key);
  if (value == nullptr || value->is_null()) return fallback;
  const auto number = options.integer(key);
  if (!number || *number < low || *number > high) {
    problems.push_back(
        {key, "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high)});
    return fallback;
  }
  return static_cast<int>(*number);
}

// "30s", "5m", "2h", "1d"; a bare number is seconds.
std::optional<std::chrono::seconds> parse_duration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::size_t used = 0;
  long long amount = 0;
  try {
    amount = std::stoll(text, &used);
  } catch (...) {
    return std::nullopt;
  }
  if (amount < 0) return std::nullopt;
  const std::string unit = text.substr(used);
  if (unit.empty() || unit == "s") return std::chrono::seconds(amount);
  if (unit == "m") return std::chrono::seconds(amount * 60);
  if (unit == "h") return std::chrono::seconds(amount * 3600);
  if (unit == "d") return std::chrono::seconds(amount * 86400);
  return std::nullopt;
}

}  // namespace

sdk::ConfigSpec HubSpotSettings::spec() {
  return {
      {"base_url", OptionType::string, kDefaultBaseUrl, false, false,
       "API root; requests go to <base_url>/crm/v3/objects/<type>."},
      {"token_url", OptionType::string, kDefaultTokenUrl, false, false,
       "OAuth token endpoint (only with client_id/client_secret/refresh_token)."},
      {"access_token", OptionType::string, std::nullopt, false, true,
       "Private app access token (pat-...), with scopes crm.objects.contacts.read, "
       "crm.objects.companies.read, "
       "crm.objects.deals.read, crm.objects.line_items.read. Use ${credential:NAME}. Give either this or the "
       "three OAuth options."},
      {"client_id", OptionType::string, std::nullopt, false, false, "OAuth app client id."},
      {"client_secret", OptionType::string, std::nullopt, false, true,
       "OAuth app client secret. Use ${credential:NAME}."},
      {"refresh_token", OptionType::string, std::nullopt, false, true,
       "OAuth refresh token of the installing portal. Use ${credential:NAME}."},
      {"page_size", OptionType::integer, "100", false, false,
       "Records per search request, 1 to 200 (HubSpot's maximum for search)."},
      {"requests_per_second", OptionType::integer, "4", false, false,
       "Request budget shared by every stream of this instance; HubSpot allows 5 search requests per second "
       "per token."},
      {"search_settle", OptionType::duration, "30s", false, false,
       "HubSpot's search index lags behind changes by a few seconds; a read takes only changes at least this "
       "old, so a late-indexed change is never passed over. 0s in tests against a mock."},
      {"sync_deletions", OptionType::boolean, "true", false, false,
       "List archived (deleted) records of each object type and mark them deleted."},
      {"ca_file", OptionType::path, std::nullopt, false, false,
       "Extra CA bundle for a TLS-inspecting proxy. Verification is never switched off."},
  };
}

std::optional<HubSpotSettings> HubSpotSettings::parse(const sdk::ConfigValue& options,
                                                      std::vector<sdk::ConfigProblem>& problems) {
  const std::size_t problems_before = problems.size();
  HubSpotSettings settings;
  settings.base_url = without_trailing_slash(options.string_or("base_url", kDefaultBaseUrl));
  settings.token_url = options.string_or("token_url", kDefaultTokenUrl);
  if (!is_http_url(settings.base_url))
    problems.push_back({"base_url", "must start with https:// or http://"});
  if (!is_http_url(settings.token_url))
    problems.push_back({"token_url", "must start with https:// or http://"});
  settings.access_token = options.string_or("access_token", "");
  settings.client_id = options.string_or("client_id", "");
  settings.client_secret = options.string_or("client_secret", "");
  settings.refresh_token = options.string_or("refresh_token", "");
  const bool any_oauth =
      !settings.client_id.empty() || !settings.client_secret.empty() || !settings.refresh_token.empty();
  if (!settings.access_token.empty() && any_oauth) {
    problems.push_back(
        {"access_token", "give either access_token or client_id/client_secret/refresh_token, not both"});
  } else if (settings.access_token.empty()) {
    for (const char* key : {"client_id", "client_secret", "refresh_token"}) {
      if (options.string_or(key, "").empty())
        problems.push_back({key, "is required when no access_token (private app token) is given"});
    }
  }
  settings.page_size = integer_in_range(options, "page_size", 100, 1, 200, problems);
  settings.requests_per_second = integer_in_range(options, "requests_per_second", 4, 1, 100, problems);
  if (const auto settle = parse_duration(options.string_or("search_settle", "30s"))) {
    settings.search_settle = *settle;
  } else {
    problems.push_back({"search_settle", "must be a duration such as 0s, 30s or 2m"});
  }
  settings.sync_deletions = options.boolean_or("sync_deletions", true);
  settings.ca_file = options.string_or("ca_file", "");
  if (problems.size() != problems_before) return std::nullopt;
  return settings;
}

}  // namespace crmsync::hubspot
