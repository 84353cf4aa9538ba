#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"

namespace crmsync::fxiaoke {

// The options of one fxiaoke instance, checked once when it is created.
struct FxiaokeSettings {
  std::string base_url;   // gateway host, e.g. https://open.fxiaoke.com
  std::string token_url;  // corpAccessToken endpoint
  std::string app_id;
  std::string app_secret;
  std::string permanent_code;
  std::string open_user_id;  // currentOpenUserId: the employee whose data permissions apply
  int page_size = 100;       // search_query_info.limit, at most 100
  std::string currency;      // sales orders carry amounts without a currency
  double requests_per_second = 4.0;
  std::string ca_file;

  [[nodiscard]] static sdk::ConfigSpec spec();
  [[nodiscard]] static std::vector<sdk::ConfigProblem> check(const sdk::ConfigValue& options);
  [[nodiscard]] static FxiaokeSettings from(const sdk::ConfigValue& options);
};

}  // namespace crmsync::fxiaoke
