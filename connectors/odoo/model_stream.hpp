#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/record.hpp"

#include "odoo_settings.hpp"

namespace crmsync::odoo {

// How a model's rows turn into canonical records.
enum class RecordShape { partner, order, message, ticket };

// One stream of the connector: which model it reads, which fields it asks
// for, which rows belong to it, and how deletions show.
struct ModelStream {
  std::string name;
  std::string model;
  sdk::EntityType entity = sdk::EntityType::customer;
  RecordShape shape = RecordShape::partner;
  std::vector<std::string> fields;
  nlohmann::json domain = nlohmann::json::array();  // rows outside it are not part of the stream
  // The model has `active`: reads include archived rows (context
  // active_test=false) and deliver them as deleted.
  bool archivable = false;
  // Compare delivered ids with the server's to find rows deleted outright.
  bool scan_for_unlinked = false;

  // customers (res.partner), orders (sale.order with sale.order.line),
  // feedback (mail.message on partners and orders) and, when enabled,
  // tickets (helpdesk.ticket).
  [[nodiscard]] static std::vector<ModelStream> all(const OdooSettings& settings);
};

}  // namespace crmsync::odoo
