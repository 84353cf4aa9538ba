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

// A record's row as save_all writes it, column by column (kColumns).
std::vector<MultiRowInsert::Value> row_of(const PendingCustomer& r) {
  const model::Customer& c = *r.customer;
  return {std::to_string(r.source_record_id),
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
          joined_references(r.instance + ":" + r.external_id, c.same_as)};
}

// The positions of each record's last version, in order: a record listed
// twice keeps its last values.
std::vector<std::size_t> last_versions(const std::vector<PendingCustomer>& records) {
  std::unordered_map<long long, std::size_t> last;
  for (std::size_t i = 0; i < records.size(); ++i) last[records[i].source_record_id] = i;
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (last.at(records[i].source_record_id) == i) out.push_back(i);
  }
  return out;
}

// What a row reads back as; `text(i)` is column i's text, "" for NULL.
template <typename Text>
identity::MemberRecord member_from(long long source_record_id, const Text& text) {
  identity::MemberRecord m;
  m.source_record_id = source_record_id;
  m.instance = text(1);
  auto& c = m.customer;
  c.kind = text(2);
  c.name = text(3);
  c.name_key = text(4);
  if (auto email = text(5), raw = text(6); !email.empty() || !raw.empty()) {
    c.email = model::Email{std::move(raw), std::move(email)};
  }
  if (auto phone = text(7), raw = text(8); !phone.empty() || !raw.empty()) {
    const bool valid = !phone.empty();
    c.phone = model::Phone{std::move(raw), std::move(phone), valid};
  }
  c.company = text(9);
  c.country = text(10);
  c.city = text(11);
  c.address = text(12);
  c.postcode = text(13);
  c.date_of_birth = text(14);
  c.tax_id = text(15);
  c.tier = text(16);
  c.lifecycle_stage = text(17);
  c.owner = text(18);
  m.updated_at = text(19);
  c.same_as = split_references(text(20));
  return m;
}

}  // namespace

void SourceCustomerStore::save_all(const std::vector<PendingCustomer>& records) {
  std::vector<long long> ids;
  MultiRowInsert rows("source_customer", column_names());
  for (const auto i : last_versions(records)) {
    const auto& r = records[i];
    if (r.seen_before) ids.push_back(r.source_record_id);
    rows.add(row_of(r));
  }
  for (const auto& matching : IdList::matching(database_.dialect(), "source_record_id", ids)) {
    database_.session() << "DELETE FROM source_customer WHERE " + matching;
  }
  rows.flush(database_);
}

std::vector<identity::MemberRecord> SourceCustomerStore::as_stored(
    const std::vector<PendingCustomer>& records) {
  std::vector<identity::MemberRecord> stored;
  for (const auto i : last_versions(records)) {
    const auto row = row_of(records[i]);
    stored.push_back(
        member_from(records[i].source_record_id, [&row](std::size_t c) { return row[c].value_or(""); }));
  }
  return stored;
}

std::vector<identity::MemberRecord> SourceCustomerStore::select(const std::string& where_and_order) {
  std::vector<identity::MemberRecord> out;
  const soci::rowset<soci::row> rows =
      (database_.session().prepare << std::string("SELECT ") + kColumns + " FROM source_customer " +
                                          where_and_order);
  for (const auto& row : rows) {
    out.push_back(
        member_from(RowValue::integer(row, 0), [&row](std::size_t c) { return RowValue::text(row, c); }));
  }
  return out;
}

std::vector<identity::MemberRecord> SourceCustomerStore::all() {
  return select("ORDER BY source_record_id");
}

std::vector<identity::MemberRecord> SourceCustomerStore::load(const std::vector<long long>& ids) {
  std::vector<identity::MemberRecord> out;
  for (const auto& matching : IdList::matching(database_.dialect(), "source_record_id", ids)) {
    auto part = select("WHERE " + matching);
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
