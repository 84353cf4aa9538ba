#include "zoho_settings.hpp"

#include <cstdint>
#include <regex>

namespace crmsync::zoho_crm {
namespace {

using sdk::ConfigProblem;
using sdk::ConfigValue;
using sdk::OptionType;

constexpr const char* kDefaultBaseUrl = "https://www.zohoapis.com";
constexpr const char* kDefaultTokenUrl = "https://accounts.zoho.com/oauth/v2/token";

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

std::string required_text(const ConfigValue& options, const std::string& key,
                          std::vector<ConfigProblem>& problems) {
  std::string text = options.string_or(key, "");
  if (text.empty()) problems.push_back({key, "is required and must not be empty"});
  return text;
}

}  // namespace

sdk::ConfigSpec ZohoSettings::spec() {
  return {
      {"base_url", OptionType::string, kDefaultBaseUrl, false, false,
       "API domain of the Zoho data centre the org lives in (https://www.zohoapis.eu, .in, .com.au, .jp, "
       ".com.cn). Requests go to <base_url>/crm/<api_version>/<module>."},
      {"token_url", OptionType::string, kDefaultTokenUrl, false, false,
       "OAuth token endpoint of the matching accounts server (https://accounts.zoho.eu/oauth/v2/token, "
       "...)."},
      {"client_id", OptionType::string, std::nullopt, true, false,
       "Client id of the self client / server-based app registered in the Zoho API console."},
      {"client_secret", OptionType::string, std::nullopt, true, true,
       "Client secret of that app. Use ${credential:NAME}."},
      {"refresh_token", OptionType::string, std::nullopt, true, true,
       "Refresh token granted with scope ZohoCRM.modules.READ (Notes need an admin user). Use "
       "${credential:NAME}."},
      {"api_version", OptionType::string, "v2", false, false,
       "API version in the path: v2 to v8 answer in the same shape."},
      {"page_size", OptionType::integer, "200", false, false,
       "Records per list request, 1 to 200 (Zoho's maximum)."},
      {"requests_per_second", OptionType::integer, "5", false, false,
       "Request budget shared by every stream of this instance; keep it under the edition's concurrency "
       "limit and daily API credits."},
      {"sync_deletions", OptionType::boolean, "true", false, false,
       "Read each module's recycle bin (/<module>/deleted) and mark deleted records as deleted."},
      {"ca_file", OptionType::path, std::nullopt, false, false,
       "Extra CA bundle for a TLS-inspecting proxy. Verification is never switched off."},
  };
}

std::optional<ZohoSettings> ZohoSettings::parse(const sdk::ConfigValue& options,
                                                std::vector<sdk::ConfigProblem>& problems) {
  const std::size_t problems_before = problems.size();
  ZohoSettings settings;
  settings.base_url = without_trailing_slash(options.string_or("base_url", kDefaultBaseUrl));
  settings.token_url = options.string_or("token_url", kDefaultTokenUrl);
  if (!is_http_url(settings.base_url))
    problems.push_back({"base_url", "must start with https:// or http://"});
  if (!is_http_url(settings.token_url))
    problems.push_back({"token_url", "must start with https:// or http://"});
  settings.client_id = required_text(options, "client_id", problems);
  settings.client_secret = required_text(options, "client_secret", problems);
  settings.refresh_token = required_text(options, "refresh_token", problems);
  settings.api_version = options.string_or("api_version", "v2");
  if (!std::regex_match(settings.api_version, std::regex("v[2-8]")))
    problems.push_back({"api_version", "must be one of v2 ... v8"});
  settings.page_size = integer_in_range(options, "page_size", 200, 1, 200, problems);
  settings.requests_per_second = integer_in_range(options, "requests_per_second", 5, 1, 100, problems);
  settings.sync_deletions = options.boolean_or("sync_deletions", true);
  settings.ca_file = options.string_or("ca_file", "");
  if (problems.size() != problems_before) return std::nullopt;
  return settings;
}

}  // namespace crmsync::zoho_crm
