#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"

namespace crmsync::hubspot {

// An instance's options, checked once when the instance is created. Either a
// private app token, or an OAuth app's client and refresh token.
struct HubSpotSettings {
  std::string base_url;
  std::string token_url;
  std::string access_token;  // private app ("pat-na1-..."); empty with OAuth
  std::string client_id;
  std::string client_secret;
  std::string refresh_token;
  int page_size = 100;
  int requests_per_second = 4;
  // Search indexes changes with a delay: only changes at least this old are read.
  std::chrono::seconds search_settle{30};
  bool sync_deletions = true;
  std::string ca_file;

  [[nodiscard]] bool uses_oauth() const { return access_token.empty(); }

  [[nodiscard]] static sdk::ConfigSpec spec();
  // nullopt when a problem was found; every problem is appended.
  [[nodiscard]] static std::optional<HubSpotSettings> parse(const sdk::ConfigValue& options,
                                                            std::vector<sdk::ConfigProblem>& problems);
};

}  // namespace crmsync::hubspot
