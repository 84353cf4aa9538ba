#pragma once

#include <set>
#include <string>
#include <vector>

#include "daemon/identity/golden_record_builder.hpp"
#include "daemon/store/customer_link_store.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/golden_customer_writer.hpp"
#include "daemon/store/source_customer_store.hpp"

namespace crmsync::store {

// Rebuilds golden customers from their linked records after links changed,
// and points orders and feedback at the customer their customer record now
// belongs to.
class GoldenCustomerRefresher {
 public:
  GoldenCustomerRefresher(Database& database, const identity::SurvivorshipRules& rules);

  // A new golden customer for records not yet linked anywhere.
  long long create(const identity::MemberRecord& first, const std::string& now);
  // As create(), for many records at once (multi-row statements); ids in order.
  std::vector<long long> create_all(const std::vector<const identity::MemberRecord*>& firsts,
                                    const std::string& now);
  // Rebuilds each customer from its records; one left without records is
  // left as it was (whoever emptied it sets its merged_into).
  void refresh(const std::set<long long>& customer_ids, const std::string& now);
  // Orders and feedback of the record's instance that name it by external id
  // now belong to `customer_id`.
  void repoint_references(long long source_record_id, long long customer_id);

 private:
  Database& database_;
  identity::GoldenRecordBuilder builder_;
  GoldenCustomerWriter writer_;
  CustomerLinkStore links_;
  SourceCustomerStore sources_;
};

}  // namespace crmsync::store
