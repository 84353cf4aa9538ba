#include "daemon/store/batch_writer.hpp"

#include <stdexcept>
#include <type_traits>
#include <variant>

#include "daemon/store/checkpoint_writer.hpp"
#include "daemon/store/column_limits.hpp"
#include "daemon/store/customer_resolver.hpp"
#include "daemon/store/dead_letter_writer.hpp"
#include "daemon/store/feedback_writer.hpp"
#include "daemon/store/order_writer.hpp"
#include "daemon/store/reference_linker.hpp"
#include "daemon/store/source_record_writer.hpp"
#include "daemon/store/utc_timestamp.hpp"
#include "daemon/store/utf8_text.hpp"
#include "daemon/store/write_transaction.hpp"

namespace crmsync::store {
namespace {

// The statements of one batch, prepared once and reused for every record.
struct BatchStatements {
  BatchStatements(Database& database, const BatchWrite& batch)
      : sources(database, batch.instance, batch.stream),
        linker(database, batch.instance),
        orders(database, linker),
        feedback(database, linker),
        dead_letters(database, batch.instance, batch.stream),
        checkpoint(database, batch.instance, batch.stream) {}

  SourceRecordWriter sources;
  ReferenceLinker linker;
  std::vector<PendingCustomer> customers;  // resolved together once the batch's rows are in
  OrderWriter orders;
  FeedbackWriter feedback;
  DeadLetterWriter dead_letters;
  CheckpointWriter checkpoint;
};

void check_batch(const BatchWrite& batch) {
  ColumnLimits::check_stream_names(batch.instance, batch.stream);
  if (!Utf8Text::storable(batch.cursor)) throw std::invalid_argument("batch cursor is not valid UTF-8 text");
}

void write_canonical(BatchStatements& statements, const BatchWrite& batch, long long source_record_id,
                     const model::NormalizedRecord& record, const std::string& now) {
  std::visit(
      [&](const auto& data) {
        using Data = std::decay_t<decltype(data)>;
        if constexpr (std::is_same_v<Data, model::Customer>) {
          const std::string updated_at =
              record.source_updated_at && UtcTimestamp::fits(*record.source_updated_at)
                  ? UtcTimestamp::format(*record.source_updated_at)
                  : now;
          statements.customers.push_back(
              {source_record_id, record.external_id, batch.instance, updated_at, &data});
        } else if constexpr (std::is_same_v<Data, model::Order>) {
          statements.orders.write(source_record_id, record.external_id, data, now);
        } else {
          statements.feedback.write(source_record_id, data, now);
        }
      },
      record.data);
}

void write_record(BatchStatements& statements, const BatchWrite& batch, const model::NormalizedRecord& record,
                  const std::string& now, BatchOutcome& outcome, std::vector<StoredRecord>& stored_records) {
  if (const auto problem = ColumnLimits::violation(record)) {
    const DeadLetter letter{record.external_id, record.location, *problem, record.payload};
    if (statements.dead_letters.store(letter, now)) ++outcome.dead_lettered;
    return;
  }
  const auto stored = statements.sources.find(record.external_id);
  if (stored && stored->payload_hash == record.payload_hash && stored->deleted == record.deleted) {
    ++outcome.unchanged;
    return;
  }
  long long source_record_id = 0;
  if (stored) {
    source_record_id = stored->id;
    statements.sources.update(source_record_id, record, now);
    ++outcome.updated;
  } else {
    source_record_id = statements.sources.insert(record, now);
    ++outcome.inserted;
  }
  // A deletion only marks the source record: the customer, order or
  // feedback it described stays, and so does its history.
  if (!record.deleted) write_canonical(statements, batch, source_record_id, record, now);
  stored_records.push_back({&record, source_record_id, !stored.has_value()});
}

}  // namespace

BatchWriter::BatchWriter(Database& database, identity::IdentitySettings identity)
    : database_(database),
      identity_(std::move(identity)),
      resolver_(std::make_unique<CustomerResolver>(database, identity_)) {}

BatchWriter::~BatchWriter() = default;

BatchOutcome BatchWriter::write(const BatchWrite& batch) {
  check_batch(batch);
  const std::string now = UtcTimestamp::now();
  BatchStatements statements(database_, batch);
  // Declared after the statements, so on failure it rolls back before they
  // are released; any exception leaves the database as it was and propagates.
  WriteTransaction transaction(database_);
  BatchOutcome outcome;
  std::vector<StoredRecord> stored_records;
  for (const auto& record : batch.records)
    write_record(statements, batch, record, now, outcome, stored_records);
  const auto resolution = resolver_->resolve(statements.customers, statements.linker, now);
  outcome.new_customers += resolution.new_customers;
  outcome.merged_into_existing += resolution.linked_to_existing;
  outcome.review_pairs += resolution.review_pairs;
  for (const auto& letter : batch.dead_letters) {
    if (statements.dead_letters.store(letter, now)) ++outcome.dead_lettered;
  }
  if (!batch.cursor.empty()) statements.checkpoint.save(batch.cursor, now);
  for (auto* observer : observers_) observer->on_batch_stored(database_, batch, stored_records, now);
  transaction.commit();
  return outcome;
}

}  // namespace crmsync::store
