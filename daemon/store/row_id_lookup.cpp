#include "daemon/store/row_id_lookup.hpp"

#include <soci/soci.h>

#include "daemon/store/id_list.hpp"

namespace crmsync::store {

std::unordered_map<long long, long long> RowIdLookup::by_source_record(
    Database& database, const std::string& table, const std::vector<long long>& source_record_ids,
    const std::string& column) {
  std::unordered_map<long long, long long> out;
  for (const auto& matching : IdList::matching(database.dialect(), "source_record_id", source_record_ids)) {
    std::vector<long long> record(IdList::kChunk), row(IdList::kChunk);
    soci::statement select = (database.session().prepare << "SELECT source_record_id, " + column + " FROM " +
                                                                table + " WHERE " + matching,
                              soci::into(record), soci::into(row));
    select.execute();
    while (select.fetch()) {
      for (std::size_t i = 0; i < record.size(); ++i) out[record[i]] = row[i];
      record.resize(IdList::kChunk);
      row.resize(IdList::kChunk);
    }
  }
  return out;
}

}  // namespace crmsync::store
