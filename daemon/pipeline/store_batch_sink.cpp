#include "daemon/pipeline/store_batch_sink.hpp"

#include <exception>

#include <spdlog/spdlog.h>

namespace crmsync::pipeline {

StoreBatchSink::StoreBatchSink(store::BatchWriter& writer, const model::RecordNormalizer& normalizer,
                               std::string instance, std::string stream, std::function<bool()> should_stop)
    : writer_(writer),
      normalizer_(normalizer),
      instance_(std::move(instance)),
      stream_(std::move(stream)),
      should_stop_(std::move(should_stop)) {}

store::BatchWrite StoreBatchSink::prepare(sdk::RecordBatch&& batch) const {
  store::BatchWrite write{instance_, stream_, {}, {}, std::move(batch.cursor)};
  write.records.reserve(batch.records.size());
  for (const auto& rejection : batch.rejections) {
    spdlog::warn("instance={} stream={} record={} at {}: rejected by connector: {}", instance_, stream_,
                 rejection.external_id.empty() ? "-" : rejection.external_id, rejection.location,
                 rejection.reason);
    write.dead_letters.push_back(
        store::DeadLetter{rejection.external_id, rejection.location, rejection.reason, rejection.payload});
  }
  for (const auto& raw : batch.records) {
    auto normalized = normalizer_.normalize(raw);
    if (!normalized) {
      spdlog::warn("instance={} stream={} record={} at {}: {}", instance_, stream_,
                   raw.external_id.empty() ? "-" : raw.external_id, raw.location, normalized.error());
      write.dead_letters.push_back(
          store::DeadLetter{raw.external_id, raw.location, normalized.error(), raw.payload});
      continue;
    }
    for (const auto& warning : normalized->warnings) {
      spdlog::info("instance={} stream={} record={} at {}: {}", instance_, stream_, raw.external_id,
                   raw.location, warning);
    }
    write.records.push_back(std::move(normalized).value());
  }
  return write;
}

bool StoreBatchSink::emit(sdk::RecordBatch batch) {
  // Called from plugin code: nothing may escape from here.
  try {
    const store::BatchWrite write = prepare(std::move(batch));
    const store::BatchOutcome outcome = writer_.write(write);
    totals_.inserted += outcome.inserted;
    totals_.updated += outcome.updated;
    totals_.unchanged += outcome.unchanged;
    totals_.dead_lettered += outcome.dead_lettered;
    ++batches_;
    spdlog::debug(
        "instance={} stream={}: batch committed ({} new, {} updated, {} unchanged, {} dead letters)",
        instance_, stream_, outcome.inserted, outcome.updated, outcome.unchanged, outcome.dead_lettered);
  } catch (const std::exception& e) {
    failure_ = std::string("commit failed, batch rolled back: ") + e.what();
    spdlog::error("instance={} stream={}: {}", instance_, stream_, *failure_);
    return false;
  } catch (...) {
    failure_ = "commit failed, batch rolled back: unknown error";
    spdlog::error("instance={} stream={}: {}", instance_, stream_, *failure_);
    return false;
  }
  return !should_stop_();
}

}  // namespace crmsync::pipeline
