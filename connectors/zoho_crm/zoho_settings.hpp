#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"

namespace crmsync::zoho_crm {

// An instance's options, checked once when the instance is created.
struct ZohoSettings {
  std::string base_url;   // API domain, e.g. https://www.zohoapis.eu
  std::string token_url;  // accounts server token endpoint
  std::string client_id;
  std::string client_secret;
  std::string refresh_token;
  std::string api_version;  // "v2" ... "v8": only the path changes
  int page_size = 200;
  int requests_per_second = 5;
  bool sync_deletions = true;
  std::string ca_file;

  [[nodiscard]] static sdk::ConfigSpec spec();
  // nullopt when a problem was found; every problem is appended.
  [[nodiscard]] static std::optional<ZohoSettings> parse(const sdk::ConfigValue& options,
                                                         std::vector<sdk::ConfigProblem>& problems);
};

}  // namespace crmsync::zoho_crm
