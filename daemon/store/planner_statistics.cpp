#include "daemon/store/planner_statistics.hpp"

#include <algorithm>
#include <exception>

#include <soci/soci.h>
#include <spdlog/spdlog.h>

namespace crmsync::store {

void PlannerStatistics::after_commit(std::size_t records_written) {
  if (database_.dialect() != Dialect::postgresql || records_written == 0 || given_up_) return;
  written_ += records_written;
  const std::size_t since = written_ - written_at_last_;
  if (since < std::max(first_analyze_at_, written_at_last_)) return;
  // The tables a batch looks keys up in or deletes from by key (a refreshed
  // golden customer's lineage, a re-sent record's value keys, an updated
  // order's lines); ANALYZE samples a fixed number of rows, so each run
  // costs about the same however large the store.
  // The batch is committed whatever happens here: a failure is reported, not thrown.
  try {
    database_.session()
        << "ANALYZE source_record, source_customer, identity_key, identity_key_count, "
           "identity_value_keys, customer_link, customer, customer_field_source, sales_order, "
           "order_line, feedback";
    spdlog::debug("database: planner statistics refreshed after {} records written", written_);
  } catch (const std::exception& e) {
    given_up_ = true;
    spdlog::warn("database: ANALYZE failed, lookups may be slow until autovacuum analyzes the tables: {}",
                 e.what());
  }
  written_at_last_ = written_;
}

}  // namespace crmsync::store
