#include "daemon/store/source_customer_store.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "daemon/store/id_list.hpp"
#include "daemon/store/nullable_column.hpp"

namespace crmsync::store {
namespace {

constexpr const char* kColumns =
    "source_record_id, instance, kind, name, name_key, email, email_raw, phone_e164, phone_raw, company,"
    " country, city, address, postcode, date_of_birth, tax_id, tier, lifecycle_stage, owner, updated_at, "
    "same_as";

// Same-record references, one per line: ids may hold spaces, not line breaks.
constexpr char kReferenceSeparator = '\n';

std::string joined_references(const std::string& own, std::vector<std::string> references) {
  references.push_back(own);
  std::sort(references.begin(), references.end());
  references.erase(std::unique(references.begin(), references.end()), references.end());
  std::string out;
  for (const auto& reference : references) {
    if (reference.find(kReferenceSeparator) != std::string::npos) continue;
    if (!out.empty()) out += kReferenceSeparator;
    out += reference;
  }
  return out;
}

std::vector<std::string> split_references(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(kReferenceSeparator, start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string text_of(const soci::row& row, std::size_t column) {
  return row.get_indicator(column) == soci::i_null ? std::string() : row.get<std::string>(column);
}

long long integer_of(const soci::row& row, std::size_t column) {
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(column));
    default:
      return row.get<long long>(column);
  }
}

}  // namespace

void SourceCustomerStore::save(long long source_record_id, const std::string& instance,
                               const std::string& external_id, const model::Customer& c,
                               const std::string& updated_at) {
  auto& sql = database_.session();
  NullableText name, name_key, email, email_raw, phone, phone_raw, company, country, city, address, postcode,
      dob, tax_id, tier, stage, owner;
  set_text(name, c.name);
  set_text(name_key, c.name_key);
  set_text(email, c.email ? c.email->canonical : "");
  set_text(email_raw, c.email ? c.email->raw : "");
  set_text(phone, c.phone && c.phone->valid ? c.phone->e164 : "");
  set_text(phone_raw, c.phone ? c.phone->raw : "");
  set_text(company, c.company);
  set_text(country, c.country);
  set_text(city, c.city);
  set_text(address, c.address);
  set_text(postcode, c.postcode);
  set_text(dob, c.date_of_birth);
  set_text(tax_id, c.tax_id);
  set_text(tier, c.tier);
  set_text(stage, c.lifecycle_stage);
  set_text(owner, c.owner);
  const std::string same_as = joined_references(instance + ":" + external_id, c.same_as);
  sql << "DELETE FROM source_customer WHERE source_record_id = :id", soci::use(source_record_id);
  sql << std::string("INSERT INTO source_customer (") + kColumns +
             ") VALUES (:id, :instance, :kind, :name, :name_key, :email, :email_raw, :phone, :phone_raw,"
             " :company, :country, :city, :address, :postcode, :dob, :tax_id, :tier, :stage, :owner, "
             ":updated_at,"
             " :same_as)",
      soci::use(source_record_id), soci::use(instance), soci::use(c.kind),
      soci::use(name.value, name.indicator), soci::use(name_key.value, name_key.indicator),
      soci::use(email.value, email.indicator), soci::use(email_raw.value, email_raw.indicator),
      soci::use(phone.value, phone.indicator), soci::use(phone_raw.value, phone_raw.indicator),
      soci::use(company.value, company.indicator), soci::use(country.value, country.indicator),
      soci::use(city.value, city.indicator), soci::use(address.value, address.indicator),
      soci::use(postcode.value, postcode.indicator), soci::use(dob.value, dob.indicator),
      soci::use(tax_id.value, tax_id.indicator), soci::use(tier.value, tier.indicator),
      soci::use(stage.value, stage.indicator), soci::use(owner.value, owner.indicator), soci::use(updated_at),
      soci::use(same_as);
}

std::vector<identity::MemberRecord> SourceCustomerStore::select(const std::string& where_and_order) {
  std::vector<identity::MemberRecord> out;
  const soci::rowset<soci::row> rows =
      (database_.session().prepare << std::string("SELECT ") + kColumns + " FROM source_customer " +
                                          where_and_order);
  for (const auto& row : rows) {
    identity::MemberRecord m;
    m.source_record_id = integer_of(row, 0);
    m.instance = text_of(row, 1);
    auto& c = m.customer;
    c.kind = text_of(row, 2);
    c.name = text_of(row, 3);
    c.name_key = text_of(row, 4);
    if (const auto email = text_of(row, 5), raw = text_of(row, 6); !email.empty() || !raw.empty()) {
      c.email = model::Email{raw, email};
    }
    if (const auto phone = text_of(row, 7), raw = text_of(row, 8); !phone.empty() || !raw.empty()) {
      c.phone = model::Phone{raw, phone, !phone.empty()};
    }
    c.company = text_of(row, 9);
    c.country = text_of(row, 10);
    c.city = text_of(row, 11);
    c.address = text_of(row, 12);
    c.postcode = text_of(row, 13);
    c.date_of_birth = text_of(row, 14);
    c.tax_id = text_of(row, 15);
    c.tier = text_of(row, 16);
    c.lifecycle_stage = text_of(row, 17);
    c.owner = text_of(row, 18);
    m.updated_at = text_of(row, 19);
    c.same_as = split_references(text_of(row, 20));
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<identity::MemberRecord> SourceCustomerStore::all() {
  return select("ORDER BY source_record_id");
}

std::vector<identity::MemberRecord> SourceCustomerStore::load(const std::vector<long long>& ids) {
  std::vector<identity::MemberRecord> out;
  for (std::size_t first = 0; first < ids.size(); first += IdList::kChunk) {
    auto part = select("WHERE source_record_id IN (" + IdList::chunk(ids, first) + ")");
    out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  return out;
}

std::vector<identity::MemberRecord> SourceCustomerStore::sample(std::size_t limit) {
  return select("ORDER BY source_record_id DESC LIMIT " + std::to_string(limit));
}

long long SourceCustomerStore::count() {
  long long n = 0;
  database_.session() << "SELECT COUNT(*) FROM source_customer", soci::into(n);
  return n;
}

}  // namespace crmsync::store
