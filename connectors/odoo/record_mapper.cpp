#include "record_mapper.hpp"

#include "odoo_timestamp.hpp"
#include "odoo_value.hpp"

namespace crmsync::odoo {
namespace {

namespace field = sdk::field;
using odoo_value::text;

void put(sdk::FieldMap& fields, const char* name, std::string value) {
  if (!value.empty()) fields[name] = std::move(value);
}

std::string joined(std::string first, const std::string& second, const char* separator) {
  if (first.empty()) return second;
  if (!second.empty()) first += separator + second;
  return first;
}

// sale.order.line has no product code of its own; the product's display name
// carries it as "[FURN_7800] Desk Combination" when the product has one.
std::string product_code(const nlohmann::json& line) {
  const std::string product = text(line, "product_id");
  if (product.size() > 2 && product.front() == '[') {
    const auto close = product.find(']');
    if (close != std::string::npos && close > 1) return product.substr(1, close - 1);
  }
  const auto product_id = odoo_value::id_of(line, "product_id");
  return product_id ? std::to_string(*product_id) : std::string();
}

sdk::FieldMap map_line(const nlohmann::json& line) {
  sdk::FieldMap out;
  put(out, field::kSku, product_code(line));
  put(out, field::kDescription, text(line, "name"));
  put(out, field::kQuantity, text(line, "product_uom_qty"));
  put(out, field::kUnitPrice, text(line, "price_unit"));
  put(out, field::kLineTotal, text(line, "price_subtotal"));
  return out;
}

// Section and note rows of an order (display_type set) are layout, not goods.
bool is_goods_line(const nlohmann::json& line) {
  return text(line, "display_type").empty();
}

}  // namespace

std::optional<sdk::RawRecord> RecordMapper::map(const nlohmann::json& row, const PageLinks& links,
                                                std::string& reason) const {
  const auto id = odoo_value::id_of(row, "id");
  if (!id) {
    reason = row.is_object() ? stream_.model + " row without a usable id"
                             : stream_.model + " row is not an object";
    return std::nullopt;
  }
  sdk::RawRecord record;
  record.external_id = std::to_string(*id);
  record.entity = stream_.entity;
  record.location = "odoo " + stream_.model + "/" + record.external_id;
  record.deleted = stream_.archivable && !odoo_value::flag(row, "active", true);
  put(record.fields, field::kUpdatedAt, odoo_timestamp::to_iso(text(row, "write_date")));
  switch (stream_.shape) {
    case RecordShape::partner:
      map_partner(row, record);
      break;
    case RecordShape::order:
      map_order(row, *id, links, record);
      break;
    case RecordShape::message:
      map_message(row, links, record);
      break;
    case RecordShape::ticket:
      map_ticket(row, record);
      break;
  }
  if (record.payload.empty()) record.payload = row.dump();
  return record;
}

void RecordMapper::map_partner(const nlohmann::json& row, sdk::RawRecord& record) const {
  auto& f = record.fields;
  const bool company = odoo_value::flag(row, "is_company", false);
  f[field::kKind] = company ? "organisation" : "person";
  put(f, field::kName, text(row, "name"));
  put(f, field::kEmail, text(row, "email"));
  std::string phone = text(row, "phone");
  put(f, field::kPhone, phone.empty() ? text(row, "mobile") : std::move(phone));
  // A contact's company is its parent partner; a company is its own.
  put(f, field::kCompany, company ? text(row, "name") : text(row, "parent_id"));
  put(f, field::kAddress, joined(text(row, "street"), text(row, "street2"), ", "));
  put(f, field::kCity, text(row, "city"));
  put(f, field::kPostcode, text(row, "zip"));
  put(f, field::kCountry, text(row, "country_id"));
  put(f, field::kTaxId, text(row, "vat"));
  put(f, field::kOwner, text(row, "user_id"));
  // customer_rank counts the partner's sales documents; any positive count
  // (a number or, from some servers, text) makes it a customer.
  if (odoo_value::id_of(row, "customer_rank")) f[field::kLifecycleStage] = "customer";
}

void RecordMapper::map_order(const nlohmann::json& row, std::int64_t id, const PageLinks& links,
                             sdk::RawRecord& record) const {
  auto& f = record.fields;
  if (const auto partner = odoo_value::id_of(row, "partner_id"))
    f[field::kCustomerRef] = std::to_string(*partner);
  put(f, field::kOrderNumber, text(row, "name"));
  put(f, field::kStatus, text(row, "state"));
  put(f, field::kOrderedAt, odoo_timestamp::to_iso(text(row, "date_order")));
  put(f, field::kCurrency, text(row, "currency_id"));
  put(f, field::kTotal, text(row, "amount_total"));
  put(f, field::kOwner, text(row, "user_id"));

  nlohmann::json payload = row;
  nlohmann::json line_rows = nlohmann::json::array();
  if (const auto lines = links.lines_by_order.find(id); lines != links.lines_by_order.end()) {
    for (const auto& line : lines->second) {
      line_rows.push_back(line);
      if (is_goods_line(line)) record.lines.push_back(map_line(line));
    }
  }
  payload["order_line_records"] = std::move(line_rows);
  record.payload = payload.dump();
}

void RecordMapper::map_message(const nlohmann::json& row, const PageLinks& links,
                               sdk::RawRecord& record) const {
  auto& f = record.fields;
  const std::string model = text(row, "model");
  const auto res_id = odoo_value::id_of(row, "res_id");
  if (res_id && model == "res.partner") {
    f[field::kCustomerRef] = std::to_string(*res_id);
  } else if (res_id && model == "sale.order") {
    f[field::kOrderRef] = std::to_string(*res_id);
    if (const auto partner = links.partner_by_order.find(*res_id); partner != links.partner_by_order.end()) {
      f[field::kCustomerRef] = std::to_string(partner->second);
    }
  }
  f[field::kFeedbackKind] = "note";
  put(f, field::kComment, odoo_value::html_to_text(text(row, "body")));
  put(f, field::kReceivedAt, odoo_timestamp::to_iso(text(row, "date")));
}

void RecordMapper::map_ticket(const nlohmann::json& row, sdk::RawRecord& record) const {
  auto& f = record.fields;
  if (const auto partner = odoo_value::id_of(row, "partner_id"))
    f[field::kCustomerRef] = std::to_string(*partner);
  f[field::kFeedbackKind] = "complaint";
  put(f, field::kComment,
      joined(text(row, "name"), odoo_value::html_to_text(text(row, "description")), "\n"));
  put(f, field::kStatus, text(row, "stage_id"));
  put(f, field::kReceivedAt, odoo_timestamp::to_iso(text(row, "create_date")));
}

}  // namespace crmsync::odoo
