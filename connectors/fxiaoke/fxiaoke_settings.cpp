#include "fxiaoke_settings.hpp"

#include <algorithm>
#include <regex>

namespace crmsync::fxiaoke {
namespace {

constexpr int kMaxPageSize = 100;  // the query API refuses larger limits
constexpr const char* kDefaultBaseUrl = "https://open.fxiaoke.com";
constexpr const char* kTokenPath = "/cgi/corpAccessToken/get/V2";

bool looks_like_http_url(const std::string& text) {
  return text.rfind("https://", 0) == 0 || text.rfind("http://", 0) == 0;
}

std::string without_trailing_slash(std::string text) {
  while (!text.empty() && text.back() == '/') text.pop_back();
  return text;
}

}  // namespace

sdk::ConfigSpec FxiaokeSettings::spec() {
  using sdk::OptionType;
  return {
      {"base_url", OptionType::string, kDefaultBaseUrl, false, false,
       "OpenAPI gateway of the tenant's cloud (open.fxiaoke.com, open-hwcloud.fxiaoke.com, "
       "open-ale.fxiaoke.com, open-ksc.sharecrm.com, ...)."},
      {"token_url", OptionType::string, "", false, false,
       "corpAccessToken endpoint. Empty: base_url + /cgi/corpAccessToken/get/V2."},
      {"app_id", OptionType::string, std::nullopt, true, false,
       "appId of the custom application (FSAID_...)."},
      {"app_secret", OptionType::string, std::nullopt, true, true, "appSecret; use ${credential:NAME}."},
      {"permanent_code", OptionType::string, std::nullopt, true, true,
       "permanentCode of the tenant's authorisation; use ${credential:NAME}."},
      {"open_user_id", OptionType::string, std::nullopt, true, false,
       "currentOpenUserId (FSUID_...) of the employee the data is read as; their data permissions apply."},
      {"page_size", OptionType::integer, "100", false, false, "Records per query, 1 to 100."},
      {"currency", OptionType::string, "CNY", false, false,
       "ISO 4217 currency of order amounts (Fxiaoke amounts carry none)."},
      {"requests_per_second", OptionType::integer, "4", false, false,
       "Most API requests per second (Fxiaoke allows 100 per 20 s per interface)."},
      {"ca_file", OptionType::path, "", false, false, "Extra CA bundle for a TLS-intercepting proxy."},
  };
}

std::vector<sdk::ConfigProblem> FxiaokeSettings::check(const sdk::ConfigValue& options) {
  std::vector<sdk::ConfigProblem> problems;
  if (!looks_like_http_url(options.string_or("base_url", kDefaultBaseUrl))) {
    problems.push_back({"base_url", "must start with https:// (or http:// for a local test server)"});
  }
  const std::string token_url = options.string_or("token_url", "");
  if (!token_url.empty() && !looks_like_http_url(token_url)) {
    problems.push_back({"token_url", "must start with https:// (or http:// for a local test server)"});
  }
  if (auto size = options.integer("page_size"); size && (*size < 1 || *size > kMaxPageSize)) {
    problems.push_back({"page_size", "must be between 1 and 100 (Fxiaoke's largest limit)"});
  }
  if (!std::regex_match(options.string_or("currency", "CNY"), std::regex("[A-Z]{3}"))) {
    problems.push_back({"currency", "must be an ISO 4217 code such as CNY"});
  }
  if (auto rate = options.integer("requests_per_second"); rate && *rate < 1) {
    problems.push_back({"requests_per_second", "must be at least 1"});
  }
  return problems;
}

FxiaokeSettings FxiaokeSettings::from(const sdk::ConfigValue& options) {
  FxiaokeSettings settings;
  settings.base_url = without_trailing_slash(options.string_or("base_url", kDefaultBaseUrl));
  settings.token_url = options.string_or("token_url", "");
  if (settings.token_url.empty()) settings.token_url = settings.base_url + kTokenPath;
  settings.app_id = options.string_or("app_id", "");
  settings.app_secret = options.string_or("app_secret", "");
  settings.permanent_code = options.string_or("permanent_code", "");
  settings.open_user_id = options.string_or("open_user_id", "");
  settings.page_size = static_cast<int>(
      std::clamp<std::int64_t>(options.integer("page_size").value_or(kMaxPageSize), 1, kMaxPageSize));
  settings.currency = options.string_or("currency", "CNY");
  settings.requests_per_second =
      static_cast<double>(std::max<std::int64_t>(1, options.integer("requests_per_second").value_or(4)));
  settings.ca_file = options.string_or("ca_file", "");
  return settings;
}

}  // namespace crmsync::fxiaoke
