#include "daemon/scheduler/reply_linker.hpp"

#include <sstream>
#include <variant>

#include <soci/soci.h>

#include "daemon/store/database.hpp"

namespace crmsync::scheduler {
namespace {

bool fits_scale(const std::string& survey, int score) {
  if (survey == "nps") return score >= 0 && score <= 10;
  if (survey == "csat") return score >= 1 && score <= 5;
  return false;
}

std::string lower(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// "<a@x>" stays as it is; a bare "a@x" gets its angle brackets, as stored.
std::string as_message_id(const std::string& text) {
  if (text.empty() || text.front() == '<') return text;
  return "<" + text + ">";
}

void link_to_sender(store::Database& database, long long source_record_id, const std::string& from_email,
                    const std::string& now) {
  if (from_email.empty()) return;
  long long customer_id = 0;
  // Named: SOCI runs the statement after the expression's temporaries are gone.
  const std::string address = lower(from_email);
  auto& sql = database.session();
  sql << "SELECT MIN(id) FROM customer WHERE merged_into IS NULL AND LOWER(primary_email) = :address",
      soci::into(customer_id), soci::use(address);
  if (!sql.got_data() || customer_id == 0) return;
  sql << "UPDATE feedback SET customer_id = :customer_id, updated_at = :now WHERE source_record_id = :id",
      soci::use(customer_id), soci::use(now), soci::use(source_record_id);
}

}  // namespace

ReplyLinker::ReplyLinker(const SurveyTokenSigner& signer) : signer_(signer) {}

void ReplyLinker::on_batch_stored(store::Database& database, const store::BatchWrite&,
                                  const std::vector<store::StoredRecord>& stored, const std::string& now) {
  for (const auto& record : stored) {
    if (record.record->deleted) continue;
    const auto* reply = std::get_if<model::Feedback>(&record.record->data);
    if (reply == nullptr || !reply->is_reply()) continue;
    const auto answered = answered_message(database, *reply);
    if (!answered) {
      link_to_sender(database, record.source_record_id, reply->from_email, now);
      continue;
    }
    // A bare score answers the survey it replies to; a reply the connector
    // read as another scale ("very satisfied" is CSAT 5) keeps its own kind.
    std::string kind = reply->kind;
    const bool unscaled = kind == "note" || kind == answered->survey;
    if (unscaled && reply->score && fits_scale(answered->survey, *reply->score)) kind = answered->survey;
    long long order_id = answered->order_id.value_or(0);
    soci::indicator order_i = answered->order_id ? soci::i_ok : soci::i_null;
    database.session()
        << "UPDATE feedback SET customer_id = :customer_id, order_id = :order_id, kind = :kind,"
           " updated_at = :now WHERE source_record_id = :id",
        soci::use(answered->customer_id), soci::use(order_id, order_i), soci::use(kind), soci::use(now),
        soci::use(record.source_record_id);
  }
}

std::optional<ReplyLinker::AnsweredMessage> ReplyLinker::answered_message(store::Database& database,
                                                                          const model::Feedback& reply) {
  if (!reply.in_reply_to.empty()) {
    if (auto found = by_message_id(database, as_message_id(reply.in_reply_to))) return found;
  }
  std::istringstream references(reply.references);
  for (std::string message_id; references >> message_id;) {
    if (auto found = by_message_id(database, as_message_id(message_id))) return found;
  }
  if (!reply.survey_token.empty()) return by_token(database, reply.survey_token);
  return std::nullopt;
}

std::optional<ReplyLinker::AnsweredMessage> ReplyLinker::by_message_id(store::Database& database,
                                                                       const std::string& message_id) {
  AnsweredMessage answered;
  long long order_id = 0;
  soci::indicator order_i = soci::i_null, survey_i = soci::i_null;
  auto& sql = database.session();
  sql << "SELECT customer_id, order_id, survey FROM outbox WHERE message_id = :message_id AND status = "
         "'sent'",
      soci::into(answered.customer_id), soci::into(order_id, order_i), soci::into(answered.survey, survey_i),
      soci::use(message_id);
  if (!sql.got_data()) return std::nullopt;
  if (order_i == soci::i_ok) answered.order_id = order_id;
  if (survey_i != soci::i_ok) answered.survey.clear();
  return answered;
}

std::optional<ReplyLinker::AnsweredMessage> ReplyLinker::by_token(store::Database& database,
                                                                  const std::string& token) {
  AnsweredMessage answered;
  long long order_id = 0;
  std::string key;
  soci::indicator order_i = soci::i_null, survey_i = soci::i_null;
  auto& sql = database.session();
  sql << "SELECT customer_id, order_id, survey, idempotency_key FROM outbox WHERE survey_token = :token",
      soci::into(answered.customer_id), soci::into(order_id, order_i), soci::into(answered.survey, survey_i),
      soci::into(key), soci::use(token);
  // A token copied into a reply is still checked: the outbox lookup alone
  // would accept any string that happens to be stored.
  if (!sql.got_data() || !signer_.verify(token, key)) return std::nullopt;
  if (order_i == soci::i_ok) answered.order_id = order_id;
  if (survey_i != soci::i_ok) answered.survey.clear();
  return answered;
}

}  // namespace crmsync::scheduler
