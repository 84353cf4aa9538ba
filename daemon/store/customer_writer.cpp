#include "daemon/store/customer_writer.hpp"

#include <utility>

namespace crmsync::store {
namespace {

// The golden fields whose lineage customer_field_source records; the raw,
// key and validity columns follow the field they belong to.
using FieldPresence = std::pair<const char*, bool>;

std::array<FieldPresence, 14> present_fields(const model::Customer& c) {
  return {FieldPresence{"kind", !c.kind.empty()},
          {"name", !c.name.empty()},
          {"primary_email", c.email && !c.email->raw.empty()},
          {"phone_e164", c.phone && !c.phone->raw.empty()},
          {"company", !c.company.empty()},
          {"country", !c.country.empty()},
          {"city", !c.city.empty()},
          {"address", !c.address.empty()},
          {"postcode", !c.postcode.empty()},
          {"date_of_birth", !c.date_of_birth.empty()},
          {"tax_id", !c.tax_id.empty()},
          {"tier", !c.tier.empty()},
          {"lifecycle_stage", !c.lifecycle_stage.empty()},
          {"owner", !c.owner.empty()}};
}

}  // namespace

CustomerWriter::CustomerWriter(Database& database, ReferenceLinker& linker)
    : sql_(database.session()),
      linker_(linker),
      inserted_id_(sql_, database.dialect(), "customer"),
      find_link_(
          (sql_.prepare << "SELECT customer_id FROM customer_link WHERE source_record_id = :source_record_id",
           soci::use(source_record_id_), soci::into(customer_id_))),
      insert_customer_(prepare_insert()),
      update_customer_(prepare_update()),
      insert_link_(
          (sql_.prepare << "INSERT INTO customer_link (source_record_id, customer_id, match_rule, score,"
                           " linked_at) VALUES (:source_record_id, :customer_id, 'source', 1.0, :now)",
           soci::use(source_record_id_), soci::use(customer_id_), soci::use(now_))),
      delete_field_sources_((sql_.prepare
                                 << "DELETE FROM customer_field_source WHERE customer_id = :customer_id"
                                    " AND source_record_id = :source_record_id",
                             soci::use(customer_id_), soci::use(source_record_id_))) {}

soci::statement& CustomerWriter::field_source_insert(std::size_t fields) {
  if (auto found = insert_field_sources_.find(fields); found != insert_field_sources_.end())
    return found->second;
  std::string text = "INSERT INTO customer_field_source (customer_id, field, source_record_id, rule) VALUES ";
  for (std::size_t i = 0; i < fields; ++i) {
    const std::string n = std::to_string(i);
    if (i > 0) text += ", ";
    text += "(:customer_id" + n;
    text += ", :field" + n;
    text += ", :source_record_id" + n;
    text += ", 'single_source')";
  }
  auto prepared = (sql_.prepare << text);
  for (std::size_t i = 0; i < fields; ++i) {
    prepared, soci::use(customer_id_), soci::use(fields_.at(i)), soci::use(source_record_id_);
  }
  return insert_field_sources_.emplace(fields, soci::statement(prepared)).first->second;
}

// The 18 golden columns in the order both statements below name them.
void CustomerWriter::bind_columns(soci::details::prepare_temp_type& prepared) {
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

soci::statement CustomerWriter::prepare_insert() {
  auto prepared =
      (sql_.prepare << inserted_id_.statement_text(
           "INSERT INTO customer (kind, name, name_key, primary_email, email_raw, phone_e164,"
           " phone_raw, phone_valid, company, country, city, address, postcode, date_of_birth,"
           " tax_id, tier, lifecycle_stage, owner, created_at, updated_at) VALUES (:kind, :name,"
           " :name_key, :primary_email, :email_raw, :phone_e164, :phone_raw, :phone_valid, :company,"
           " :country, :city, :address, :postcode, :date_of_birth, :tax_id, :tier,"
           " :lifecycle_stage, :owner, :created_at, :updated_at)"));
  bind_columns(prepared);
  prepared, soci::use(now_), soci::use(now_);
  inserted_id_.bind(prepared);
  return prepared;
}

soci::statement CustomerWriter::prepare_update() {
  auto prepared =
      (sql_.prepare << "UPDATE customer SET kind = :kind, name = :name, name_key = :name_key,"
                       " primary_email = :primary_email, email_raw = :email_raw, phone_e164 = :phone_e164,"
                       " phone_raw = :phone_raw, phone_valid = :phone_valid, company = :company,"
                       " country = :country, city = :city, address = :address, postcode = :postcode,"
                       " date_of_birth = :date_of_birth, tax_id = :tax_id, tier = :tier,"
                       " lifecycle_stage = :lifecycle_stage, owner = :owner, updated_at = :updated_at"
                       " WHERE id = :id");
  bind_columns(prepared);
  prepared, soci::use(now_), soci::use(customer_id_);
  return prepared;
}

void CustomerWriter::write(long long source_record_id, const std::string& external_id,
                           const model::Customer& customer, const std::string& now) {
  bind_columns(customer);
  now_ = now;
  source_record_id_ = source_record_id;
  if (find_link_.execute(true)) {
    update_customer_.execute(true);
    delete_field_sources_.execute(true);
  } else {
    create(source_record_id, external_id);
  }
  record_field_sources(customer);
}

void CustomerWriter::record_field_sources(const model::Customer& customer) {
  std::size_t count = 0;
  for (const auto& [field, present] : present_fields(customer)) {
    if (present) fields_.at(count++) = field;
  }
  if (count > 0) field_source_insert(count).execute(true);
}

void CustomerWriter::create(long long source_record_id, const std::string& external_id) {
  insert_customer_.execute(true);
  customer_id_ = inserted_id_.value();
  source_record_id_ = source_record_id;
  insert_link_.execute(true);
  linker_.link_waiting_for_customer(customer_id_, external_id);
}

void CustomerWriter::bind_columns(const model::Customer& customer) {
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
