#include "daemon/store/match_decision_store.hpp"

#include <algorithm>

#include <soci/soci.h>

#include "daemon/store/id_list.hpp"

namespace crmsync::store {
namespace {

std::set<std::pair<long long, long long>> fetch_pairs(soci::session& sql, const std::string& text,
                                                      const std::string& decision) {
  std::set<std::pair<long long, long long>> out;
  std::vector<long long> a(IdList::kChunk), b(IdList::kChunk);
  soci::statement select = (sql.prepare << text, soci::use(decision), soci::into(a), soci::into(b));
  select.execute();
  while (select.fetch()) {
    for (std::size_t i = 0; i < a.size(); ++i) out.emplace(a[i], b[i]);
    a.resize(IdList::kChunk);
    b.resize(IdList::kChunk);
  }
  return out;
}

}  // namespace

void MatchDecisionStore::decide(long long a, long long b, const std::string& decision,
                                const std::string& actor, const std::string& reason, const std::string& now) {
  if (a > b) std::swap(a, b);
  auto& sql = database_.session();
  sql << "DELETE FROM match_decision WHERE record_a = :a AND record_b = :b", soci::use(a), soci::use(b);
  sql << "INSERT INTO match_decision (record_a, record_b, decision, actor, reason, decided_at)"
         " VALUES (:a, :b, :decision, :actor, :reason, :now)",
      soci::use(a), soci::use(b), soci::use(decision), soci::use(actor), soci::use(reason), soci::use(now);
}

std::set<std::pair<long long, long long>> MatchDecisionStore::pairs(const std::string& decision,
                                                                    const std::vector<long long>& records) {
  std::set<std::pair<long long, long long>> out;
  const auto as_a = IdList::matching(database_.dialect(), "record_a", records);
  const auto as_b = IdList::matching(database_.dialect(), "record_b", records);
  for (std::size_t i = 0; i < as_a.size(); ++i) {
    auto part = fetch_pairs(database_.session(),
                            "SELECT record_a, record_b FROM match_decision WHERE decision = :decision AND (" +
                                as_a[i] + " OR " + as_b[i] + ")",
                            decision);
    out.insert(part.begin(), part.end());
  }
  return out;
}

std::set<std::pair<long long, long long>> MatchDecisionStore::all_pairs(const std::string& decision) {
  return fetch_pairs(database_.session(),
                     "SELECT record_a, record_b FROM match_decision WHERE decision = :decision", decision);
}

}  // namespace crmsync::store
