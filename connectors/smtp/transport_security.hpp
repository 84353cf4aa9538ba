#pragma once

#include <optional>
#include <string>
#include <vector>

#include <curl/curl.h>

#include "crmsync/sdk/config_spec.hpp"

namespace crmsync::mail {

enum class TlsMode { starttls, implicit, none };

// Where a mail connector connects and how the connection is protected. Both
// mail connectors (smtp, imap) share the rule: TLS always, either upgraded by
// STARTTLS or from the first byte, unless the server is on this machine and
// the operator said `allow_plaintext_loopback: true`.
class TransportSecurity {
 public:
  // The names of the URL schemes the protocol uses, e.g. {"smtp", "smtps"}.
  struct Schemes {
    std::string plain;
    std::string implicit_tls;
  };

  // Checks url/tls/allow_plaintext_loopback together; appends problems with
  // the option's key as path and returns nothing when any is found.
  static std::optional<TransportSecurity> parse(const std::string& url, const std::string& tls,
                                                bool allow_plaintext_loopback, std::string ca_file,
                                                const Schemes& schemes,
                                                std::vector<sdk::ConfigProblem>& problems);

  // "localhost", 127.0.0.0/8 and ::1.
  [[nodiscard]] static bool is_loopback_host(const std::string& host);

  // Sets TLS use, certificate checks and the CA file on a handle.
  void apply(CURL* handle) const;

  [[nodiscard]] TlsMode mode() const { return mode_; }
  [[nodiscard]] const std::string& host() const { return host_; }

 private:
  TransportSecurity(TlsMode mode, std::string host, std::string ca_file)
      : mode_(mode), host_(std::move(host)), ca_file_(std::move(ca_file)) {}

  TlsMode mode_;
  std::string host_;
  std::string ca_file_;
};

}  // namespace crmsync::mail
