#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"

#include "transport_security.hpp"

namespace crmsync::imap {

// The imap connector's options, checked once when the instance is created.
struct ImapSettings {
  std::string server_url;   // "imaps://host:993/" — for commands outside the mailbox
  std::string mailbox_url;  // "imaps://host:993/INBOX"
  std::string mailbox;      // "INBOX", decoded
  std::string username;
  std::string password;
  std::size_t batch_size = 50;
  std::chrono::milliseconds timeout{60000};
  mail::TransportSecurity security;

  [[nodiscard]] static sdk::ConfigSpec spec();
  [[nodiscard]] static std::optional<ImapSettings> parse(const sdk::ConfigValue& options,
                                                         std::vector<sdk::ConfigProblem>& problems);
};

}  // namespace crmsync::imap
