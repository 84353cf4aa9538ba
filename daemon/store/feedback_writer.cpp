#include "daemon/store/feedback_writer.hpp"

#include "daemon/store/utc_timestamp.hpp"

namespace crmsync::store {

FeedbackWriter::FeedbackWriter(Database& database, ReferenceLinker& linker)
    : linker_(linker),
      find_(
          (database.session().prepare << "SELECT id FROM feedback WHERE source_record_id = :source_record_id",
           soci::use(source_record_id_), soci::into(feedback_id_))),
      insert_(
          (database.session().prepare
               << "INSERT INTO feedback (source_record_id, customer_id, order_id, customer_ref, order_ref,"
                  " kind, score, comment, received_at, created_at, updated_at) VALUES (:source_record_id,"
                  " :customer_id, :order_id, :customer_ref, :order_ref, :kind, :score, :comment,"
                  " :received_at, :created_at, :updated_at)",
           soci::use(source_record_id_), soci::use(customer_id_.value, customer_id_.indicator),
           soci::use(order_id_.value, order_id_.indicator),
           soci::use(customer_ref_.value, customer_ref_.indicator),
           soci::use(order_ref_.value, order_ref_.indicator), soci::use(kind_),
           soci::use(score_.value, score_.indicator), soci::use(comment_.value, comment_.indicator),
           soci::use(received_at_.value, received_at_.indicator), soci::use(now_), soci::use(now_))),
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

void FeedbackWriter::write(long long source_record_id, const model::Feedback& feedback,
                           const std::string& now) {
  bind_feedback(feedback);
  now_ = now;
  source_record_id_ = source_record_id;
  if (find_.execute(true)) {
    update_.execute(true);
  } else {
    insert_.execute(true);
  }
}

void FeedbackWriter::bind_feedback(const model::Feedback& feedback) {
  const auto order = linker_.order_for(feedback.order_ref);
  auto customer = linker_.customer_for(feedback.customer_ref);
  if (!customer && order) customer = order->customer_id;
  customer_id_.set(customer);
  order_id_.set(order ? std::optional(order->order_id) : std::nullopt);
  set_text(customer_ref_, feedback.customer_ref);
  set_text(order_ref_, feedback.order_ref);
  kind_ = feedback.kind;
  score_.set(feedback.score);
  set_text(comment_, feedback.comment);
  received_at_.set(feedback.received_at ? std::optional(UtcTimestamp::format(*feedback.received_at))
                                        : std::nullopt);
}

}  // namespace crmsync::store
