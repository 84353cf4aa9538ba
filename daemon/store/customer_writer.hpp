#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>

#include <soci/soci.h>

#include "daemon/model/customer.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/inserted_id.hpp"
#include "daemon/store/nullable_column.hpp"
#include "daemon/store/reference_linker.hpp"

namespace crmsync::store {

// Writes the golden customer of a customer source record. For now every
// source record is its own golden customer (link rule "source", lineage rule
// "single_source"); identity resolution will merge them later.
class CustomerWriter {
 public:
  CustomerWriter(Database& database, ReferenceLinker& linker);
  CustomerWriter(const CustomerWriter&) = delete;
  CustomerWriter& operator=(const CustomerWriter&) = delete;

  void write(long long source_record_id, const std::string& external_id, const model::Customer& customer,
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

  void bind_columns(const model::Customer& customer);
  void create(long long source_record_id, const std::string& external_id);
  void record_field_sources(const model::Customer& customer);
  soci::statement& field_source_insert(std::size_t fields);
  void bind_columns(soci::details::prepare_temp_type& prepared);
  soci::statement prepare_insert();
  soci::statement prepare_update();

  soci::session& sql_;
  ReferenceLinker& linker_;
  InsertedId inserted_id_;
  Columns columns_;
  std::string now_;
  long long customer_id_ = 0;
  long long source_record_id_ = 0;
  static constexpr std::size_t kLineageFields = 14;
  std::array<std::string, kLineageFields> fields_;

  soci::statement find_link_;
  soci::statement insert_customer_;
  soci::statement update_customer_;
  soci::statement insert_link_;
  soci::statement delete_field_sources_;
  // One multi-row INSERT per number of fields, prepared when first needed:
  // one round trip per customer instead of one per field.
  std::map<std::size_t, soci::statement> insert_field_sources_;
};

}  // namespace crmsync::store
