#include "daemon/store/golden_customer_writer.hpp"

#include <utility>

#include <nlohmann/json.hpp>

#include "daemon/store/id_reservation.hpp"
#include "daemon/store/multi_row_insert.hpp"
#include "daemon/store/staged_update.hpp"

namespace crmsync::store {
namespace {

// The golden columns `golden_values` fills, in its order.
const std::vector<std::string> kGoldenColumns{
    "kind",        "name",    "name_key",        "primary_email", "email_raw", "phone_e164", "phone_raw",
    "phone_valid", "company", "country",         "city",          "address",   "postcode",   "date_of_birth",
    "tax_id",      "tier",    "lifecycle_stage", "owner"};

std::vector<MultiRowInsert::Value> golden_values(const model::Customer& c) {
  using V = MultiRowInsert;
  return {c.kind,
          V::text(c.name),
          V::text(c.name_key),
          V::text(c.email ? c.email->canonical : ""),
          V::text(c.email ? c.email->raw : ""),
          V::text(c.phone ? c.phone->e164 : ""),
          V::text(c.phone ? c.phone->raw : ""),
          std::string(c.phone && c.phone->valid ? "1" : "0"),
          V::text(c.company),
          V::text(c.country),
          V::text(c.city),
          V::text(c.address),
          V::text(c.postcode),
          V::text(c.date_of_birth),
          V::text(c.tax_id),
          V::text(c.tier),
          V::text(c.lifecycle_stage),
          V::text(c.owner)};
}

// The lineage as `customer.field_sources` keeps it and the
// customer_field_source view reads it: [["name", 17, "most_recent"], ...].
std::string field_sources(const std::vector<identity::FieldLineage>& lineage) {
  auto list = nlohmann::json::array();
  for (const auto& entry : lineage) {
    list.push_back(nlohmann::json::array({entry.field, entry.source_record_id, entry.rule}));
  }
  return list.dump();
}

}  // namespace

GoldenCustomerWriter::GoldenCustomerWriter(Database& database)
    : database_(database), sql_(database.session()), update_customer_(prepare_update()) {}

// The 18 golden columns in the order the update statement names them.
void GoldenCustomerWriter::bind_columns(soci::details::prepare_temp_type& prepared) {
  auto& c = columns_;
  prepared, soci::use(c.kind), soci::use(c.name.value, c.name.indicator),
      soci::use(c.name_key.value, c.name_key.indicator),
      soci::use(c.primary_email.value, c.primary_email.indicator),
      soci::use(c.email_raw.value, c.email_raw.indicator),
      soci::use(c.phone_e164.value, c.phone_e164.indicator),
      soci::use(c.phone_raw.value, c.phone_raw.indicator), soci::use(c.phone_valid),
      soci::use(c.company.value, c.company.indicator), soci::use(c.country.value, c.country.indicator),
      soci::use(c.city.value, c.city.indicator), soci::use(c.address.value, c.address.indicator),
      soci::use(c.postcode.value, c.postcode.indicator),
      soci::use(c.date_of_birth.value, c.date_of_birth.indicator),
      soci::use(c.tax_id.value, c.tax_id.indicator), soci::use(c.tier.value, c.tier.indicator),
      soci::use(c.lifecycle_stage.value, c.lifecycle_stage.indicator),
      soci::use(c.owner.value, c.owner.indicator);
}

soci::statement GoldenCustomerWriter::prepare_update() {
  auto prepared =
      (sql_.prepare << "UPDATE customer SET kind = :kind, name = :name, name_key = :name_key,"
                       " primary_email = :primary_email, email_raw = :email_raw, phone_e164 = :phone_e164,"
                       " phone_raw = :phone_raw, phone_valid = :phone_valid, company = :company,"
                       " country = :country, city = :city, address = :address, postcode = :postcode,"
                       " date_of_birth = :date_of_birth, tax_id = :tax_id, tier = :tier,"
                       " lifecycle_stage = :lifecycle_stage, owner = :owner, field_sources = :field_sources,"
                       " updated_at = :updated_at WHERE id = :id");
  bind_columns(prepared);
  prepared, soci::use(field_sources_), soci::use(now_), soci::use(customer_id_);
  return prepared;
}

std::vector<long long> GoldenCustomerWriter::create_all(const std::vector<identity::GoldenRecord>& goldens,
                                                        const std::string& now) {
  auto ids = IdReservation::next(database_, "customer", goldens.size());
  std::vector<std::string> columns{"id"};
  columns.insert(columns.end(), kGoldenColumns.begin(), kGoldenColumns.end());
  columns.insert(columns.end(), {"field_sources", "created_at", "updated_at"});
  MultiRowInsert customers("customer", columns);
  for (std::size_t i = 0; i < goldens.size(); ++i) {
    auto row = golden_values(goldens[i].customer);
    row.insert(row.begin(), std::to_string(ids[i]));
    row.emplace_back(field_sources(goldens[i].lineage));
    row.emplace_back(now);
    row.emplace_back(goldens[i].updated_at.empty() ? now : goldens[i].updated_at);
    customers.add(std::move(row));
  }
  customers.flush(database_);
  return ids;
}

void GoldenCustomerWriter::update_all(
    const std::vector<std::pair<long long, identity::GoldenRecord>>& goldens, const std::string& now) {
  if (database_.dialect() == Dialect::postgresql) {
    update_staged(goldens, now);
    return;
  }
  for (const auto& [id, golden] : goldens) {
    bind_columns(golden.customer);
    field_sources_ = field_sources(golden.lineage);
    now_ = golden.updated_at.empty() ? now : golden.updated_at;
    customer_id_ = id;
    update_customer_.execute(true);
  }
}

void GoldenCustomerWriter::update_staged(
    const std::vector<std::pair<long long, identity::GoldenRecord>>& goldens, const std::string& now) {
  std::vector<std::string> columns(kGoldenColumns);
  columns.insert(columns.end(), {"field_sources", "updated_at"});
  StagedUpdate staged("customer", "customer_refresh", columns);
  for (const auto& [id, golden] : goldens) {
    auto row = golden_values(golden.customer);
    row.emplace_back(field_sources(golden.lineage));
    row.emplace_back(golden.updated_at.empty() ? now : golden.updated_at);
    staged.add(id, std::move(row));
  }
  staged.flush(database_);
}

void GoldenCustomerWriter::bind_columns(const model::Customer& customer) {
  auto& c = columns_;
  c.kind = customer.kind;
  set_text(c.name, customer.name);
  set_text(c.name_key, customer.name_key);
  set_text(c.primary_email, customer.email ? customer.email->canonical : "");
  set_text(c.email_raw, customer.email ? customer.email->raw : "");
  set_text(c.phone_e164, customer.phone ? customer.phone->e164 : "");
  set_text(c.phone_raw, customer.phone ? customer.phone->raw : "");
  c.phone_valid = customer.phone && customer.phone->valid ? 1 : 0;
  set_text(c.company, customer.company);
  set_text(c.country, customer.country);
  set_text(c.city, customer.city);
  set_text(c.address, customer.address);
  set_text(c.postcode, customer.postcode);
  set_text(c.date_of_birth, customer.date_of_birth);
  set_text(c.tax_id, customer.tax_id);
  set_text(c.tier, customer.tier);
  set_text(c.lifecycle_stage, customer.lifecycle_stage);
  set_text(c.owner, customer.owner);
}

}  // namespace crmsync::store
