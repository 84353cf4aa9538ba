#include "daemon/store/golden_customer_store.hpp"

#include <soci/soci.h>

namespace crmsync::store {

std::optional<GoldenCustomerState> GoldenCustomerStore::find(long long customer_id) {
  GoldenCustomerState state;
  long long merged_into = 0;
  soci::indicator merged_present = soci::i_null;
  soci::indicator name_present = soci::i_null;
  soci::statement select =
      (database_.session().prepare << "SELECT id, merged_into, name FROM customer WHERE id = :id",
       soci::use(customer_id), soci::into(state.id), soci::into(merged_into, merged_present),
       soci::into(state.name, name_present));
  select.execute(true);
  if (!select.got_data()) return std::nullopt;
  if (merged_present == soci::i_ok) state.merged_into = merged_into;
  if (name_present != soci::i_ok) state.name.clear();
  return state;
}

void GoldenCustomerStore::set_merged_into(long long customer_id, std::optional<long long> into) {
  long long target = into.value_or(0);
  soci::indicator present = into ? soci::i_ok : soci::i_null;
  database_.session() << "UPDATE customer SET merged_into = :into WHERE id = :id", soci::use(target, present),
      soci::use(customer_id);
}

void GoldenCustomerStore::move_references(long long from, long long into) {
  auto& sql = database_.session();
  sql << "UPDATE sales_order SET customer_id = :into WHERE customer_id = :from", soci::use(into),
      soci::use(from);
  sql << "UPDATE feedback SET customer_id = :into WHERE customer_id = :from", soci::use(into),
      soci::use(from);
}

}  // namespace crmsync::store
