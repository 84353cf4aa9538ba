#include "model_stream.hpp"

namespace crmsync::odoo {

std::vector<ModelStream> ModelStream::all(const OdooSettings& settings) {
  std::vector<ModelStream> streams;

  ModelStream customers;
  customers.name = "customers";
  customers.model = "res.partner";
  customers.entity = sdk::EntityType::customer;
  customers.shape = RecordShape::partner;
  customers.fields = {"name",    "email",         "phone",  "mobile",     "is_company", "parent_id",
                      "street",  "street2",       "city",   "zip",        "country_id", "vat",
                      "user_id", "customer_rank", "active", "write_date", "create_date"};
  customers.archivable = true;
  customers.scan_for_unlinked = settings.detect_unlinked;
  streams.push_back(std::move(customers));

  ModelStream orders;
  orders.name = "orders";
  orders.model = "sale.order";
  orders.entity = sdk::EntityType::order;
  orders.shape = RecordShape::order;
  orders.fields = {"name",         "partner_id",  "date_order", "state",   "amount_untaxed",
                   "amount_total", "currency_id", "order_line", "user_id", "write_date"};
  orders.scan_for_unlinked = settings.detect_unlinked;
  streams.push_back(std::move(orders));

  // Notes and messages in the chatter of customers and orders. Their ids come
  // from one sequence shared by every model's chatter, so the ids of this
  // stream are far from contiguous and a delivered-id set would bloat the
  // cursor; chatter messages are also rarely deleted. No unlinked scan here.
  ModelStream feedback;
  feedback.name = "feedback";
  feedback.model = "mail.message";
  feedback.entity = sdk::EntityType::feedback;
  feedback.shape = RecordShape::message;
  feedback.fields = {"model",      "res_id",    "body", "message_type",
                     "subtype_id", "author_id", "date", "write_date"};
  // Two-element string lists must be spelled as arrays: nlohmann reads
  // {"a", "b"} as the object {"a": "b"}.
  const auto pair = [](const char* a, const char* b) { return nlohmann::json::array({a, b}); };
  feedback.domain =
      nlohmann::json::array({nlohmann::json::array({"model", "in", pair("res.partner", "sale.order")}),
                             nlohmann::json::array({"message_type", "in", pair("comment", "email")})});
  streams.push_back(std::move(feedback));

  if (settings.helpdesk_tickets) {
    ModelStream tickets;
    tickets.name = "tickets";
    tickets.model = "helpdesk.ticket";
    tickets.entity = sdk::EntityType::feedback;
    tickets.shape = RecordShape::ticket;
    tickets.fields = {"name",     "description", "partner_id",  "stage_id",
                      "priority", "active",      "create_date", "write_date"};
    tickets.archivable = true;
    tickets.scan_for_unlinked = settings.detect_unlinked;
    streams.push_back(std::move(tickets));
  }
  return streams;
}

}  // namespace crmsync::odoo
