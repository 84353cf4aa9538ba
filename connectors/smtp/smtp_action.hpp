#pragma once

#include <optional>
#include <string>

#include "crmsync/sdk/connector.hpp"

#include "outgoing_email.hpp"
#include "smtp_settings.hpp"
#include "smtp_transport.hpp"

namespace crmsync::smtp {

// Delivers "survey_email" and "reminder_email" actions as one MIME message
// each. Answers retry for temporary trouble (4xx replies, network, TLS) and
// failed for what a retry cannot fix (5xx replies, an unusable action).
class SmtpAction final : public sdk::ActionConnector {
 public:
  SmtpAction(std::string instance, SmtpSettings settings, sdk::HostServices host);
  // transport_ refers to settings_, so an instance stays where it was made.
  SmtpAction(const SmtpAction&) = delete;
  SmtpAction& operator=(const SmtpAction&) = delete;
  SmtpAction(SmtpAction&&) = delete;
  SmtpAction& operator=(SmtpAction&&) = delete;
  ~SmtpAction() override = default;

  sdk::Status deliver(const sdk::Action& action) override;

  // The Message-ID used when an action brings none: stable per idempotency key.
  [[nodiscard]] std::string derived_message_id(const std::string& idempotency_key) const;
  // Checks the action and turns it into an email, or says why it cannot be sent.
  [[nodiscard]] std::optional<OutgoingEmail> email_for(const sdk::Action& action, std::string& problem) const;
  // How the host should treat a transaction's outcome.
  [[nodiscard]] static sdk::Status status_for(const SmtpOutcome& outcome);

 private:
  std::string instance_;
  SmtpSettings settings_;
  sdk::HostServices host_;
  SmtpTransport transport_;
};

}  // namespace crmsync::smtp
