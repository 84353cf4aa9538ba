#include "collecting_sink.hpp"

namespace crmsync::conformance {

CollectingSink::CollectingSink(std::function<void(std::size_t)> after_batch)
    : after_batch_(std::move(after_batch)) {}

bool CollectingSink::emit(sdk::RecordBatch batch) {
  batches_.push_back(std::move(batch));
  if (after_batch_) after_batch_(batches_.size());
  return true;
}

std::vector<std::string> CollectingSink::cursors() const {
  std::vector<std::string> cursors;
  for (const auto& batch : batches_) cursors.push_back(batch.cursor);
  return cursors;
}

std::map<std::string, std::string> CollectingSink::records() const {
  std::map<std::string, std::string> records;
  for (const auto& batch : batches_) {
    for (const auto& record : batch.records) records[record.external_id] = record.payload;
  }
  return records;
}

std::vector<std::string> CollectingSink::ids_up_to(std::size_t batch_count) const {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < batch_count && i < batches_.size(); ++i) {
    for (const auto& record : batches_[i].records) ids.push_back(record.external_id);
  }
  return ids;
}

std::size_t CollectingSink::rejection_count() const {
  std::size_t count = 0;
  for (const auto& batch : batches_) count += batch.rejections.size();
  return count;
}

}  // namespace crmsync::conformance
