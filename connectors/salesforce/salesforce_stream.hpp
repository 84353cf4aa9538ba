#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/record.hpp"

namespace crmsync::salesforce {

// One stream of the connector: which sObject it reads and which fields.
struct SalesforceStream {
  std::string name;  // the stream name in crmsync ("accounts", ...)
  sdk::EntityType entity = sdk::EntityType::customer;
  std::string sobject;  // "Account", "Contact", "Order", "Case"
  std::vector<std::string> fields;
  std::string child_relationship;         // "OrderItems" for orders, else empty
  std::vector<std::string> child_fields;  // the child rows' fields
  bool has_currency = false;              // selects CurrencyIsoCode in multi-currency orgs

  // The streams this connector offers, in the order they are listed.
  [[nodiscard]] static const std::vector<SalesforceStream>& all();
  [[nodiscard]] static const SalesforceStream* find(const std::string& name);
};

}  // namespace crmsync::salesforce
