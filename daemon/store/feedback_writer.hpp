#pragma once

#include <string>

#include <soci/soci.h>

#include "daemon/model/feedback.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/nullable_column.hpp"
#include "daemon/store/reference_linker.hpp"

namespace crmsync::store {

// Writes the feedback row of a feedback source record, linked to its
// customer and order where those are known.
class FeedbackWriter {
 public:
  FeedbackWriter(Database& database, ReferenceLinker& linker);
  FeedbackWriter(const FeedbackWriter&) = delete;
  FeedbackWriter& operator=(const FeedbackWriter&) = delete;

  void write(long long source_record_id, const model::Feedback& feedback, const std::string& now);

 private:
  void bind_feedback(const model::Feedback& feedback);

  ReferenceLinker& linker_;
  // Values the statements are bound to.
  long long source_record_id_ = 0;
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

  soci::statement find_;
  soci::statement insert_;
  soci::statement update_;
};

}  // namespace crmsync::store
