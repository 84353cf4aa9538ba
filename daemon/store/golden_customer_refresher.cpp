#include "daemon/store/golden_customer_refresher.hpp"

#include <map>
#include <vector>

#include <soci/soci.h>

namespace crmsync::store {

GoldenCustomerRefresher::GoldenCustomerRefresher(Database& database, const identity::SurvivorshipRules& rules)
    : database_(database), builder_(rules), writer_(database), links_(database), sources_(database) {}

long long GoldenCustomerRefresher::create(const identity::MemberRecord& first, const std::string& now) {
  return create_all({&first}, now).front();
}

std::vector<long long> GoldenCustomerRefresher::create_all(
    const std::vector<const identity::MemberRecord*>& firsts, const std::string& now) {
  std::vector<identity::GoldenRecord> goldens;
  goldens.reserve(firsts.size());
  for (const auto* first : firsts) goldens.push_back(builder_.build({*first}));
  return writer_.create_all(goldens, now);
}

void GoldenCustomerRefresher::refresh(const std::set<long long>& customer_ids, const std::string& now) {
  if (customer_ids.empty()) return;
  const std::vector<long long> ids(customer_ids.begin(), customer_ids.end());
  std::map<long long, std::vector<long long>> records_of;
  std::vector<long long> all_records;
  for (const auto& link : links_.members_of(ids)) {
    records_of[link.customer_id].push_back(link.source_record_id);
    all_records.push_back(link.source_record_id);
  }
  std::map<long long, identity::MemberRecord> loaded;
  for (auto& m : sources_.load(all_records)) loaded.emplace(m.source_record_id, std::move(m));
  std::vector<std::pair<long long, identity::GoldenRecord>> rebuilt;
  for (const auto id : ids) {
    std::vector<identity::MemberRecord> members;
    for (const auto record : records_of[id]) {
      if (const auto found = loaded.find(record); found != loaded.end()) members.push_back(found->second);
    }
    if (members.empty()) continue;  // emptied by a merge: kept, with merged_into set by the caller
    rebuilt.emplace_back(id, builder_.build(std::move(members)));
  }
  writer_.update_all(rebuilt, now);
}

void GoldenCustomerRefresher::repoint_references(long long source_record_id, long long customer_id) {
  auto& sql = database_.session();
  std::string instance;
  std::string external_id;
  sql << "SELECT instance, external_id FROM source_record WHERE id = :id", soci::use(source_record_id),
      soci::into(instance), soci::into(external_id);
  if (instance.empty()) return;
  // EXISTS per row rather than IN (SELECT ... WHERE instance = ...): SQLite
  // would build the IN list from every record of the instance on each call.
  sql << "UPDATE sales_order SET customer_id = :customer WHERE customer_ref = :ref AND EXISTS"
         " (SELECT 1 FROM source_record sr WHERE sr.id = sales_order.source_record_id"
         " AND sr.instance = :instance AND sr.entity_type = 'order')",
      soci::use(customer_id), soci::use(external_id), soci::use(instance);
  sql << "UPDATE feedback SET customer_id = :customer WHERE customer_ref = :ref AND EXISTS"
         " (SELECT 1 FROM source_record sr WHERE sr.id = feedback.source_record_id"
         " AND sr.instance = :instance AND sr.entity_type = 'feedback')",
      soci::use(customer_id), soci::use(external_id), soci::use(instance);
  // Feedback that names only its order follows the order.
  sql << "UPDATE feedback SET customer_id = (SELECT o.customer_id FROM sales_order o WHERE o.id = "
         "feedback.order_id)"
         " WHERE order_id IN (SELECT o.id FROM sales_order o WHERE o.customer_ref = :ref AND EXISTS"
         " (SELECT 1 FROM source_record sr WHERE sr.id = o.source_record_id"
         " AND sr.instance = :instance AND sr.entity_type = 'order'))",
      soci::use(external_id), soci::use(instance);
}

}  // namespace crmsync::store
