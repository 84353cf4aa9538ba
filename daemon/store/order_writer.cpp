#include "daemon/store/order_writer.hpp"

#include "daemon/store/utc_timestamp.hpp"

namespace crmsync::store {
namespace {

std::optional<std::string> decimal_text(const std::optional<model::Decimal>& amount) {
  return amount ? std::optional<std::string>(amount->to_string()) : std::nullopt;
}

}  // namespace

OrderWriter::OrderWriter(Database& database, ReferenceLinker& linker)
    : sql_(database.session()),
      linker_(linker),
      inserted_id_(sql_, database.dialect(), "sales_order"),
      find_((sql_.prepare << "SELECT id FROM sales_order WHERE source_record_id = :source_record_id",
             soci::use(source_record_id_), soci::into(order_id_))),
      insert_(prepare_insert()),
      update_(
          (sql_.prepare << "UPDATE sales_order SET customer_id = :customer_id, customer_ref = :customer_ref,"
                           " order_number = :order_number, status = :status, ordered_at = :ordered_at,"
                           " currency = :currency, total = :total, updated_at = :updated_at WHERE id = :id",
           soci::use(customer_id_.value, customer_id_.indicator),
           soci::use(customer_ref_.value, customer_ref_.indicator),
           soci::use(order_number_.value, order_number_.indicator),
           soci::use(status_.value, status_.indicator), soci::use(ordered_at_.value, ordered_at_.indicator),
           soci::use(currency_.value, currency_.indicator), soci::use(total_.value, total_.indicator),
           soci::use(now_), soci::use(order_id_))),
      delete_lines_(
          (sql_.prepare << "DELETE FROM order_line WHERE order_id = :order_id", soci::use(order_id_))),
      insert_line_(
          (sql_.prepare << "INSERT INTO order_line (order_id, line_no, sku, description, quantity,"
                           " unit_price, line_total) VALUES (:order_id, :line_no, :sku, :description,"
                           " :quantity, :unit_price, :line_total)",
           soci::use(order_id_), soci::use(line_no_), soci::use(sku_.value, sku_.indicator),
           soci::use(description_.value, description_.indicator), soci::use(quantity_),
           soci::use(unit_price_.value, unit_price_.indicator),
           soci::use(line_total_.value, line_total_.indicator))) {}

soci::statement OrderWriter::prepare_insert() {
  auto prepared =
      (sql_.prepare << inserted_id_.statement_text(
           "INSERT INTO sales_order (source_record_id, customer_id, customer_ref, order_number,"
           " status, ordered_at, currency, total, created_at, updated_at) VALUES (:source_record_id,"
           " :customer_id, :customer_ref, :order_number, :status, :ordered_at, :currency, :total,"
           " :created_at, :updated_at)"));
  prepared, soci::use(source_record_id_), soci::use(customer_id_.value, customer_id_.indicator),
      soci::use(customer_ref_.value, customer_ref_.indicator),
      soci::use(order_number_.value, order_number_.indicator), soci::use(status_.value, status_.indicator),
      soci::use(ordered_at_.value, ordered_at_.indicator), soci::use(currency_.value, currency_.indicator),
      soci::use(total_.value, total_.indicator), soci::use(now_), soci::use(now_);
  inserted_id_.bind(prepared);
  return prepared;
}

void OrderWriter::write(long long source_record_id, const std::string& external_id, const model::Order& order,
                        const std::string& now) {
  bind_order(order);
  now_ = now;
  source_record_id_ = source_record_id;
  if (find_.execute(true)) {
    update_.execute(true);
    delete_lines_.execute(true);
  } else {
    insert_.execute(true);
    order_id_ = inserted_id_.value();
    linker_.link_waiting_for_order(LinkedOrder{order_id_, customer_id_.get()}, external_id);
  }
  write_lines(order);
}

void OrderWriter::bind_order(const model::Order& order) {
  customer_id_.set(linker_.customer_for(order.customer_ref));
  set_text(customer_ref_, order.customer_ref);
  set_text(order_number_, order.order_number);
  set_text(status_, order.status);
  ordered_at_.set(order.ordered_at ? std::optional(UtcTimestamp::format(*order.ordered_at)) : std::nullopt);
  set_text(currency_, order.currency);
  total_.set(decimal_text(order.total));
}

void OrderWriter::write_lines(const model::Order& order) {
  for (const auto& line : order.lines) {
    line_no_ = line.line_no;
    set_text(sku_, line.sku);
    set_text(description_, line.description);
    quantity_ = line.quantity.to_string();
    unit_price_.set(decimal_text(line.unit_price));
    line_total_.set(decimal_text(line.line_total));
    insert_line_.execute(true);
  }
}

}  // namespace crmsync::store
