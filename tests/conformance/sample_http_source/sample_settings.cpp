#include "sample_settings.hpp"

namespace crmsync::conformance::sample {

sdk::ConfigSpec SampleSettings::spec() {
  return {
      {"base_url", sdk::OptionType::string, std::nullopt, true, false,
       "The API's base URL, e.g. https://api.example.com"},
      {"client_id", sdk::OptionType::string, std::nullopt, true, false, "OAuth2 client id"},
      {"client_secret", sdk::OptionType::string, std::nullopt, true, true, "OAuth2 client secret"},
      {"page_size", sdk::OptionType::integer, "20", false, false, "Records per page (1..50)"},
      {"requests_per_second", sdk::OptionType::integer, "10", false, false,
       "Request budget of the credential"},
  };
}

SampleSettings SampleSettings::from(const sdk::ConfigValue& options) {
  SampleSettings settings;
  settings.base_url = options.string_or("base_url", "");
  while (!settings.base_url.empty() && settings.base_url.back() == '/') settings.base_url.pop_back();
  settings.client_id = options.string_or("client_id", "");
  settings.client_secret = options.string_or("client_secret", "");
  settings.page_size = static_cast<int>(options.integer("page_size").value_or(20));
  settings.requests_per_second = static_cast<double>(options.integer("requests_per_second").value_or(10));
  return settings;
}

}  // namespace crmsync::conformance::sample
