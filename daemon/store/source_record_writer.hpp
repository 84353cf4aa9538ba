#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "daemon/model/normalized_record.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/inserted_id.hpp"
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
// instance, with statements prepared once per batch.
class SourceRecordWriter {
 public:
  SourceRecordWriter(Database& database, std::string instance, std::string stream);
  SourceRecordWriter(const SourceRecordWriter&) = delete;
  SourceRecordWriter& operator=(const SourceRecordWriter&) = delete;

  [[nodiscard]] std::optional<StoredSourceRecord> find(const std::string& external_id);
  // Returns the new row's id.
  long long insert(const model::NormalizedRecord& record, const std::string& now);
  void update(long long id, const model::NormalizedRecord& record, const std::string& now);

 private:
  void bind_values(const model::NormalizedRecord& record, const std::string& now);
  soci::statement prepare_insert();

  soci::session& sql_;
  InsertedId inserted_id_;
  // Values the statements are bound to.
  std::string instance_;
  std::string stream_;
  std::string external_id_;
  std::string entity_type_;
  std::string payload_;
  std::string payload_hash_;
  NullableText source_updated_at_;
  std::string now_;
  int deleted_ = 0;
  long long id_ = 0;
  StoredSourceRecord found_;
  int found_deleted_ = 0;

  soci::statement find_;
  soci::statement insert_;
  soci::statement update_;
};

}  // namespace crmsync::store
