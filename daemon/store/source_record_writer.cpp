#include "daemon/store/source_record_writer.hpp"

#include <utility>

#include "daemon/store/utc_timestamp.hpp"

namespace crmsync::store {

SourceRecordWriter::SourceRecordWriter(Database& database, std::string instance, std::string stream)
    : sql_(database.session()),
      inserted_id_(sql_, database.dialect(), "source_record"),
      instance_(std::move(instance)),
      stream_(std::move(stream)),
      find_(
          (sql_.prepare << "SELECT id, payload_hash, deleted FROM source_record"
                           " WHERE instance = :instance AND stream = :stream AND external_id = :external_id",
           soci::use(instance_), soci::use(stream_), soci::use(external_id_), soci::into(found_.id),
           soci::into(found_.payload_hash), soci::into(found_deleted_))),
      insert_(prepare_insert()),
      update_((sql_.prepare << "UPDATE source_record SET entity_type = :entity_type, payload = :payload,"
                               " payload_hash = :payload_hash, source_updated_at = :source_updated_at,"
                               " last_seen = :last_seen, deleted = :deleted WHERE id = :id",
               soci::use(entity_type_), soci::use(payload_), soci::use(payload_hash_),
               soci::use(source_updated_at_.value, source_updated_at_.indicator), soci::use(now_),
               soci::use(deleted_), soci::use(id_))) {}

soci::statement SourceRecordWriter::prepare_insert() {
  auto prepared = (sql_.prepare << inserted_id_.statement_text(
                       "INSERT INTO source_record (instance, stream, external_id, entity_type, payload,"
                       " payload_hash, source_updated_at, first_seen, last_seen, deleted)"
                       " VALUES (:instance, :stream, :external_id, :entity_type, :payload, :payload_hash,"
                       " :source_updated_at, :first_seen, :last_seen, :deleted)"));
  prepared, soci::use(instance_), soci::use(stream_), soci::use(external_id_), soci::use(entity_type_),
      soci::use(payload_), soci::use(payload_hash_),
      soci::use(source_updated_at_.value, source_updated_at_.indicator), soci::use(now_), soci::use(now_),
      soci::use(deleted_);
  inserted_id_.bind(prepared);
  return prepared;
}

std::optional<StoredSourceRecord> SourceRecordWriter::find(const std::string& external_id) {
  external_id_ = external_id;
  if (!find_.execute(true)) return std::nullopt;
  found_.deleted = found_deleted_ != 0;
  return found_;
}

long long SourceRecordWriter::insert(const model::NormalizedRecord& record, const std::string& now) {
  bind_values(record, now);
  insert_.execute(true);
  return inserted_id_.value();
}

void SourceRecordWriter::update(long long id, const model::NormalizedRecord& record, const std::string& now) {
  bind_values(record, now);
  id_ = id;
  update_.execute(true);
}

void SourceRecordWriter::bind_values(const model::NormalizedRecord& record, const std::string& now) {
  external_id_ = record.external_id;
  entity_type_ = sdk::to_string(record.entity);
  payload_ = record.payload;
  payload_hash_ = record.payload_hash;
  if (record.source_updated_at) {
    source_updated_at_.set(UtcTimestamp::format(*record.source_updated_at));
  } else {
    source_updated_at_.clear();
  }
  now_ = now;
  deleted_ = record.deleted ? 1 : 0;
}

}  // namespace crmsync::store
