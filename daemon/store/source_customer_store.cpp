#include "daemon/store/source_customer_store.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <soci/soci.h>

#include "daemon/store/id_list.hpp"
#include "daemon/store/multi_row_insert.hpp"

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

// NULL for an empty value, as the rest of the schema stores "unknown".
MultiRowInsert::Value text(const std::string& value) {
  return value.empty() ? std::nullopt : MultiRowInsert::Value(value);
}

std::vector<std::string> column_names() {
  std::vector<std::string> out;
  std::string_view rest = kColumns;
  while (!rest.empty()) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    std::string_view name = rest.substr(0, comma);
    while (name.starts_with(' ')) name.remove_prefix(1);
    out.emplace_back(name);
    rest.remove_prefix(std::min(comma + 1, rest.size()));
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

void SourceCustomerStore::save_all(const std::vector<PendingCustomer>& records) {
  std::unordered_map<long long, std::size_t> last;
  for (std::size_t i = 0; i < records.size(); ++i) last[records[i].source_record_id] = i;
  std::vector<long long> ids;
  MultiRowInsert rows("source_customer", column_names());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    if (last.at(r.source_record_id) != i) continue;
    ids.push_back(r.source_record_id);
    const model::Customer& c = *r.customer;
    rows.add({std::to_string(r.source_record_id),
              r.instance,
              c.kind,
              text(c.name),
              text(c.name_key),
              text(c.email ? c.email->canonical : ""),
              text(c.email ? c.email->raw : ""),
              text(c.phone && c.phone->valid ? c.phone->e164 : ""),
              text(c.phone ? c.phone->raw : ""),
              text(c.company),
              text(c.country),
              text(c.city),
              text(c.address),
              text(c.postcode),
              text(c.date_of_birth),
              text(c.tax_id),
              text(c.tier),
              text(c.lifecycle_stage),
              text(c.owner),
              r.updated_at,
              joined_references(r.instance + ":" + r.external_id, c.same_as)});
  }
  for (std::size_t first = 0; first < ids.size(); first += IdList::kChunk) {
    database_.session() << "DELETE FROM source_customer WHERE source_record_id IN (" +
                               IdList::chunk(ids, first) + ")";
  }
  rows.flush(database_);
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
