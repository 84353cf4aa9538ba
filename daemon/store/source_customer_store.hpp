#pragma once

#include <string>
#include <vector>

#include "daemon/identity/golden_record_builder.hpp"
#include "daemon/model/customer.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/pending_customer.hpp"

namespace crmsync::store {

// Each customer source record's own normalised customer (`source_customer`):
// what matching compares and survivorship chooses from, kept apart from the
// golden record so that a merge can always be undone.
class SourceCustomerStore {
 public:
  explicit SourceCustomerStore(Database& database) : database_(database) {}

  // Replaces these records' rows, a few statements per batch (a record
  // listed twice keeps its last values). Keeps each record's own
  // "instance:external_id" among its same-record references, so that records
  // naming it find it.
  void save_all(const std::vector<PendingCustomer>& records);
  // Each record as load() reads it back once save_all() has written it, once
  // per record, without the database: the batch need not be read back.
  [[nodiscard]] static std::vector<identity::MemberRecord> as_stored(
      const std::vector<PendingCustomer>& records);
  // The records with these ids that exist, in no particular order.
  [[nodiscard]] std::vector<identity::MemberRecord> load(const std::vector<long long>& source_record_ids);
  // Every record, by id: the input of a full re-resolve.
  [[nodiscard]] std::vector<identity::MemberRecord> all();
  // The most recently stored records, at most `limit`: a sample for estimating weights.
  [[nodiscard]] std::vector<identity::MemberRecord> sample(std::size_t limit);
  [[nodiscard]] long long count();

 private:
  std::vector<identity::MemberRecord> select(const std::string& where_and_order);

  Database& database_;
};

}  // namespace crmsync::store
