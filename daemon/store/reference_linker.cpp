#include "daemon/store/reference_linker.hpp"

#include <utility>

namespace crmsync::store {

ReferenceLinker::ReferenceLinker(Database& database, std::string instance)
    : instance_(std::move(instance)),
      find_customer_((database.session().prepare
                          << "SELECT cl.customer_id FROM source_record sr"
                             " JOIN customer_link cl ON cl.source_record_id = sr.id"
                             " WHERE sr.instance = :instance AND sr.entity_type = 'customer'"
                             " AND sr.external_id = :reference ORDER BY sr.id LIMIT 1",
                      soci::use(instance_), soci::use(reference_), soci::into(found_id_))),
      find_order_((database.session().prepare << "SELECT so.id, so.customer_id FROM source_record sr"
                                                 " JOIN sales_order so ON so.source_record_id = sr.id"
                                                 " WHERE sr.instance = :instance AND sr.entity_type = 'order'"
                                                 " AND sr.external_id = :reference ORDER BY sr.id LIMIT 1",
                   soci::use(instance_), soci::use(reference_), soci::into(found_id_),
                   soci::into(found_customer_.value, found_customer_.indicator))),
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

std::optional<long long> ReferenceLinker::customer_for(const std::string& customer_ref) {
  if (customer_ref.empty()) return std::nullopt;
  reference_ = customer_ref;
  if (!find_customer_.execute(true)) return std::nullopt;
  return found_id_;
}

std::optional<LinkedOrder> ReferenceLinker::order_for(const std::string& order_ref) {
  if (order_ref.empty()) return std::nullopt;
  reference_ = order_ref;
  if (!find_order_.execute(true)) return std::nullopt;
  return LinkedOrder{found_id_, found_customer_.get()};
}

void ReferenceLinker::link_waiting_for_customer(long long customer_id, const std::string& external_id) {
  customer_id_ = customer_id;
  reference_ = external_id;
  link_orders_to_customer_.execute(true);
  const bool linked_orders = link_orders_to_customer_.get_affected_rows() > 0;
  link_feedback_to_customer_.execute(true);
  if (linked_orders) link_feedback_through_orders_.execute(true);
}

void ReferenceLinker::link_waiting_for_order(const LinkedOrder& order, const std::string& external_id) {
  order_id_ = order.order_id;
  order_customer_.set(order.customer_id);
  reference_ = external_id;
  link_feedback_to_order_.execute(true);
}

}  // namespace crmsync::store
