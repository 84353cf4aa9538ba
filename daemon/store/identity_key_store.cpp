#include "daemon/store/identity_key_store.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <string>

#include <soci/soci.h>

#include "daemon/store/id_list.hpp"
#include "daemon/store/multi_row_insert.hpp"
#include "daemon/store/sqlite_row_insert.hpp"

namespace crmsync::store {
namespace {

std::vector<long long> as_ids(const std::vector<std::uint64_t>& keys) {
  // BlockingKeys clears the top bit: every key is a positive signed 64-bit value.
  return {keys.begin(), keys.end()};
}

// The numbers of a list separated by spaces, as SQL aggregates them.
std::vector<long long> numbers(const std::string& list, const char* what_else) {
  std::vector<long long> out;
  const char* at = list.data();
  const char* end = at + list.size();
  while (at < end) {
    long long number = 0;
    const auto [next, error] = std::from_chars(at, end, number);
    if (error != std::errc()) throw std::runtime_error(std::string(what_else) + ": \"" + list + "\"");
    out.push_back(number);
    at = next;
    while (at < end && *at == ' ') ++at;
  }
  return out;
}

}  // namespace

void IdentityKeyStore::replace(const std::vector<RecordKeys>& records) {
  auto& sql = database_.session();
  std::vector<long long> ids;
  std::unordered_map<std::uint64_t, long long> deltas;
  MultiRowInsert blocking("identity_key", {"key_hash", "source_record_id"});
  MultiRowInsert values("identity_value_keys", {"source_record_id", "value_keys"});
  // A record written twice in one batch keeps its last keys.
  std::unordered_map<long long, std::size_t> last;
  for (std::size_t i = 0; i < records.size(); ++i) last[records[i].source_record_id] = i;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& record = records[i];
    if (last.at(record.source_record_id) != i) continue;
    const std::string id = std::to_string(record.source_record_id);
    if (record.seen_before) ids.push_back(record.source_record_id);
    for (const auto key : record.blocking) blocking.add({std::to_string(static_cast<long long>(key)), id});
    std::string joined;
    for (const auto key : record.values) {
      ++deltas[key];
      if (!joined.empty()) joined += ' ';
      joined += std::to_string(static_cast<long long>(key));
    }
    values.add({id, joined});
  }
  auto stored = stored_value_keys(ids);
  for (const auto key : stored.keys) --deltas[key];
  // Records stored before value keys had their own table hold both kinds in
  // identity_key, and both were counted then: taken back the same way.
  std::vector<long long> older;
  for (const auto id : ids) {
    if (!stored.records.contains(id)) older.push_back(id);
  }
  visit_keys_of(older, [&](std::uint64_t key) { --deltas[key]; });
  for (const auto& matching : IdList::matching(database_.dialect(), "source_record_id", ids)) {
    sql << "DELETE FROM identity_key WHERE " + matching;
    sql << "DELETE FROM identity_value_keys WHERE " + matching;
  }
  blocking.flush(database_);
  values.flush(database_);
  add_to_counts(deltas);
}

IdentityKeyStore::StoredValueKeys IdentityKeyStore::stored_value_keys(
    const std::vector<long long>& source_record_ids) {
  StoredValueKeys out;
  for (const auto& matching : IdList::matching(database_.dialect(), "source_record_id", source_record_ids)) {
    std::vector<long long> record(IdList::kChunk);
    std::vector<std::string> list(IdList::kChunk);
    soci::statement select = (database_.session().prepare
                                  << "SELECT source_record_id, value_keys FROM identity_value_keys WHERE " +
                                         matching,
                              soci::into(record), soci::into(list));
    select.execute();
    while (select.fetch()) {
      for (std::size_t i = 0; i < record.size(); ++i) {
        out.records.insert(record[i]);
        for (const auto key : numbers(list[i], "identity_value_keys holds a value that is not a key list")) {
          out.keys.push_back(static_cast<std::uint64_t>(key));
        }
      }
      record.resize(IdList::kChunk);
      list.resize(IdList::kChunk);
    }
  }
  return out;
}

void IdentityKeyStore::add_to_counts(const std::unordered_map<std::uint64_t, long long>& deltas) {
  auto& sql = database_.session();
  std::vector<std::pair<long long, long long>> rows;
  std::vector<long long> shrunk;
  for (const auto& [key, delta] : deltas) {
    if (delta == 0) continue;
    changed_.insert(key);
    rows.emplace_back(static_cast<long long>(key), delta);
    if (delta < 0) shrunk.push_back(static_cast<long long>(key));
  }
  // In key order, the upsert walks the count index one way instead of at random.
  std::sort(rows.begin(), rows.end());
  const std::string on_conflict =
      " ON CONFLICT (key_hash) DO UPDATE SET holders = identity_key_count.holders + excluded.holders";
  // PostgreSQL and SQLite return the counts they wrote, so the batch's
  // lookups that follow need not read them again.
  const std::string returning = " RETURNING key_hash, holders";
  if (rows.empty()) {
  } else if (database_.dialect() == Dialect::postgresql) {
    // One set-based upsert per batch: the keys and their deltas as two array
    // parameters, instead of a statement of 2,000 parameters per 1,000 rows.
    std::string keys = "{";
    std::string changes = "{";
    for (const auto& [key, delta] : rows) {
      keys += std::to_string(key) + ",";
      changes += std::to_string(delta) + ",";
    }
    keys.back() = '}';
    changes.back() = '}';
    std::vector<long long> key(IdList::kChunk), count(IdList::kChunk);
    soci::statement upsert =
        (sql.prepare << "INSERT INTO identity_key_count (key_hash, holders)"
                        " SELECT * FROM unnest(CAST(:keys AS BIGINT[]), CAST(:changes AS BIGINT[]))" +
                            on_conflict + returning,
         soci::use(keys), soci::use(changes), soci::into(key), soci::into(count));
    upsert.execute();
    while (upsert.fetch()) {
      for (std::size_t i = 0; i < key.size(); ++i)
        written_counts_[static_cast<std::uint64_t>(key[i])] = count[i];
      key.resize(IdList::kChunk);
      count.resize(IdList::kChunk);
    }
  } else if (database_.dialect() == Dialect::sqlite) {
    std::vector<std::vector<SqliteRowInsert::Value>> values;
    std::vector<std::vector<SqliteRowInsert::Value>> returned;
    values.reserve(rows.size());
    for (const auto& [key, delta] : rows) values.push_back({std::to_string(key), std::to_string(delta)});
    SqliteRowInsert::run(database_, "identity_key_count", {"key_hash", "holders"}, on_conflict + returning,
                         values, &returned);
    for (const auto& row : returned) {
      if (row.size() != 2 || !row[0] || !row[1]) throw std::logic_error("the count upsert returned no count");
      written_counts_[static_cast<std::uint64_t>(std::stoll(*row[0]))] = std::stoll(*row[1]);
    }
  } else {
    MultiRowInsert counts("identity_key_count", {"key_hash", "holders"},
                          " ON DUPLICATE KEY UPDATE holders = holders + VALUES(holders)");
    for (const auto& [key, delta] : rows) counts.add({std::to_string(key), std::to_string(delta)});
    counts.flush(database_);
  }
  for (const auto& matching : IdList::matching(database_.dialect(), "key_hash", shrunk)) {
    sql << "DELETE FROM identity_key_count WHERE holders <= 0 AND " + matching;
  }
}

std::unordered_map<std::uint64_t, long long> IdentityKeyStore::counts(
    const std::vector<std::uint64_t>& keys) {
  std::unordered_map<std::uint64_t, long long> out;
  // A neighbourhood repeats common values (a city, a country) thousands of times.
  std::vector<long long> ids;
  for (const auto key : keys) {
    if (const auto written = written_counts_.find(key); written == written_counts_.end()) {
      ids.push_back(static_cast<long long>(key));
    } else if (written->second > 0) {
      out[key] = written->second;
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (const auto& matching : IdList::matching(database_.dialect(), "key_hash", ids)) {
    std::vector<long long> key(IdList::kChunk), count(IdList::kChunk);
    soci::statement select =
        (database_.session().prepare << "SELECT key_hash, holders FROM identity_key_count WHERE " + matching,
         soci::into(key), soci::into(count));
    select.execute();
    while (select.fetch()) {
      for (std::size_t i = 0; i < key.size(); ++i) out[static_cast<std::uint64_t>(key[i])] = count[i];
      key.resize(IdList::kChunk);
      count.resize(IdList::kChunk);
    }
  }
  return out;
}

void IdentityKeyStore::visit_blocks(const std::vector<std::uint64_t>& keys, std::size_t limit,
                                    const BlockVisitor& visit, const std::vector<long long>& excluded) {
  std::vector<std::uint64_t> distinct(keys);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (distinct.empty()) return;
  if (database_.dialect() == Dialect::mysql) {
    visit_block_rows(distinct, limit, visit, excluded);
  } else {
    visit_listed_blocks(distinct, limit, visit, excluded);
  }
}

void IdentityKeyStore::visit_listed_blocks(const std::vector<std::uint64_t>& keys, std::size_t limit,
                                           const BlockVisitor& visit,
                                           const std::vector<long long>& excluded) {
  // One statement per batch: per key, an index probe that stops after
  // limit + 1 holders, however many records hold a common key.
  const std::string enough = std::to_string(limit + 1);
  const bool postgresql = database_.dialect() == Dialect::postgresql;
  // The keys as one parameter: an array on PostgreSQL, JSON for SQLite's json_each.
  const auto listed = [postgresql](const auto& numbers) {
    std::string text(1, postgresql ? '{' : '[');
    for (const auto n : numbers) text += std::to_string(static_cast<long long>(n)) + ",";
    text.back() = postgresql ? '}' : ']';  // neither list is empty when bound
    return text;
  };
  const std::string keys_listed = listed(keys);
  const std::string excluded_listed = excluded.empty() ? "" : listed(excluded);
  // An uncorrelated NOT IN is hashed once per statement; "<> ALL(array)"
  // would compare each holder with every excluded record.
  const std::string skip = excluded.empty() ? ""
                           : postgresql
                               ? " AND source_record_id NOT IN (SELECT unnest(CAST(:excluded AS BIGINT[])))"
                               : " AND source_record_id NOT IN (SELECT value FROM json_each(:excluded))";
  const std::string text =
      postgresql
          ? "SELECT k.key_hash, (SELECT string_agg(CAST(h.source_record_id AS TEXT), ' ') FROM"
            " (SELECT source_record_id FROM identity_key WHERE key_hash = k.key_hash" +
                skip + " LIMIT " + enough + ") AS h) FROM unnest(CAST(:keys AS BIGINT[])) AS k(key_hash)"
          : "SELECT k.value, (SELECT group_concat(h.source_record_id, ' ') FROM"
            " (SELECT source_record_id FROM identity_key WHERE key_hash = k.value" +
                skip + " LIMIT " + enough + ") AS h) FROM json_each(:keys) AS k";
  std::vector<long long> key(IdList::kChunk);
  std::vector<std::string> holders_text(IdList::kChunk);
  std::vector<soci::indicator> held(IdList::kChunk);
  soci::statement select(database_.session());
  select.exchange(soci::use(keys_listed, "keys"));
  if (!excluded.empty()) select.exchange(soci::use(excluded_listed, "excluded"));
  select.exchange(soci::into(key));
  select.exchange(soci::into(holders_text, held));
  select.alloc();
  select.prepare(text);
  select.define_and_bind();
  select.execute();
  while (select.fetch()) {
    for (std::size_t i = 0; i < key.size(); ++i) {
      if (held[i] != soci::i_ok) continue;  // nobody holds the key
      const auto holders = numbers(holders_text[i], "the holders of a blocking key are not a list of ids");
      visit(static_cast<std::uint64_t>(key[i]), holders);
    }
    key.resize(IdList::kChunk);
    holders_text.resize(IdList::kChunk);
    held.resize(IdList::kChunk);
  }
}

void IdentityKeyStore::visit_block_rows(const std::vector<std::uint64_t>& keys, std::size_t limit,
                                        const BlockVisitor& visit, const std::vector<long long>& excluded) {
  // MariaDB has no LATERAL and no outer reference inside a derived table:
  // each key's rows are numbered and cut at limit + 1 before they are sent.
  const std::string enough = std::to_string(limit + 1);
  const auto ids = as_ids(keys);
  std::string skip;
  for (const auto& matching : IdList::matching(database_.dialect(), "source_record_id", excluded)) {
    skip += " AND NOT " + matching;
  }
  for (std::size_t first = 0; first < ids.size(); first += IdList::kChunk) {
    std::vector<long long> key(IdList::kChunk), record(IdList::kChunk);
    soci::statement select =
        (database_.session().prepare
             << "SELECT key_hash, source_record_id FROM (SELECT key_hash, source_record_id,"
                " ROW_NUMBER() OVER (PARTITION BY key_hash ORDER BY source_record_id) AS n"
                " FROM identity_key WHERE key_hash IN (" +
                    IdList::chunk(ids, first) + ")" + skip + ") AS h WHERE n <= " + enough +
                    " ORDER BY key_hash, source_record_id",
         soci::into(key), soci::into(record));
    select.execute();
    std::vector<long long> holders;
    long long current = 0;
    while (select.fetch()) {
      for (std::size_t i = 0; i < key.size(); ++i) {
        if (!holders.empty() && key[i] != current) {
          visit(static_cast<std::uint64_t>(current), holders);
          holders.clear();
        }
        current = key[i];
        holders.push_back(record[i]);
      }
      key.resize(IdList::kChunk);
      record.resize(IdList::kChunk);
    }
    if (!holders.empty()) visit(static_cast<std::uint64_t>(current), holders);
  }
}

void IdentityKeyStore::visit_keys_of(const std::vector<long long>& source_record_ids,
                                     const std::function<void(std::uint64_t key)>& visit) {
  for (const auto& matching : IdList::matching(database_.dialect(), "source_record_id", source_record_ids)) {
    std::vector<long long> key(IdList::kChunk);
    soci::statement select =
        (database_.session().prepare << "SELECT key_hash FROM identity_key WHERE " + matching,
         soci::into(key));
    select.execute();
    while (select.fetch()) {
      for (const auto k : key) visit(static_cast<std::uint64_t>(k));
      key.resize(IdList::kChunk);
    }
  }
}

}  // namespace crmsync::store
