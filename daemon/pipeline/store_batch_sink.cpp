#include "daemon/pipeline/store_batch_sink.hpp"

#include <exception>

#include <spdlog/spdlog.h>

namespace crmsync::pipeline {

StoreBatchSink::StoreBatchSink(store::BatchWriter& writer, const model::RecordNormalizer& normalizer,
                               std::string instance, std::string stream, std::function<bool()> should_stop,
                               std::size_t queued_batches)
    : normalizer_(normalizer),
      instance_(instance),
      stream_(stream),
      should_stop_(std::move(should_stop)),
      commits_(writer, std::move(instance), std::move(stream), queued_batches) {}

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
  if (prepare_failure_) return false;  // a later batch must not commit before the lost one
  try {
    if (!commits_.submit(prepare(std::move(batch)))) return false;
  } catch (const std::exception& e) {
    prepare_failure_ = std::string("batch could not be prepared: ") + e.what();
  } catch (...) {
    prepare_failure_ = "batch could not be prepared: unknown error";
  }
  if (prepare_failure_) {
    spdlog::error("instance={} stream={}: {}", instance_, stream_, *prepare_failure_);
    return false;
  }
  return !should_stop_();
}

bool StoreBatchSink::flush() {
  return commits_.drain() && !prepare_failure_;
}

std::optional<std::string> StoreBatchSink::failure() const {
  auto failure = commits_.failure();
  return failure ? failure : prepare_failure_;
}

}  // namespace crmsync::pipeline
