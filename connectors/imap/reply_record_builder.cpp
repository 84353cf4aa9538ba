#include "reply_record_builder.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "mail_date.hpp"
#include "mail_message.hpp"
#include "reply_text.hpp"
#include "score_extractor.hpp"
#include "survey_token_finder.hpp"

namespace crmsync::imap {
namespace {

std::string lowered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// RFC 3834 auto-responses and delivery reports are not anyone's feedback.
bool is_automatic(const MailMessage& message) {
  const std::string auto_submitted = lowered(message.header("auto-submitted"));
  if (!auto_submitted.empty() && auto_submitted != "no") return true;
  const std::string precedence = lowered(message.header("precedence"));
  if (precedence == "auto_reply" || precedence == "bulk" || precedence == "junk") return true;
  if (!message.header("x-autoreply").empty() || !message.header("x-autorespond").empty()) return true;
  return lowered(message.header("content-type")).rfind("multipart/report", 0) == 0;
}

// Invalid UTF-8 (a mislabelled charset) would break the JSON payload; the
// replacement character keeps the rest of the text.
std::string valid_utf8(const std::string& text) {
  const std::string quoted =
      nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return nlohmann::json::parse(quoted).get<std::string>();
}

}  // namespace

std::optional<sdk::RawRecord> ReplyRecordBuilder::build(const std::string& mailbox, std::uint32_t uidvalidity,
                                                        std::uint32_t uid, const std::string& raw_message,
                                                        const std::string& fetched_at) {
  const MailMessage message = MailMessage::parse(raw_message);
  if (is_automatic(message)) return std::nullopt;

  const std::string subject = valid_utf8(message.decoded_header("subject"));
  const std::string own_text = valid_utf8(ReplyText::own_text(message.text()));
  const ScoreReading reading = ScoreExtractor::extract(own_text);
  std::string token = SurveyTokenFinder::find(subject);
  if (token.empty()) token = SurveyTokenFinder::find(message.all_text());
  const std::string received_at = MailDate::to_iso8601_utc(message.header("date")).value_or(fetched_at);

  sdk::RawRecord record;
  record.external_id = std::to_string(uidvalidity) + ":" + std::to_string(uid);
  record.entity = sdk::EntityType::feedback;
  record.location =
      mailbox + " uid " + std::to_string(uid) + " (uidvalidity " + std::to_string(uidvalidity) + ")";
  record.fields[sdk::field::kFromEmail] = message.sender_address();
  record.fields[sdk::field::kInReplyTo] = message.header("in-reply-to");
  record.fields[sdk::field::kReferences] = message.header("references");
  record.fields[sdk::field::kSurveyToken] = token;
  record.fields[sdk::field::kScore] = reading.score ? std::to_string(*reading.score) : std::string();
  record.fields[sdk::field::kFeedbackKind] = reading.kind;
  record.fields[sdk::field::kComment] = own_text;
  record.fields[sdk::field::kReceivedAt] = received_at;
  record.fields["message_id"] = message.header("message-id");

  const nlohmann::json payload{
      {"mailbox", mailbox},
      {"uidvalidity", uidvalidity},
      {"uid", uid},
      {"message_id", message.header("message-id")},
      {"from", valid_utf8(message.decoded_header("from"))},
      {"subject", subject},
      {"date", message.header("date")},
      {"in_reply_to", message.header("in-reply-to")},
      {"references", message.header("references")},
  };
  record.payload = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return record;
}

}  // namespace crmsync::imap
