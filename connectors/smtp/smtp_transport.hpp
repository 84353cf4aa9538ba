#pragma once

#include <string>

#include "smtp_settings.hpp"

namespace crmsync::smtp {

// What happened to one SMTP transaction.
struct SmtpOutcome {
  bool sent = false;
  long reply_code = 0;     // the last SMTP reply code, 0 when none came
  std::string reply_text;  // the server's last reply line (never our own commands)
  std::string error;       // libcurl's description when not sent
};

// Sends one message through libcurl: connect, TLS, AUTH, MAIL FROM, RCPT TO, DATA.
class SmtpTransport {
 public:
  explicit SmtpTransport(const SmtpSettings& settings) : settings_(settings) {}

  [[nodiscard]] SmtpOutcome send(const std::string& recipient, const std::string& message) const;

 private:
  const SmtpSettings& settings_;
};

}  // namespace crmsync::smtp
