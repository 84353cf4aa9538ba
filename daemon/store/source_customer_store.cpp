#include "daemon/store/source_customer_store.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <soci/soci.h>

#include "daemon/store/id_list.hpp"
#include "daemon/store/multi_row_insert.hpp"
#include "daemon/store/row_value.hpp"

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

}  // namespace

void SourceCustomerStore::save_all(const std::vector<PendingCustomer>& records) {
  std::unordered_map<long long, std::size_t> last;
  for (std::size_t i = 0; i < records.size(); ++i) last[records[i].source_record_id] = i;
  std::vector<long long> ids;
  MultiRowInsert rows("source_customer", column_names());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    if (last.at(r.source_record_id) != i) continue;
    if (r.seen_before) ids.push_back(r.source_record_id);
    const model::Customer& c = *r.customer;
    rows.add({std::to_string(r.source_record_id),
              r.instance,
              c.kind,
              MultiRowInsert::text(c.name),
              MultiRowInsert::text(c.name_key),
              MultiRowInsert::text(c.email ? c.email->canonical : ""),
              MultiRowInsert::text(c.email ? c.email->raw : ""),
              MultiRowInsert::text(c.phone && c.phone->valid ? c.phone->e164 : ""),
              MultiRowInsert::text(c.phone ? c.phone->raw : ""),
              MultiRowInsert::text(c.company),
              MultiRowInsert::text(c.country),
              MultiRowInsert::text(c.city),
              MultiRowInsert::text(c.address),
              MultiRowInsert::text(c.postcode),
              MultiRowInsert::text(c.date_of_birth),
              MultiRowInsert::text(c.tax_id),
              MultiRowInsert::text(c.tier),
              MultiRowInsert::text(c.lifecycle_stage),
              MultiRowInsert::text(c.owner),
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
    m.source_record_id = RowValue::integer(row, 0);
    m.instance = RowValue::text(row, 1);
    auto& c = m.customer;
    c.kind = RowValue::text(row, 2);
    c.name = RowValue::text(row, 3);
    c.name_key = RowValue::text(row, 4);
    if (const auto email = RowValue::text(row, 5), raw = RowValue::text(row, 6);
        !email.empty() || !raw.empty()) {
      c.email = model::Email{raw, email};
    }
    if (const auto phone = RowValue::text(row, 7), raw = RowValue::text(row, 8);
        !phone.empty() || !raw.empty()) {
      c.phone = model::Phone{raw, phone, !phone.empty()};
    }
    c.company = RowValue::text(row, 9);
    c.country = RowValue::text(row, 10);
    c.city = RowValue::text(row, 11);
    c.address = RowValue::text(row, 12);
    c.postcode = RowValue::text(row, 13);
    c.date_of_birth = RowValue::text(row, 14);
    c.tax_id = RowValue::text(row, 15);
    c.tier = RowValue::text(row, 16);
    c.lifecycle_stage = RowValue::text(row, 17);
    c.owner = RowValue::text(row, 18);
    m.updated_at = RowValue::text(row, 19);
    c.same_as = split_references(RowValue::text(row, 20));
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
