#include "daemon/store/reference_linker.hpp"

#include <functional>
#include <optional>
#include <set>
#include <utility>

#include "daemon/store/keyed_select.hpp"
#include "daemon/store/row_value.hpp"

namespace crmsync::store {
namespace {

// Rows of (reference, source record id, value...): per non-empty reference,
// the value of the first stored record, should two streams use one id. A row
// whose value_of is empty (a record with no customer or order row) is skipped.
template <typename Value>
std::unordered_map<std::string, Value> first_per_reference(
    KeyedSelect& select, const std::vector<std::string>& refs,
    const std::function<std::optional<Value>(const soci::row&)>& value_of) {
  std::vector<std::string> wanted;
  for (const auto& ref : refs) {
    if (!ref.empty()) wanted.push_back(ref);
  }
  std::unordered_map<std::string, std::pair<long long, Value>> first;
  select.run(wanted, [&](const soci::row& row) {
    auto value = value_of(row);
    if (!value) return;
    const auto record = RowValue::integer(row, 1);
    auto [it, added] = first.try_emplace(RowValue::text(row, 0), record, *value);
    if (!added && record < it->second.first) it->second = {record, std::move(*value)};
  });
  std::unordered_map<std::string, Value> out;
  for (auto& [ref, found] : first) out.emplace(ref, std::move(found.second));
  return out;
}

}  // namespace

ReferenceLinker::ReferenceLinker(Database& database, std::string instance)
    : database_(database),
      instance_(std::move(instance)),
      link_orders_to_customer_(
          (database.session().prepare
               << "UPDATE sales_order SET customer_id = :customer_id"
                  " WHERE customer_id IS NULL AND customer_ref = :reference AND EXISTS"
                  " (SELECT 1 FROM source_record sr"
                  " WHERE sr.id = sales_order.source_record_id AND sr.instance = :instance)",
           soci::use(customer_id_), soci::use(reference_), soci::use(instance_))),
      link_feedback_to_customer_(
          (database.session().prepare
               << "UPDATE feedback SET customer_id = :customer_id"
                  " WHERE customer_id IS NULL AND customer_ref = :reference AND EXISTS"
                  " (SELECT 1 FROM source_record sr"
                  " WHERE sr.id = feedback.source_record_id AND sr.instance = :instance)",
           soci::use(customer_id_), soci::use(reference_), soci::use(instance_))),
      // Feedback that names only its order gets the order's customer.
      link_feedback_through_orders_(
          (database.session().prepare
               << "UPDATE feedback SET customer_id = :customer_id"
                  " WHERE customer_id IS NULL AND order_id IN"
                  " (SELECT so.id FROM sales_order so WHERE so.customer_id = :same_customer)",
           soci::use(customer_id_), soci::use(customer_id_))),
      link_feedback_to_order_((database.session().prepare
                                   << "UPDATE feedback SET order_id = :order_id,"
                                      " customer_id = COALESCE(customer_id, :customer_id)"
                                      " WHERE order_id IS NULL AND order_ref = :reference AND EXISTS"
                                      " (SELECT 1 FROM source_record sr"
                                      " WHERE sr.id = feedback.source_record_id AND sr.instance = :instance)",
                               soci::use(order_id_),
                               soci::use(order_customer_.value, order_customer_.indicator),
                               soci::use(reference_), soci::use(instance_))) {}

// The linked row is looked up per reference by a subquery, not joined: as a
// join, PostgreSQL's planner often hashed the whole customer_link table for
// each batch of 1,000 references, a cost that grew with the store (37 to 47 ms
// against 19 ms a call at 300,000 records).
std::unordered_map<std::string, long long> ReferenceLinker::customers_for(
    const std::vector<std::string>& refs) {
  KeyedSelect select(database_,
                     "SELECT sr.external_id, sr.id,"
                     " (SELECT cl.customer_id FROM customer_link cl WHERE cl.source_record_id = sr.id)"
                     " FROM source_record sr"
                     " WHERE sr.instance = :instance AND sr.entity_type = 'customer' AND sr.external_id",
                     {instance_});
  return first_per_reference<long long>(select, refs, [](const soci::row& row) -> std::optional<long long> {
    if (RowValue::is_null(row, 2)) return std::nullopt;
    return RowValue::integer(row, 2);
  });
}

std::unordered_map<std::string, LinkedOrder> ReferenceLinker::orders_for(
    const std::vector<std::string>& refs) {
  KeyedSelect select(database_,
                     "SELECT sr.external_id, sr.id,"
                     " (SELECT so.id FROM sales_order so WHERE so.source_record_id = sr.id),"
                     " (SELECT so.customer_id FROM sales_order so WHERE so.source_record_id = sr.id)"
                     " FROM source_record sr"
                     " WHERE sr.instance = :instance AND sr.entity_type = 'order' AND sr.external_id",
                     {instance_});
  return first_per_reference<LinkedOrder>(select, refs,
                                          [](const soci::row& row) -> std::optional<LinkedOrder> {
                                            if (RowValue::is_null(row, 2)) return std::nullopt;
                                            LinkedOrder order{RowValue::integer(row, 2), std::nullopt};
                                            if (!RowValue::is_null(row, 3))
                                              order.customer_id = RowValue::integer(row, 3);
                                            return order;
                                          });
}

std::vector<std::string> ReferenceLinker::waiting(const std::string& table, const std::string& column,
                                                  const std::string& linked_column,
                                                  const std::vector<std::string>& refs) {
  std::vector<std::string> out;
  // Driven by the references (EXISTS, not a join): as a join, SQLite's
  // planner read every source record of the instance for each lookup, a cost
  // that grew with the store.
  KeyedSelect select(database_,
                     "SELECT DISTINCT t." + column + " FROM " + table + " t WHERE t." + linked_column +
                         " IS NULL AND EXISTS (SELECT 1 FROM source_record sr"
                         " WHERE sr.id = t.source_record_id AND sr.instance = :instance) AND t." +
                         column,
                     {instance_});
  select.run(refs, [&](const soci::row& row) { out.push_back(RowValue::text(row, 0)); });
  return out;
}

void ReferenceLinker::link_waiting_for_customers(const std::vector<ReferenceTarget<long long>>& customers) {
  // Usually nothing waits (customers arrive before what names them): one
  // lookup per batch finds the few references that do.
  std::vector<std::string> refs;
  for (const auto& customer : customers) refs.push_back(customer.external_id);
  std::set<std::string> waited_on;
  for (auto& ref : waiting("sales_order", "customer_ref", "customer_id", refs))
    waited_on.insert(std::move(ref));
  for (auto& ref : waiting("feedback", "customer_ref", "customer_id", refs)) waited_on.insert(std::move(ref));
  if (waited_on.empty()) return;
  for (const auto& customer : customers) {
    if (!waited_on.contains(customer.external_id)) continue;
    customer_id_ = customer.target;
    reference_ = customer.external_id;
    link_orders_to_customer_.execute(true);
    const bool linked_orders = link_orders_to_customer_.get_affected_rows() > 0;
    link_feedback_to_customer_.execute(true);
    if (linked_orders) link_feedback_through_orders_.execute(true);
  }
}

void ReferenceLinker::link_waiting_for_orders(const std::vector<ReferenceTarget<LinkedOrder>>& orders) {
  std::vector<std::string> refs;
  for (const auto& order : orders) refs.push_back(order.external_id);
  std::set<std::string> waited_on;
  for (auto& ref : waiting("feedback", "order_ref", "order_id", refs)) waited_on.insert(std::move(ref));
  if (waited_on.empty()) return;
  for (const auto& order : orders) {
    if (!waited_on.contains(order.external_id)) continue;
    order_id_ = order.target.order_id;
    order_customer_.set(order.target.customer_id);
    reference_ = order.external_id;
    link_feedback_to_order_.execute(true);
  }
}

}  // namespace crmsync::store
