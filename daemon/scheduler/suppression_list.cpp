#include "daemon/scheduler/suppression_list.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <soci/soci.h>

namespace crmsync::scheduler {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool known_reason(const std::string& reason) {
  return reason == "opted_out" || reason == "unsubscribed" || reason == "bounced" || reason == "erased";
}

}  // namespace

SuppressionList::SuppressionList(store::Database& database) : database_(database) {}

std::optional<std::string> SuppressionList::reason_for(long long customer_id, const std::string& address) {
  std::string reason;
  soci::indicator indicator = soci::i_null;
  const std::string key = lower(address);
  database_.session()
      << "SELECT MIN(reason) FROM suppression WHERE (address IS NOT NULL AND address = :address)"
         " OR customer_id IN (SELECT id FROM customer WHERE COALESCE(merged_into, id) = :customer_id)",
      soci::into(reason, indicator), soci::use(key), soci::use(customer_id);
  if (indicator != soci::i_ok) return std::nullopt;
  return reason;
}

void SuppressionList::add(const std::string& address, std::optional<long long> customer_id,
                          const std::string& reason, const std::string& source, const std::string& now) {
  if (!known_reason(reason)) throw std::invalid_argument("unknown suppression reason '" + reason + "'");
  const std::string key = lower(address);
  soci::indicator address_indicator = key.empty() ? soci::i_null : soci::i_ok;
  long long customer = customer_id.value_or(0);
  soci::indicator customer_indicator = customer_id ? soci::i_ok : soci::i_null;
  database_.session() << "INSERT INTO suppression (address, customer_id, reason, source, at)"
                         " VALUES (:address, :customer_id, :reason, :source, :at)",
      soci::use(key, address_indicator), soci::use(customer, customer_indicator), soci::use(reason),
      soci::use(source), soci::use(now);
}

}  // namespace crmsync::scheduler
