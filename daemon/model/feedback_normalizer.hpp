#pragma once

#include <string>

#include "crmsync/sdk/record.hpp"

#include "daemon/common/expected.hpp"
#include "daemon/model/feedback.hpp"
#include "daemon/model/timestamp_parser.hpp"

namespace crmsync::model {

// Builds a Feedback. A customer_ref is required unless the record is a reply
// (in_reply_to, references, survey_token or from_email), which is linked
// through what it answers. The kind defaults to "note"; a score outside its
// kind's scale (nps 0-10, csat 1-5) rejects the record, since reports average them.
class FeedbackNormalizer {
 public:
  explicit FeedbackNormalizer(const TimestampParser& timestamps);

  [[nodiscard]] Expected<Feedback, std::string> normalize(const sdk::FieldMap& fields) const;

 private:
  const TimestampParser& timestamps_;
};

}  // namespace crmsync::model
