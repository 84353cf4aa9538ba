#include "smtp_action.hpp"

#include <array>
#include <chrono>
#include <exception>

#include <openssl/evp.h>

#include "header_encoder.hpp"
#include "mime_composer.hpp"

namespace crmsync::smtp {
namespace {

using namespace std::chrono_literals;

// A 4xx reply means "later"; greylisting and full mailboxes usually clear
// within minutes. Network trouble is retried sooner.
constexpr auto kTemporaryReplyDelay = 5min;
constexpr auto kConnectionDelay = 1min;

std::string field_or_empty(const sdk::FieldMap& fields, const char* name) {
  const auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

bool is_message_id(const std::string& id) {
  return id.size() > 4 && id.front() == '<' && id.back() == '>' && id.find('@') != std::string::npos &&
         !HeaderEncoder::has_line_break(id) && id.find(' ') == std::string::npos;
}

std::string describe(const SmtpOutcome& outcome) {
  if (!outcome.reply_text.empty()) return "server said: " + outcome.reply_text;
  return outcome.error;
}

}  // namespace

SmtpAction::SmtpAction(std::string instance, SmtpSettings settings, sdk::HostServices host)
    : instance_(std::move(instance)), settings_(std::move(settings)), host_(host), transport_(settings_) {}

std::string SmtpAction::derived_message_id(const std::string& idempotency_key) const {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  const std::string keyed = "crmsync-smtp:" + idempotency_key;
  EVP_Digest(keyed.data(), keyed.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string local;
  for (unsigned int i = 0; i < 16 && i < length; ++i) {
    local += kHex[digest[i] >> 4];
    local += kHex[digest[i] & 0x0f];
  }
  return "<crmsync." + local + "@" + settings_.message_id_domain + ">";
}

std::optional<OutgoingEmail> SmtpAction::email_for(const sdk::Action& action, std::string& problem) const {
  using namespace sdk::action_field;
  if (action.kind != "survey_email" && action.kind != "reminder_email") {
    problem = "the smtp connector sends survey_email and reminder_email, not '" + action.kind + "'";
    return std::nullopt;
  }
  const auto& fields = action.fields;
  OutgoingEmail email;
  email.from_address = settings_.from_address;
  email.from_name = settings_.from_name;
  email.to_address = field_or_empty(fields, kTo);
  email.to_name = field_or_empty(fields, kToName);
  email.subject = field_or_empty(fields, kSubject);
  email.text_body = field_or_empty(fields, kTextBody);
  email.html_body = field_or_empty(fields, kHtmlBody);
  email.unsubscribe_url = field_or_empty(fields, kUnsubscribeUrl);
  email.unsubscribe_mailto = settings_.list_unsubscribe_mailto;
  email.language = field_or_empty(fields, kLanguage);
  email.message_id = field_or_empty(fields, kMessageId);
  if (email.message_id.empty()) email.message_id = derived_message_id(action.idempotency_key);
  email.date = host_.clock != nullptr ? host_.clock->now() : std::chrono::system_clock::now();

  if (!is_plain_address(email.to_address))
    problem = "'to' is not a single address: '" + email.to_address + "'";
  else if (HeaderEncoder::has_line_break(email.to_name) || HeaderEncoder::has_line_break(email.subject))
    problem = "'to_name' and 'subject' must be one line each";
  else if (email.subject.empty() || email.text_body.empty())
    problem = "'subject' and 'text_body' are required";
  else if (!is_message_id(email.message_id))
    problem = "'message_id' is not like <id@domain>: '" + email.message_id + "'";
  else if (email.unsubscribe_url.rfind("https://", 0) != 0 ||
           email.unsubscribe_url.find_first_of("<> \r\n") != std::string::npos)
    problem = "'unsubscribe_url' must be an https link for one-click unsubscribe (RFC 8058)";
  else if (email.language.find_first_of("\r\n") != std::string::npos)
    problem = "'language' must be one line";
  if (!problem.empty()) return std::nullopt;
  return email;
}

sdk::Status SmtpAction::status_for(const SmtpOutcome& outcome) {
  if (outcome.sent) return sdk::Status::success();
  const long kind = outcome.reply_code / 100;
  if (kind == 5) return sdk::Status::failure("rejected: " + describe(outcome));
  if (kind == 4)
    return sdk::Status::retry_after(kTemporaryReplyDelay, "temporarily refused: " + describe(outcome));
  return sdk::Status::retry_after(kConnectionDelay, "cannot deliver: " + describe(outcome));
}

sdk::Status SmtpAction::deliver(const sdk::Action& action) {
  try {
    std::string problem;
    const auto email = email_for(action, problem);
    if (!email) return sdk::Status::failure("action " + action.idempotency_key + ": " + problem);
    const SmtpOutcome outcome = transport_.send(email->to_address, MimeComposer::compose(*email));
    sdk::Status status = status_for(outcome);
    if (host_.logger != nullptr) {
      if (status.ok())
        host_.logger->info(instance_ + ": sent " + action.kind + " " + email->message_id + " for action " +
                           action.idempotency_key);
      else
        host_.logger->warning(instance_ + ": action " + action.idempotency_key + " (" + action.kind +
                              "): " + status.reason());
    }
    return status;
  } catch (const std::exception& e) {
    return sdk::Status::retry_after(kConnectionDelay, "action " + action.idempotency_key + ": " + e.what());
  }
}

}  // namespace crmsync::smtp
