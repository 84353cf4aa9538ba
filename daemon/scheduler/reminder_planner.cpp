#include "daemon/scheduler/reminder_planner.hpp"

#include <algorithm>

#include <soci/soci.h>

#include "daemon/scheduler/journey_customer_lookup.hpp"
#include "daemon/scheduler/outbox_store.hpp"
#include "daemon/scheduler/stored_time.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/utc_timestamp.hpp"
#include "daemon/store/write_transaction.hpp"

namespace crmsync::scheduler {
namespace {

struct CustomerContact {
  long long customer_id = 0;
  std::string last_contact;  // the latest of sent message, order, feedback, or when the customer appeared
};

// Golden customers of a tier with their last recorded contact.
std::vector<CustomerContact> contacts_of_tier(store::Database& database, const std::string& tier) {
  std::vector<CustomerContact> contacts;
  CustomerContact contact;
  std::string created_at;
  std::string sent_at, ordered_at, received_at;
  soci::indicator sent_i = soci::i_null, ordered_i = soci::i_null, received_i = soci::i_null;
  soci::statement rows =
      (database.session().prepare
           << "SELECT c.id, c.created_at,"
              " (SELECT MAX(x.sent_at) FROM outbox x JOIN customer m ON m.id = x.customer_id"
              " WHERE COALESCE(m.merged_into, m.id) = c.id AND x.status = 'sent'),"
              " (SELECT MAX(o.ordered_at) FROM sales_order o JOIN customer m"
              " ON m.id = o.customer_id WHERE COALESCE(m.merged_into, m.id) = c.id),"
              " (SELECT MAX(f.received_at) FROM feedback f JOIN customer m"
              " ON m.id = f.customer_id WHERE COALESCE(m.merged_into, m.id) = c.id)"
              " FROM customer c WHERE c.merged_into IS NULL AND c.tier = :tier ORDER BY c.id",
       soci::into(contact.customer_id), soci::into(created_at), soci::into(sent_at, sent_i),
       soci::into(ordered_at, ordered_i), soci::into(received_at, received_i), soci::use(tier));
  rows.execute();
  while (rows.fetch()) {
    // ISO 8601 UTC text: the greatest string is the latest time.
    contact.last_contact = created_at;
    if (sent_i == soci::i_ok) contact.last_contact = std::max(contact.last_contact, sent_at);
    if (ordered_i == soci::i_ok) contact.last_contact = std::max(contact.last_contact, ordered_at);
    if (received_i == soci::i_ok) contact.last_contact = std::max(contact.last_contact, received_at);
    contacts.push_back(contact);
  }
  return contacts;
}

bool is_at_risk(const config::AtRiskRule& rule, const std::string& kind, std::optional<int> score) {
  if (!rule.enabled) return false;
  if (kind == "complaint") return true;
  return kind == "nps" && score && *score <= rule.detractor_score;
}

}  // namespace

ReminderPlanner::ReminderPlanner(const config::JourneyConfig& journey, const sdk::Clock& clock)
    : journey_(journey), clock_(clock), locale_(journey.politeness) {}

void ReminderPlanner::on_batch_stored(store::Database& database, const store::BatchWrite&,
                                      const std::vector<store::StoredRecord>& stored,
                                      const std::string& now) {
  if (!journey_.enabled || journey_.reminders.channel.empty()) return;
  for (const auto& record : stored) {
    if (record.record->deleted || record.record->entity != sdk::EntityType::feedback) continue;
    // Read back what was stored: a reply linked to its survey has its kind and customer only now.
    long long feedback_id = 0;
    long long customer_id = 0;
    long long order_id = 0;
    int score = 0;
    std::string kind;
    soci::indicator customer_i = soci::i_null, order_i = soci::i_null, score_i = soci::i_null;
    auto& sql = database.session();
    sql << "SELECT id, customer_id, order_id, kind, score FROM feedback WHERE source_record_id = :id",
        soci::into(feedback_id), soci::into(customer_id, customer_i), soci::into(order_id, order_i),
        soci::into(kind), soci::into(score, score_i), soci::use(record.source_record_id);
    if (!sql.got_data() || customer_i != soci::i_ok) continue;
    const auto known_score = score_i == soci::i_ok ? std::optional<int>(score) : std::nullopt;
    if (!is_at_risk(journey_.reminders.at_risk, kind, known_score)) continue;
    plan(database, customer_id, order_i == soci::i_ok ? std::optional<long long>(order_id) : std::nullopt,
         "at_risk", "at_risk:feedback:" + std::to_string(feedback_id),
         journey_.reminders.at_risk.template_name, now);
  }
}

int ReminderPlanner::sweep(store::Database& database) {
  if (!journey_.enabled || journey_.reminders.channel.empty()) return 0;
  const auto now = std::chrono::floor<std::chrono::seconds>(clock_.now());
  const std::string now_text = store::UtcTimestamp::format(now);
  store::WriteTransaction transaction(database);
  int planned = 0;
  for (const auto& cadence : journey_.reminders.cadences) {
    for (const auto& contact : contacts_of_tier(database, cadence.tier)) {
      const auto last = parse_stored_time(contact.last_contact);
      if (last && *last + cadence.cadence > now) continue;
      const std::string key = "cadence:" + cadence.tier + ":" + std::to_string(contact.customer_id) + ":" +
                              (contact.last_contact.empty() ? std::string("never") : contact.last_contact);
      if (plan(database, contact.customer_id, std::nullopt, "cadence:" + cadence.tier, key,
               journey_.reminders.template_name, now_text)) {
        ++planned;
      }
    }
  }
  transaction.commit();
  return planned;
}

bool ReminderPlanner::plan(store::Database& database, long long customer_id,
                           std::optional<long long> order_id, const std::string& rule, const std::string& key,
                           const std::string& template_name, const std::string& now) {
  const auto customer = JourneyCustomerLookup(database).find(customer_id);
  if (!customer) return false;
  PlannedMessage message;
  message.kind = journey_.reminders.kind;
  message.customer_id = customer->id;
  message.order_id = order_id;
  message.rule = rule;
  message.idempotency_key = key;
  message.channel = journey_.reminders.channel;
  message.template_name = template_name;
  message.language = locale_.language(customer->place);
  // Owners are colleagues: no quiet hours, no fatigue cap, due at once.
  message.due_at = std::chrono::floor<std::chrono::seconds>(clock_.now());
  return OutboxStore(database).plan(message, now);
}

}  // namespace crmsync::scheduler
