#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"

namespace crmsync::odoo {

// Which of Odoo's two external APIs the instance talks to.
enum class OdooProtocol {
  json2,    // Odoo 19+: POST /json/2/<model>/<method>, API key as bearer token
  jsonrpc,  // every version: POST /jsonrpc object.execute_kw(db, uid, key, ...)
};

// An instance's options, checked once when it is created.
struct OdooSettings {
  std::string base_url;  // without a trailing slash
  OdooProtocol protocol = OdooProtocol::jsonrpc;
  std::string database;
  std::string login;
  std::string api_key;
  int page_size = 200;
  bool detect_unlinked = true;
  std::chrono::seconds unlinked_scan_interval{3600};
  bool helpdesk_tickets = false;
  double requests_per_second = 5.0;
  std::string ca_file;

  [[nodiscard]] static sdk::ConfigSpec spec();
  // Nothing, with every problem in `problems`, when the options do not fit.
  [[nodiscard]] static std::optional<OdooSettings> parse(const sdk::ConfigValue& options,
                                                         std::vector<sdk::ConfigProblem>& problems);
};

}  // namespace crmsync::odoo
