#include "daemon/store/customer_link_store.hpp"

#include <array>
#include <charconv>

#include <soci/soci.h>

#include "daemon/store/id_list.hpp"
#include "daemon/store/row_id_lookup.hpp"

namespace crmsync::store {

std::map<long long, long long> CustomerLinkStore::customer_of(const std::vector<long long>& ids) {
  const auto found = RowIdLookup::by_source_record(database_, "customer_link", ids, "customer_id");
  return {found.begin(), found.end()};
}

std::vector<CustomerLink> CustomerLinkStore::members_of(const std::vector<long long>& ids) {
  std::vector<CustomerLink> out;
  for (const auto& matching : IdList::matching(database_.dialect(), "customer_id", ids)) {
    std::vector<long long> record(IdList::kChunk), customer(IdList::kChunk), from(IdList::kChunk);
    std::vector<soci::indicator> from_present(IdList::kChunk);
    std::vector<std::string> linked_at(IdList::kChunk), rule(IdList::kChunk);
    soci::statement select =
        (database_.session().prepare
             << "SELECT source_record_id, customer_id, merged_from, linked_at, match_rule"
                " FROM customer_link WHERE " +
                    matching + " ORDER BY source_record_id",
         soci::into(record), soci::into(customer), soci::into(from, from_present), soci::into(linked_at),
         soci::into(rule));
    select.execute();
    while (select.fetch()) {
      for (std::size_t i = 0; i < record.size(); ++i) {
        CustomerLink link{record[i], customer[i], std::nullopt, linked_at[i], rule[i]};
        if (from_present[i] == soci::i_ok) link.merged_from = from[i];
        out.push_back(link);
      }
      for (auto* v : {&record, &customer, &from}) v->resize(IdList::kChunk);
      from_present.resize(IdList::kChunk);
      linked_at.resize(IdList::kChunk);
      rule.resize(IdList::kChunk);
    }
  }
  return out;
}

void CustomerLinkStore::link(long long source_record_id, long long customer_id, const std::string& rule,
                             double score, const std::string& now, std::optional<long long> part) {
  auto& sql = database_.session();
  long long merged_from = part.value_or(0);
  soci::indicator merged_present = part && *part != customer_id ? soci::i_ok : soci::i_null;
  sql << "DELETE FROM customer_link WHERE source_record_id = :id", soci::use(source_record_id);
  sql << "INSERT INTO customer_link (source_record_id, customer_id, match_rule, score, linked_at, "
         "merged_from)"
         " VALUES (:id, :customer, :rule, :score, :now, :merged_from)",
      soci::use(source_record_id), soci::use(customer_id), soci::use(rule), soci::use(score), soci::use(now),
      soci::use(merged_from, merged_present);
}

void CustomerLinkStore::queue_link(long long source_record_id, long long customer_id, const std::string& rule,
                                   double score, const std::string& now, std::optional<long long> part) {
  std::array<char, 32> score_text{};
  const auto written = std::to_chars(score_text.data(), score_text.data() + score_text.size(), score);
  queued_ids_.push_back(source_record_id);
  queued_.add({std::to_string(source_record_id), std::to_string(customer_id), rule,
               std::string(score_text.data(), written.ptr), now,
               part && *part != customer_id ? MultiRowInsert::Value(std::to_string(*part)) : std::nullopt});
}

void CustomerLinkStore::flush_links() {
  for (const auto& matching : IdList::matching(database_.dialect(), "source_record_id", queued_ids_)) {
    database_.session() << "DELETE FROM customer_link WHERE " + matching;
  }
  queued_.flush(database_);
  queued_ids_.clear();
}

void CustomerLinkStore::unlink(long long source_record_id) {
  database_.session() << "DELETE FROM customer_link WHERE source_record_id = :id",
      soci::use(source_record_id);
}

void CustomerLinkStore::move_all(long long from, long long into, const std::string& now) {
  database_.session() << "UPDATE customer_link SET merged_from = COALESCE(merged_from, customer_id),"
                         " customer_id = :into, linked_at = :now WHERE customer_id = :from",
      soci::use(into), soci::use(now), soci::use(from);
}

void CustomerLinkStore::restore_merged(long long customer, long long part) {
  database_.session() << "UPDATE customer_link SET customer_id = :part, merged_from = NULL"
                         " WHERE customer_id = :customer AND merged_from = :same_part",
      soci::use(part), soci::use(customer), soci::use(part);
}

std::vector<long long> CustomerLinkStore::merged_parts(long long customer) {
  std::vector<long long> out;
  const soci::rowset<long long> rows =
      (database_.session().prepare << "SELECT DISTINCT merged_from FROM customer_link"
                                      " WHERE customer_id = :customer AND merged_from IS NOT NULL",
       soci::use(customer));
  out.assign(rows.begin(), rows.end());
  return out;
}

}  // namespace crmsync::store
