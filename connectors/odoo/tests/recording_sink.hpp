#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::odoo::testing {

// Commits every batch it accepts; after `accept` batches it refuses, as a
// shutdown or a failed commit would, and keeps nothing of the refused one.
class RecordingSink final : public sdk::BatchSink {
 public:
  explicit RecordingSink(std::size_t accept = static_cast<std::size_t>(-1)) : accept_(accept) {}

  bool emit(sdk::RecordBatch batch) override {
    if (batches.size() >= accept_) return false;
    batches.push_back(std::move(batch));
    return true;
  }
  bool flush() override { return true; }  // every batch is kept as emit() takes it

  [[nodiscard]] std::vector<sdk::RawRecord> records() const {
    std::vector<sdk::RawRecord> out;
    for (const auto& b : batches) out.insert(out.end(), b.records.begin(), b.records.end());
    return out;
  }
  [[nodiscard]] std::vector<sdk::Rejection> rejections() const {
    std::vector<sdk::Rejection> out;
    for (const auto& b : batches) out.insert(out.end(), b.rejections.begin(), b.rejections.end());
    return out;
  }
  [[nodiscard]] std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& r : records()) out.push_back(r.external_id);
    return out;
  }
  [[nodiscard]] std::string last_cursor() const {
    return batches.empty() ? std::string() : batches.back().cursor;
  }

  std::vector<sdk::RecordBatch> batches;

 private:
  std::size_t accept_;
};

}  // namespace crmsync::odoo::testing
