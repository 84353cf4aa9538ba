#include "daemon/scheduler/survey_planner.hpp"

#include <algorithm>

#include <soci/soci.h>

#include "daemon/scheduler/journey_customer_lookup.hpp"
#include "daemon/scheduler/outbox_store.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/utc_timestamp.hpp"
#include "daemon/store/write_transaction.hpp"

namespace crmsync::scheduler {
namespace {

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

struct StoredEvent {
  long long id = 0;
  long long customer_id = 0;
  bool has_customer = false;
  long long order_id = 0;
  bool has_order = false;
  std::string state;  // an order's status, a feedback's kind
};

std::optional<StoredEvent> stored_order(store::Database& database, long long source_record_id) {
  StoredEvent event;
  soci::indicator customer_i = soci::i_null, status_i = soci::i_null;
  auto& sql = database.session();
  sql << "SELECT id, customer_id, status FROM sales_order WHERE source_record_id = :id", soci::into(event.id),
      soci::into(event.customer_id, customer_i), soci::into(event.state, status_i),
      soci::use(source_record_id);
  if (!sql.got_data() || status_i != soci::i_ok) return std::nullopt;
  event.has_customer = customer_i == soci::i_ok;
  event.order_id = event.id;
  event.has_order = true;
  return event;
}

std::optional<StoredEvent> stored_feedback(store::Database& database, long long source_record_id) {
  StoredEvent event;
  soci::indicator customer_i = soci::i_null, order_i = soci::i_null;
  auto& sql = database.session();
  sql << "SELECT id, customer_id, order_id, kind FROM feedback WHERE source_record_id = :id",
      soci::into(event.id), soci::into(event.customer_id, customer_i), soci::into(event.order_id, order_i),
      soci::into(event.state), soci::use(source_record_id);
  if (!sql.got_data()) return std::nullopt;
  event.has_customer = customer_i == soci::i_ok;
  event.has_order = order_i == soci::i_ok;
  return event;
}

}  // namespace

SurveyPlanner::SurveyPlanner(const config::JourneyConfig& journey, const SurveyTokenSigner& signer,
                             const sdk::Clock& clock)
    : journey_(journey), signer_(signer), clock_(clock), locale_(journey.politeness) {}

void SurveyPlanner::on_batch_stored(store::Database& database, const store::BatchWrite&,
                                    const std::vector<store::StoredRecord>& stored, const std::string& now) {
  if (!journey_.enabled || journey_.surveys.empty()) return;
  for (const auto& record : stored) {
    if (record.record->deleted) continue;
    if (record.record->entity == sdk::EntityType::order) {
      const auto order = stored_order(database, record.source_record_id);
      if (!order || !order->has_customer) continue;  // plan_missed() catches it once linked
      for (const auto& rule : journey_.surveys) {
        if (contains(rule.order_statuses, order->state)) {
          plan(database, rule, order->customer_id, order->id, "order:" + std::to_string(order->id), now);
        }
      }
    } else if (record.record->entity == sdk::EntityType::feedback) {
      const auto feedback = stored_feedback(database, record.source_record_id);
      if (!feedback || !feedback->has_customer) continue;
      for (const auto& rule : journey_.surveys) {
        if (contains(rule.feedback_kinds, feedback->state)) {
          const auto order =
              feedback->has_order ? std::optional<long long>(feedback->order_id) : std::nullopt;
          plan(database, rule, feedback->customer_id, order, "feedback:" + std::to_string(feedback->id), now);
        }
      }
    }
  }
}

bool SurveyPlanner::plan(store::Database& database, const config::SurveyRule& rule, long long customer_id,
                         std::optional<long long> order_id, const std::string& event,
                         const std::string& now) {
  const auto customer = JourneyCustomerLookup(database).find(customer_id);
  if (!customer) return false;
  PlannedMessage message;
  message.kind = "survey_email";
  message.customer_id = customer->id;
  message.order_id = order_id;
  message.rule = rule.name;
  message.idempotency_key = "survey:" + rule.name + ":" + event;
  message.channel = rule.channel;
  message.template_name = rule.template_name;
  message.language = locale_.language(customer->place);
  message.survey = rule.survey;
  message.survey_token = signer_.sign(message.idempotency_key);
  message.due_at = std::chrono::floor<std::chrono::seconds>(clock_.now()) + rule.delay;
  return OutboxStore(database).plan(message, now);
}

int SurveyPlanner::plan_missed(store::Database& database, std::chrono::seconds lookback) {
  if (!journey_.enabled || journey_.surveys.empty()) return 0;
  const auto now = std::chrono::floor<std::chrono::seconds>(clock_.now());
  const std::string now_text = store::UtcTimestamp::format(now);
  const std::string since = store::UtcTimestamp::format(now - lookback);
  store::WriteTransaction transaction(database);
  std::vector<long long> ids(1000);
  std::vector<long long> customers(1000);
  std::vector<std::string> statuses(1000);
  int planned = 0;
  soci::statement select =
      (database.session().prepare << "SELECT id, customer_id, status FROM sales_order"
                                     " WHERE customer_id IS NOT NULL AND status IS NOT NULL"
                                     " AND updated_at >= :since ORDER BY id",
       soci::into(ids), soci::into(customers), soci::into(statuses), soci::use(since));
  select.execute();
  std::vector<StoredEvent> orders;
  while (select.fetch()) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      orders.push_back({ids[i], customers[i], true, ids[i], true, statuses[i]});
    }
  }
  for (const auto& order : orders) {
    for (const auto& rule : journey_.surveys) {
      if (contains(rule.order_statuses, order.state) &&
          plan(database, rule, order.customer_id, order.id, "order:" + std::to_string(order.id), now_text)) {
        ++planned;
      }
    }
  }
  transaction.commit();
  return planned;
}

}  // namespace crmsync::scheduler
