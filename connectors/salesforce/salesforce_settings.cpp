#include "salesforce_settings.hpp"

#include <algorithm>
#include <regex>

namespace crmsync::salesforce {
namespace {

constexpr int kMinBatchSize = 200;   // Salesforce ignores smaller batchSize values
constexpr int kMaxBatchSize = 2000;  // and caps larger ones

bool looks_like_http_url(const std::string& text) {
  return text.rfind("https://", 0) == 0 || text.rfind("http://", 0) == 0;
}

std::string without_trailing_slash(std::string text) {
  while (!text.empty() && text.back() == '/') text.pop_back();
  return text;
}

}  // namespace

sdk::ConfigSpec SalesforceSettings::spec() {
  using sdk::OptionType;
  return {
      {"base_url", OptionType::string, "", false, false,
       "Instance URL the REST API is called on (https://yourorg.my.salesforce.com). Empty: the instance_url "
       "the token endpoint returns."},
      {"token_url", OptionType::string, "https://login.salesforce.com/services/oauth2/token", false, false,
       "OAuth 2.0 token endpoint; https://test.salesforce.com/services/oauth2/token for sandboxes."},
      {"client_id", OptionType::string, std::nullopt, true, false, "Consumer key of the connected app."},
      {"client_secret", OptionType::string, std::nullopt, true, true,
       "Consumer secret of the connected app; use ${credential:NAME}."},
      {"refresh_token", OptionType::string, std::nullopt, true, true,
       "Refresh token of the integration user; use ${credential:NAME}."},
      {"api_version", OptionType::string, "v60.0", false, false,
       "REST API version, as in /services/data/v60.0."},
      {"batch_size", OptionType::integer, "2000", false, false,
       "Records per query page (Sforce-Query-Options batchSize), 200 to 2000."},
      {"currency", OptionType::string, "", false, false,
       "ISO 4217 currency of a single-currency org. Empty: the org has multi-currency on and each order's "
       "CurrencyIsoCode is read."},
      {"session_lifetime", OptionType::duration, "2h", false, false,
       "Session timeout of the connected app; the access token is renewed before it runs out."},
      {"sync_deletions", OptionType::boolean, "true", false, false,
       "Read with queryAll so deleted records arrive (IsDeleted) and are marked deleted."},
      {"requests_per_second", OptionType::integer, "5", false, false,
       "Most API requests per second for this instance."},
      {"ca_file", OptionType::path, "", false, false, "Extra CA bundle for a TLS-intercepting proxy."},
  };
}

std::vector<sdk::ConfigProblem> SalesforceSettings::check(const sdk::ConfigValue& options) {
  std::vector<sdk::ConfigProblem> problems;
  const std::string base_url = options.string_or("base_url", "");
  if (!base_url.empty() && !looks_like_http_url(base_url)) {
    problems.push_back({"base_url", "must start with https:// (or http:// for a local test server)"});
  }
  if (!looks_like_http_url(options.string_or("token_url", "https://login.salesforce.com"))) {
    problems.push_back({"token_url", "must start with https:// (or http:// for a local test server)"});
  }
  static const std::regex version_shape("v[0-9]+\\.[0-9]");
  if (!std::regex_match(options.string_or("api_version", "v60.0"), version_shape)) {
    problems.push_back({"api_version", "must look like v60.0"});
  }
  if (auto batch = options.integer("batch_size");
      batch && (*batch < kMinBatchSize || *batch > kMaxBatchSize)) {
    problems.push_back({"batch_size", "must be between 200 and 2000 (Salesforce's limits for batchSize)"});
  }
  const std::string currency = options.string_or("currency", "");
  if (!currency.empty() && !std::regex_match(currency, std::regex("[A-Z]{3}"))) {
    problems.push_back({"currency", "must be an ISO 4217 code such as USD"});
  }
  if (auto rate = options.integer("requests_per_second"); rate && *rate < 1) {
    problems.push_back({"requests_per_second", "must be at least 1"});
  }
  if (auto lifetime = options.integer("session_lifetime"); lifetime && *lifetime < 60) {
    problems.push_back({"session_lifetime", "must be at least one minute"});
  }
  return problems;
}

SalesforceSettings SalesforceSettings::from(const sdk::ConfigValue& options) {
  SalesforceSettings settings;
  settings.base_url = without_trailing_slash(options.string_or("base_url", ""));
  settings.token_url = options.string_or("token_url", "https://login.salesforce.com/services/oauth2/token");
  settings.client_id = options.string_or("client_id", "");
  settings.client_secret = options.string_or("client_secret", "");
  settings.refresh_token = options.string_or("refresh_token", "");
  settings.api_version = options.string_or("api_version", "v60.0");
  settings.batch_size = static_cast<int>(
      std::clamp<std::int64_t>(options.integer("batch_size").value_or(2000), kMinBatchSize, kMaxBatchSize));
  settings.currency = options.string_or("currency", "");
  settings.session_lifetime = std::chrono::seconds(options.integer("session_lifetime").value_or(7200));
  settings.sync_deletions = options.boolean_or("sync_deletions", true);
  settings.requests_per_second =
      static_cast<double>(std::max<std::int64_t>(1, options.integer("requests_per_second").value_or(5)));
  settings.ca_file = options.string_or("ca_file", "");
  return settings;
}

std::string SalesforceSettings::data_root(const std::string& instance_url) const {
  return without_trailing_slash(instance_url) + "/services/data/" + api_version;
}

}  // namespace crmsync::salesforce
