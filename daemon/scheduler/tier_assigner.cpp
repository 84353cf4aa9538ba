#include "daemon/scheduler/tier_assigner.hpp"

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "daemon/store/utc_timestamp.hpp"
#include "daemon/store/write_transaction.hpp"

namespace crmsync::scheduler {
namespace {

struct CustomerTier {
  long long id = 0;
  std::string tier;  // "" when none
};

// Golden customers whose tier the rules decide.
std::vector<CustomerTier> rule_driven_customers(store::Database& database, bool from_source) {
  std::vector<CustomerTier> customers;
  const std::string stated = from_source
                                 ? " AND NOT EXISTS (SELECT 1 FROM customer_link l JOIN source_customer s"
                                   " ON s.source_record_id = l.source_record_id WHERE l.customer_id = c.id"
                                   " AND s.tier IS NOT NULL AND s.tier <> '')"
                                 : "";
  std::vector<long long> ids(500);
  std::vector<std::string> tiers(500);
  std::vector<soci::indicator> tier_indicators(500);
  soci::statement select = (database.session().prepare << "SELECT c.id, c.tier FROM customer c"
                                                          " WHERE c.merged_into IS NULL" +
                                                              stated + " ORDER BY c.id",
                            soci::into(ids), soci::into(tiers, tier_indicators));
  select.execute();
  while (select.fetch()) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      customers.push_back({ids[i], tier_indicators[i] == soci::i_ok ? tiers[i] : std::string()});
    }
    ids.resize(500);
    tiers.resize(500);
    tier_indicators.resize(500);
  }
  return customers;
}

double order_value_since(store::Database& database, long long customer_id, const std::string& since,
                         const std::string& currency) {
  const std::string amount =
      database.dialect() == store::Dialect::sqlite ? "CAST(o.total AS REAL)" : "o.total";
  double value = 0;
  soci::indicator indicator = soci::i_null;
  const std::string query = "SELECT SUM(" + amount +
                            ") FROM sales_order o JOIN customer m ON m.id = o.customer_id"
                            " WHERE COALESCE(m.merged_into, m.id) = :id AND o.ordered_at >= :since";
  if (currency.empty()) {
    database.session() << query, soci::into(value, indicator), soci::use(customer_id), soci::use(since);
  } else {
    database.session() << query + " AND o.currency = :currency", soci::into(value, indicator),
        soci::use(customer_id), soci::use(since), soci::use(currency);
  }
  return indicator == soci::i_ok ? value : 0;
}

}  // namespace

TierAssigner::TierAssigner(const config::TierRules& rules, const sdk::Clock& clock)
    : rules_(rules), clock_(clock) {}

int TierAssigner::refresh(store::Database& database) {
  if (rules_.rules.empty()) return 0;
  const auto now = std::chrono::floor<std::chrono::seconds>(clock_.now());
  const std::string now_text = store::UtcTimestamp::format(now);
  store::WriteTransaction transaction(database);
  int changed = 0;
  for (const auto& customer : rule_driven_customers(database, rules_.from_source)) {
    std::string tier;
    for (const auto& rule : rules_.rules) {
      const std::string since = store::UtcTimestamp::format(now - rule.window);
      if (order_value_since(database, customer.id, since, rules_.currency) >= rule.min_order_value) {
        tier = rule.tier;
        break;
      }
    }
    if (tier == customer.tier) continue;
    soci::indicator tier_indicator = tier.empty() ? soci::i_null : soci::i_ok;
    database.session() << "UPDATE customer SET tier = :tier, updated_at = :now WHERE id = :id",
        soci::use(tier, tier_indicator), soci::use(now_text), soci::use(customer.id);
    ++changed;
  }
  transaction.commit();
  return changed;
}

}  // namespace crmsync::scheduler
