#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"

#include "transport_security.hpp"

namespace crmsync::smtp {

// The smtp connector's options, checked once when the instance is created.
struct SmtpSettings {
  std::string url;
  std::string username;  // empty: no AUTH
  std::string password;
  std::string from_address;
  std::string from_name;
  std::string message_id_domain;  // right side of Message-IDs this connector makes up
  std::string list_unsubscribe_mailto;
  std::chrono::milliseconds timeout{30000};
  mail::TransportSecurity security;

  [[nodiscard]] static sdk::ConfigSpec spec();
  // Nothing, with the reasons in `problems`, when the options do not hold together.
  [[nodiscard]] static std::optional<SmtpSettings> parse(const sdk::ConfigValue& options,
                                                         std::vector<sdk::ConfigProblem>& problems);
};

// A bare addr-spec: one '@', no spaces, angle brackets or line breaks.
[[nodiscard]] bool is_plain_address(const std::string& address);

}  // namespace crmsync::smtp
