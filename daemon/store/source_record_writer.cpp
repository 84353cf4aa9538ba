#include "daemon/store/source_record_writer.hpp"

#include <utility>

#include "daemon/store/id_reservation.hpp"
#include "daemon/store/keyed_select.hpp"
#include "daemon/store/multi_row_insert.hpp"
#include "daemon/store/row_value.hpp"
#include "daemon/store/staged_update.hpp"
#include "daemon/store/utc_timestamp.hpp"

namespace crmsync::store {
namespace {

std::optional<std::string> updated_at_text(const model::NormalizedRecord& record) {
  if (!record.source_updated_at) return std::nullopt;
  return UtcTimestamp::format(*record.source_updated_at);
}

}  // namespace

SourceRecordWriter::SourceRecordWriter(Database& database, std::string instance, std::string stream)
    : database_(database),
      instance_(std::move(instance)),
      stream_(std::move(stream)),
      update_((database.session().prepare
                   << "UPDATE source_record SET entity_type = :entity_type, payload = :payload,"
                      " payload_hash = :payload_hash, source_updated_at = :source_updated_at,"
                      " last_seen = :last_seen, deleted = :deleted WHERE id = :id",
               soci::use(entity_type_), soci::use(payload_), soci::use(payload_hash_),
               soci::use(source_updated_at_.value, source_updated_at_.indicator), soci::use(now_),
               soci::use(deleted_), soci::use(id_))) {}

std::unordered_map<std::string, StoredSourceRecord> SourceRecordWriter::find_all(
    const std::vector<std::string>& external_ids) {
  std::unordered_map<std::string, StoredSourceRecord> found;
  KeyedSelect select(database_,
                     "SELECT id, external_id, payload_hash, deleted FROM source_record"
                     " WHERE instance = :instance AND stream = :stream AND external_id",
                     {instance_, stream_});
  select.run(external_ids, [&](const soci::row& row) {
    found[RowValue::text(row, 1)] =
        StoredSourceRecord{RowValue::integer(row, 0), RowValue::text(row, 2), RowValue::integer(row, 3) != 0};
  });
  return found;
}

std::vector<long long> SourceRecordWriter::insert_all(
    const std::vector<const model::NormalizedRecord*>& records, const std::string& now) {
  auto ids = IdReservation::next(database_, "source_record", records.size());
  MultiRowInsert rows("source_record",
                      {"id", "instance", "stream", "external_id", "entity_type", "payload", "payload_hash",
                       "source_updated_at", "first_seen", "last_seen", "deleted"});
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& record = *records[i];
    rows.add({std::to_string(ids[i]), instance_, stream_, record.external_id, sdk::to_string(record.entity),
              record.payload, record.payload_hash, updated_at_text(record), now, now,
              std::string(record.deleted ? "1" : "0")});
  }
  rows.flush(database_);
  return ids;
}

void SourceRecordWriter::update_all(const std::vector<Changed>& changed, const std::string& now) {
  if (changed.empty()) return;
  if (database_.dialect() == Dialect::postgresql) {
    StagedUpdate staged(
        "source_record", "source_record_changes",
        {"entity_type", "payload", "payload_hash", "source_updated_at", "last_seen", "deleted"});
    for (const auto& [id, record] : changed) {
      staged.add(id, {sdk::to_string(record->entity), record->payload, record->payload_hash,
                      updated_at_text(*record), now, std::string(record->deleted ? "1" : "0")});
    }
    staged.flush(database_);
    return;
  }
  // SQLite runs in-process (a statement costs no round trip); MySQL keeps
  // one prepared statement per row.
  for (const auto& [id, record] : changed) {
    entity_type_ = sdk::to_string(record->entity);
    payload_ = record->payload;
    payload_hash_ = record->payload_hash;
    source_updated_at_.set(updated_at_text(*record));
    now_ = now;
    deleted_ = record->deleted ? 1 : 0;
    id_ = id;
    update_.execute(true);
  }
}

}  // namespace crmsync::store
