#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"

namespace crmsync::salesforce {

// The options of one salesforce instance, checked once when it is created.
struct SalesforceSettings {
  std::string base_url;   // instance URL; empty: the instance_url the token endpoint returns
  std::string token_url;  // OAuth 2.0 token endpoint (login, test or My Domain host)
  std::string client_id;
  std::string client_secret;
  std::string refresh_token;
  std::string api_version;                      // "v60.0"
  int batch_size = 2000;                        // Sforce-Query-Options batchSize, 200..2000
  std::string currency;                         // single-currency orgs have no CurrencyIsoCode field
  std::chrono::seconds session_lifetime{7200};  // the token answer carries no expires_in
  bool sync_deletions = true;                   // queryAll returns deleted rows (IsDeleted = true)
  double requests_per_second = 5.0;
  std::string ca_file;

  // The option table `crmsyncd describe salesforce` prints.
  [[nodiscard]] static sdk::ConfigSpec spec();
  // What the table cannot say: value ranges and URL shapes.
  [[nodiscard]] static std::vector<sdk::ConfigProblem> check(const sdk::ConfigValue& options);
  // The settings of validated options (defaults already filled in by the host).
  [[nodiscard]] static SalesforceSettings from(const sdk::ConfigValue& options);

  // "https://host/services/data/v60.0" under the given instance URL.
  [[nodiscard]] std::string data_root(const std::string& instance_url) const;
};

}  // namespace crmsync::salesforce
