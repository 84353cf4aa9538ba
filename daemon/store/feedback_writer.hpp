#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "daemon/model/feedback.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/nullable_column.hpp"
#include "daemon/store/reference_linker.hpp"

namespace crmsync::store {

// Writes the feedback row of each feedback source record, linked to its
// customer and order where those are known; a batch at a time, new rows in
// multi-row statements, changed ones in one staged update on PostgreSQL (one
// by one elsewhere).
class FeedbackWriter {
 public:
  FeedbackWriter(Database& database, ReferenceLinker& linker);
  FeedbackWriter(const FeedbackWriter&) = delete;
  FeedbackWriter& operator=(const FeedbackWriter&) = delete;

  // Queues the feedback; `seen_before` when its source record was stored
  // earlier. The feedback must outlive flush().
  void add(long long source_record_id, const model::Feedback& feedback, bool seen_before);
  // Writes the queued feedback and forgets it.
  void flush(const std::string& now);

 private:
  struct Pending {
    long long source_record_id = 0;
    const model::Feedback* feedback = nullptr;
    bool seen_before = false;
  };

  Database& database_;
  ReferenceLinker& linker_;
  std::vector<Pending> pending_;
  // Values the update statement is bound to.
  long long feedback_id_ = 0;
  NullableId customer_id_;
  NullableId order_id_;
  NullableText customer_ref_;
  NullableText order_ref_;
  std::string kind_;
  NullableColumn<int> score_;
  NullableText comment_;
  NullableText received_at_;
  std::string now_;

  soci::statement update_;
};

}  // namespace crmsync::store
