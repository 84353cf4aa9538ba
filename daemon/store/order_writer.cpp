#include "daemon/store/order_writer.hpp"

#include "daemon/store/id_list.hpp"
#include "daemon/store/id_reservation.hpp"
#include "daemon/store/multi_row_insert.hpp"
#include "daemon/store/row_id_lookup.hpp"
#include "daemon/store/staged_update.hpp"
#include "daemon/store/utc_timestamp.hpp"

namespace crmsync::store {
namespace {

std::optional<std::string> decimal_text(const std::optional<model::Decimal>& amount) {
  return amount ? std::optional<std::string>(amount->to_string()) : std::nullopt;
}

std::optional<std::string> timestamp_text(const std::optional<std::chrono::sys_seconds>& at) {
  return at ? std::optional(UtcTimestamp::format(*at)) : std::nullopt;
}

}  // namespace

OrderWriter::OrderWriter(Database& database, ReferenceLinker& linker)
    : database_(database),
      linker_(linker),
      update_((database.session().prepare
                   << "UPDATE sales_order SET customer_id = :customer_id, customer_ref = :customer_ref,"
                      " order_number = :order_number, status = :status, ordered_at = :ordered_at,"
                      " currency = :currency, total = :total, updated_at = :updated_at WHERE id = :id",
               soci::use(customer_id_.value, customer_id_.indicator),
               soci::use(customer_ref_.value, customer_ref_.indicator),
               soci::use(order_number_.value, order_number_.indicator),
               soci::use(status_.value, status_.indicator),
               soci::use(ordered_at_.value, ordered_at_.indicator),
               soci::use(currency_.value, currency_.indicator), soci::use(total_.value, total_.indicator),
               soci::use(now_), soci::use(order_id_))) {}

void OrderWriter::add(long long source_record_id, const std::string& external_id, const model::Order& order,
                      bool seen_before) {
  pending_.push_back({source_record_id, &external_id, &order, seen_before});
}

void OrderWriter::flush(const std::string& now) {
  if (pending_.empty()) return;
  std::vector<std::string> refs;
  std::vector<long long> seen;
  for (const auto& p : pending_) {
    refs.push_back(p.order->customer_ref);
    if (p.seen_before) seen.push_back(p.source_record_id);
  }
  const auto customers = linker_.customers_for(refs);
  const auto customer_of = [&](const model::Order& order) -> std::optional<long long> {
    const auto found = customers.find(order.customer_ref);
    return found == customers.end() ? std::nullopt : std::optional(found->second);
  };

  // A record seen before may already have its order (a deleted one may not).
  const auto existing = RowIdLookup::by_source_record(database_, "sales_order", seen);
  auto& sql = database_.session();
  now_ = now;
  std::vector<long long> order_ids(pending_.size());
  std::vector<long long> replaced;
  std::vector<std::size_t> fresh;
  const bool staged = database_.dialect() == Dialect::postgresql;
  StagedUpdate changes("sales_order", "sales_order_changes",
                       {"customer_id", "customer_ref", "order_number", "status", "ordered_at", "currency",
                        "total", "updated_at"});
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    const auto found = existing.find(pending_[i].source_record_id);
    if (found == existing.end()) {
      fresh.push_back(i);
      continue;
    }
    const auto& order = *pending_[i].order;
    order_ids[i] = found->second;
    replaced.push_back(found->second);
    if (staged) {
      changes.add(found->second,
                  {MultiRowInsert::number(customer_of(order)), MultiRowInsert::text(order.customer_ref),
                   MultiRowInsert::text(order.order_number), MultiRowInsert::text(order.status),
                   timestamp_text(order.ordered_at), MultiRowInsert::text(order.currency),
                   decimal_text(order.total), now});
      continue;
    }
    order_id_ = found->second;
    bind_order(order, customer_of(order));
    update_.execute(true);
  }
  changes.flush(database_);
  for (const auto& matching : IdList::matching(database_.dialect(), "order_id", replaced)) {
    sql << "DELETE FROM order_line WHERE " + matching;
  }

  const auto new_ids = IdReservation::next(database_, "sales_order", fresh.size());
  MultiRowInsert orders("sales_order",
                        {"id", "source_record_id", "customer_id", "customer_ref", "order_number", "status",
                         "ordered_at", "currency", "total", "created_at", "updated_at"});
  std::vector<ReferenceTarget<LinkedOrder>> created;
  for (std::size_t n = 0; n < fresh.size(); ++n) {
    const auto& p = pending_[fresh[n]];
    const auto& order = *p.order;
    const auto customer = customer_of(order);
    order_ids[fresh[n]] = new_ids[n];
    orders.add({std::to_string(new_ids[n]), std::to_string(p.source_record_id),
                MultiRowInsert::number(customer), MultiRowInsert::text(order.customer_ref),
                MultiRowInsert::text(order.order_number), MultiRowInsert::text(order.status),
                timestamp_text(order.ordered_at), MultiRowInsert::text(order.currency),
                decimal_text(order.total), now, now});
    created.push_back({LinkedOrder{new_ids[n], customer}, *p.external_id});
  }
  orders.flush(database_);
  linker_.link_waiting_for_orders(created);

  MultiRowInsert lines("order_line",
                       {"order_id", "line_no", "sku", "description", "quantity", "unit_price", "line_total"});
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    for (const auto& line : pending_[i].order->lines) {
      lines.add({std::to_string(order_ids[i]), std::to_string(line.line_no), MultiRowInsert::text(line.sku),
                 MultiRowInsert::text(line.description), line.quantity.to_string(),
                 decimal_text(line.unit_price), decimal_text(line.line_total)});
    }
  }
  lines.flush(database_);
  pending_.clear();
}

void OrderWriter::bind_order(const model::Order& order, std::optional<long long> customer_id) {
  customer_id_.set(customer_id);
  set_text(customer_ref_, order.customer_ref);
  set_text(order_number_, order.order_number);
  set_text(status_, order.status);
  ordered_at_.set(timestamp_text(order.ordered_at));
  set_text(currency_, order.currency);
  total_.set(decimal_text(order.total));
}

}  // namespace crmsync::store
