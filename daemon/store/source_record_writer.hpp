#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "daemon/model/normalized_record.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/nullable_column.hpp"

namespace crmsync::store {

// What the store already holds for a source record: enough to tell whether
// a new version changes anything.
struct StoredSourceRecord {
  long long id = 0;
  std::string payload_hash;
  bool deleted = false;
};

// Reads and writes the source_record rows of one stream of one connector
// instance a batch at a time: lookups, inserts and, on PostgreSQL, updates
// (StagedUpdate); elsewhere changed records are updated one by one.
class SourceRecordWriter {
 public:
  SourceRecordWriter(Database& database, std::string instance, std::string stream);
  SourceRecordWriter(const SourceRecordWriter&) = delete;
  SourceRecordWriter& operator=(const SourceRecordWriter&) = delete;

  // The stored rows of these external ids, by external id; absent ones are new.
  [[nodiscard]] std::unordered_map<std::string, StoredSourceRecord> find_all(
      const std::vector<std::string>& external_ids);
  // Inserts the records (distinct external ids) and returns their ids, in order.
  std::vector<long long> insert_all(const std::vector<const model::NormalizedRecord*>& records,
                                    const std::string& now);
  // A stored record's id and its new version.
  using Changed = std::pair<long long, const model::NormalizedRecord*>;
  // Rewrites the stored rows of changed records (distinct ids).
  void update_all(const std::vector<Changed>& changed, const std::string& now);

 private:
  Database& database_;
  // Values the update statement is bound to.
  std::string instance_;
  std::string stream_;
  std::string entity_type_;
  std::string payload_;
  std::string payload_hash_;
  NullableText source_updated_at_;
  std::string now_;
  int deleted_ = 0;
  long long id_ = 0;

  soci::statement update_;
};

}  // namespace crmsync::store
