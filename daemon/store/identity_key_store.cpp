#include "daemon/store/identity_key_store.hpp"

#include <string>

#include <soci/soci.h>

#include "daemon/store/id_list.hpp"

namespace crmsync::store {
namespace {

std::vector<long long> as_ids(const std::vector<std::uint64_t>& keys) {
  // BlockingKeys clears the top bit: every key is a positive signed 64-bit value.
  return {keys.begin(), keys.end()};
}

}  // namespace

void IdentityKeyStore::replace(long long source_record_id, const std::vector<std::uint64_t>& keys) {
  auto& sql = database_.session();
  sql << "DELETE FROM identity_key WHERE source_record_id = :id", soci::use(source_record_id);
  const auto ids = as_ids(keys);
  for (std::size_t first = 0; first < ids.size(); first += IdList::kChunk) {
    std::string text = "INSERT INTO identity_key (key_hash, source_record_id) VALUES ";
    const std::size_t last = std::min(ids.size(), first + IdList::kChunk);
    for (std::size_t i = first; i < last; ++i) {
      if (i > first) text += ", ";
      text += "(" + std::to_string(ids[i]) + ", " + std::to_string(source_record_id) + ")";
    }
    sql << text;
  }
}

std::unordered_map<std::uint64_t, long long> IdentityKeyStore::counts(const std::vector<std::uint64_t>& keys) {
  std::unordered_map<std::uint64_t, long long> out;
  const auto ids = as_ids(keys);
  for (std::size_t first = 0; first < ids.size(); first += IdList::kChunk) {
    std::vector<long long> key(IdList::kChunk), count(IdList::kChunk);
    soci::statement select = (database_.session().prepare
                                  << "SELECT key_hash, COUNT(*) FROM identity_key WHERE key_hash IN (" +
                                         IdList::chunk(ids, first) + ") GROUP BY key_hash",
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

std::vector<std::pair<std::uint64_t, long long>> IdentityKeyStore::holders(const std::vector<std::uint64_t>& keys) {
  std::vector<std::pair<std::uint64_t, long long>> out;
  const auto ids = as_ids(keys);
  for (std::size_t first = 0; first < ids.size(); first += IdList::kChunk) {
    std::vector<long long> key(IdList::kChunk), record(IdList::kChunk);
    soci::statement select = (database_.session().prepare
                                  << "SELECT key_hash, source_record_id FROM identity_key WHERE key_hash IN (" +
                                         IdList::chunk(ids, first) + ")",
                              soci::into(key), soci::into(record));
    select.execute();
    while (select.fetch()) {
      for (std::size_t i = 0; i < key.size(); ++i) out.emplace_back(static_cast<std::uint64_t>(key[i]), record[i]);
      key.resize(IdList::kChunk);
      record.resize(IdList::kChunk);
    }
  }
  return out;
}

}  // namespace crmsync::store
