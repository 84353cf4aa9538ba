#include "daemon/scheduler/journey_customer_lookup.hpp"

#include <soci/soci.h>

namespace crmsync::scheduler {

JourneyCustomerLookup::JourneyCustomerLookup(store::Database& database) : database_(database) {}

std::optional<JourneyCustomer> JourneyCustomerLookup::find(long long customer_id) {
  auto& sql = database_.session();
  JourneyCustomer customer;
  soci::indicator name_i = soci::i_null, country_i = soci::i_null, phone_i = soci::i_null;
  sql << "SELECT c.id, c.name, c.country, c.phone_e164 FROM customer planned"
         " JOIN customer c ON c.id = COALESCE(planned.merged_into, planned.id) WHERE planned.id = :id",
      soci::into(customer.id), soci::into(customer.place.name, name_i),
      soci::into(customer.place.country, country_i), soci::into(customer.place.phone_e164, phone_i),
      soci::use(customer_id);
  if (!sql.got_data()) return std::nullopt;
  if (name_i != soci::i_ok) customer.place.name.clear();
  if (country_i != soci::i_ok) customer.place.country.clear();
  if (phone_i != soci::i_ok) customer.place.phone_e164.clear();
  return customer;
}

}  // namespace crmsync::scheduler
