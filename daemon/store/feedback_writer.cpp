#include "daemon/store/feedback_writer.hpp"

#include "daemon/store/id_reservation.hpp"
#include "daemon/store/multi_row_insert.hpp"
#include "daemon/store/row_id_lookup.hpp"
#include "daemon/store/staged_update.hpp"
#include "daemon/store/utc_timestamp.hpp"

namespace crmsync::store {

FeedbackWriter::FeedbackWriter(Database& database, ReferenceLinker& linker)
    : database_(database),
      linker_(linker),
      update_(
          (database.session().prepare
               << "UPDATE feedback SET customer_id = :customer_id, order_id = :order_id,"
                  " customer_ref = :customer_ref, order_ref = :order_ref, kind = :kind, score = :score,"
                  " comment = :comment, received_at = :received_at, updated_at = :updated_at WHERE id = :id",
           soci::use(customer_id_.value, customer_id_.indicator),
           soci::use(order_id_.value, order_id_.indicator),
           soci::use(customer_ref_.value, customer_ref_.indicator),
           soci::use(order_ref_.value, order_ref_.indicator), soci::use(kind_),
           soci::use(score_.value, score_.indicator), soci::use(comment_.value, comment_.indicator),
           soci::use(received_at_.value, received_at_.indicator), soci::use(now_), soci::use(feedback_id_))) {
}

void FeedbackWriter::add(long long source_record_id, const model::Feedback& feedback, bool seen_before) {
  pending_.push_back({source_record_id, &feedback, seen_before});
}

void FeedbackWriter::flush(const std::string& now) {
  if (pending_.empty()) return;
  std::vector<std::string> customer_refs;
  std::vector<std::string> order_refs;
  std::vector<long long> seen;
  for (const auto& p : pending_) {
    customer_refs.push_back(p.feedback->customer_ref);
    order_refs.push_back(p.feedback->order_ref);
    if (p.seen_before) seen.push_back(p.source_record_id);
  }
  const auto customers = linker_.customers_for(customer_refs);
  const auto orders = linker_.orders_for(order_refs);
  const auto existing = RowIdLookup::by_source_record(database_, "feedback", seen);

  const auto ids = IdReservation::next(database_, "feedback", pending_.size() - existing.size());
  std::size_t next_id = 0;
  MultiRowInsert rows(
      "feedback", {"id", "source_record_id", "customer_id", "order_id", "customer_ref", "order_ref", "kind",
                   "score", "comment", "received_at", "created_at", "updated_at"});
  now_ = now;
  const bool staged = database_.dialect() == Dialect::postgresql;
  StagedUpdate changes("feedback", "feedback_changes",
                       {"customer_id", "order_id", "customer_ref", "order_ref", "kind", "score", "comment",
                        "received_at", "updated_at"});
  for (const auto& p : pending_) {
    const auto& feedback = *p.feedback;
    std::optional<long long> customer;
    if (const auto found = customers.find(feedback.customer_ref); found != customers.end())
      customer = found->second;
    std::optional<long long> order;
    if (const auto found = orders.find(feedback.order_ref); found != orders.end()) {
      order = found->second.order_id;
      if (!customer) customer = found->second.customer_id;
    }
    const auto received_at =
        feedback.received_at ? std::optional(UtcTimestamp::format(*feedback.received_at)) : std::nullopt;
    const auto score = feedback.score ? MultiRowInsert::Value(std::to_string(*feedback.score)) : std::nullopt;
    const auto found = existing.find(p.source_record_id);
    if (found != existing.end() && staged) {
      changes.add(found->second,
                  {MultiRowInsert::number(customer), MultiRowInsert::number(order),
                   MultiRowInsert::text(feedback.customer_ref), MultiRowInsert::text(feedback.order_ref),
                   feedback.kind, score, MultiRowInsert::text(feedback.comment), received_at, now});
      continue;
    }
    if (found != existing.end()) {
      feedback_id_ = found->second;
      customer_id_.set(customer);
      order_id_.set(order);
      set_text(customer_ref_, feedback.customer_ref);
      set_text(order_ref_, feedback.order_ref);
      kind_ = feedback.kind;
      score_.set(feedback.score);
      set_text(comment_, feedback.comment);
      received_at_.set(received_at);
      update_.execute(true);
      continue;
    }
    rows.add({std::to_string(ids.at(next_id++)), std::to_string(p.source_record_id),
              MultiRowInsert::number(customer), MultiRowInsert::number(order),
              MultiRowInsert::text(feedback.customer_ref), MultiRowInsert::text(feedback.order_ref),
              feedback.kind, score, MultiRowInsert::text(feedback.comment), received_at, now, now});
  }
  changes.flush(database_);
  rows.flush(database_);
  pending_.clear();
}

}  // namespace crmsync::store
