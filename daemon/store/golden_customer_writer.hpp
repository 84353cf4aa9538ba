#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "daemon/identity/golden_record_builder.hpp"
#include "daemon/model/customer.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/nullable_column.hpp"

namespace crmsync::store {

// Writes golden customers (table `customer`) with their field lineage
// (`customer.field_sources`, read through the customer_field_source view),
// many at a time.
class GoldenCustomerWriter {
 public:
  explicit GoldenCustomerWriter(Database& database);
  GoldenCustomerWriter(const GoldenCustomerWriter&) = delete;
  GoldenCustomerWriter& operator=(const GoldenCustomerWriter&) = delete;

  // Writes many new customers in multi-row statements; returns their ids, in order.
  std::vector<long long> create_all(const std::vector<identity::GoldenRecord>& goldens,
                                    const std::string& now);
  // Rewrites existing customers and their lineage in a few statements. A
  // customer listed twice ends with its last version.
  void update_all(const std::vector<std::pair<long long, identity::GoldenRecord>>& goldens,
                  const std::string& now);

 private:
  struct Columns {
    std::string kind;
    NullableText name;
    NullableText name_key;
    NullableText primary_email;
    NullableText email_raw;
    NullableText phone_e164;
    NullableText phone_raw;
    int phone_valid = 0;
    NullableText company;
    NullableText country;
    NullableText city;
    NullableText address;
    NullableText postcode;
    NullableText date_of_birth;
    NullableText tax_id;
    NullableText tier;
    NullableText lifecycle_stage;
    NullableText owner;
  };

  // PostgreSQL: the new versions go through COPY into a staging table, and
  // one UPDATE ... FROM applies them, instead of a round trip per customer.
  void update_staged(const std::vector<std::pair<long long, identity::GoldenRecord>>& goldens,
                     const std::string& now);
  void bind_columns(const model::Customer& customer);
  void bind_columns(soci::details::prepare_temp_type& prepared);
  soci::statement prepare_update();

  Database& database_;
  soci::session& sql_;
  Columns columns_;
  std::string field_sources_;
  std::string now_;  // updated_at: the golden record's own, else the time of writing
  long long customer_id_ = 0;

  soci::statement update_customer_;
};

}  // namespace crmsync::store
