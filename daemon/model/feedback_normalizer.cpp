#include "daemon/model/feedback_normalizer.hpp"

#include <optional>
#include <string>
#include <utility>

#include "daemon/model/field_reader.hpp"
#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {
namespace {

namespace field = sdk::field;

struct ScoreRange {
  int low;
  int high;
};

// The scale each kind's score is on; kinds without one take any whole number.
std::optional<ScoreRange> range_of(const std::string& kind) {
  if (kind == "nps") return ScoreRange{0, 10};
  if (kind == "csat") return ScoreRange{1, 5};
  return std::nullopt;
}

bool is_known_kind(const std::string& kind) {
  return kind == "nps" || kind == "csat" || kind == "complaint" || kind == "note";
}

}  // namespace

FeedbackNormalizer::FeedbackNormalizer(const TimestampParser& timestamps) : timestamps_(timestamps) {}

Expected<Feedback, std::string> FeedbackNormalizer::normalize(const sdk::FieldMap& fields) const {
  const FieldReader in(fields);
  Feedback feedback;
  feedback.in_reply_to = in.text(field::kInReplyTo);
  feedback.references = in.text(field::kReferences);
  feedback.survey_token = in.text(field::kSurveyToken);
  feedback.from_email = in.text(field::kFromEmail);
  // A reply finds its customer through the message it answers or its sender.
  if (feedback.is_reply()) {
    feedback.customer_ref = in.text(field::kCustomerRef);
  } else {
    auto customer_ref = in.required_text(field::kCustomerRef);
    if (!customer_ref) return Unexpected(customer_ref.error());
    feedback.customer_ref = std::move(*customer_ref);
  }
  feedback.order_ref = in.text(field::kOrderRef);
  feedback.comment = in.text(field::kComment);

  const std::string kind = unicode_text::to_lower(in.text(field::kFeedbackKind));
  feedback.kind = kind.empty() ? "note" : kind;
  if (!is_known_kind(feedback.kind)) {
    return Unexpected(in.describe(field::kFeedbackKind) + ": '" + feedback.kind +
                      "' is not one of nps, csat, complaint, note");
  }

  auto score = in.integer(field::kScore);
  if (!score) return Unexpected(score.error());
  const auto range = range_of(feedback.kind);
  if (*score && range && (**score < range->low || **score > range->high)) {
    return Unexpected(in.describe(field::kScore) + ": " + std::to_string(**score) + " is outside " +
                      std::to_string(range->low) + "-" + std::to_string(range->high) + " for " +
                      feedback.kind);
  }
  feedback.score = *score;

  auto received_at = in.timestamp(field::kReceivedAt, timestamps_);
  if (!received_at) return Unexpected(received_at.error());
  feedback.received_at = *received_at;
  return feedback;
}

}  // namespace crmsync::model
