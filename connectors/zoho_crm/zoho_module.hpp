#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/record.hpp"

namespace crmsync::zoho_crm {

// How a crmsync stream maps onto a Zoho module.
struct ZohoModule {
  enum class Shape { contact, account, sales_order, note, support_case };

  std::string stream;    // crmsync stream name
  std::string api_name;  // Zoho module API name
  sdk::EntityType entity;
  Shape shape;
  // Comma list for the `fields` parameter (mandatory from v7 on, at most 50).
  std::string fields;
  // Subform line items come only with a single-record GET.
  bool needs_detail = false;
};

[[nodiscard]] const std::vector<ZohoModule>& zoho_modules();
// nullptr when no stream has this name.
[[nodiscard]] const ZohoModule* find_zoho_module(const std::string& stream);

}  // namespace crmsync::zoho_crm
