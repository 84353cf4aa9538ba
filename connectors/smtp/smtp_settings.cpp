#include "smtp_settings.hpp"

#include <algorithm>
#include <cctype>

#include "option_duration.hpp"

namespace crmsync::smtp {

bool is_plain_address(const std::string& address) {
  const auto at = address.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == address.size() ||
      address.find('@', at + 1) != std::string::npos)
    return false;
  return std::none_of(address.begin(), address.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == ',' || c == 0x7f;
  });
}

sdk::ConfigSpec SmtpSettings::spec() {
  using sdk::OptionType;
  return {
      {"url", OptionType::string, std::nullopt, true, false,
       "The mail server: smtp://host:587 (STARTTLS) or smtps://host:465 (TLS from the first byte)."},
      {"tls", OptionType::string, "starttls", false, false,
       "starttls | implicit | none. none is accepted only to a loopback host together with "
       "allow_plaintext_loopback: true."},
      {"allow_plaintext_loopback", OptionType::boolean, "false", false, false,
       "Allow tls: none when the server is on this machine (a local relay)."},
      {"ca_file", OptionType::path, std::nullopt, false, false,
       "PEM file of CAs to trust instead of the system's (a private relay's CA)."},
      {"username", OptionType::string, std::nullopt, false, false, "SMTP AUTH user; no AUTH when unset."},
      {"password", OptionType::string, std::nullopt, false, true, "SMTP AUTH password."},
      {"from", OptionType::string, std::nullopt, true, false, "Sender address, e.g. surveys@example.com."},
      {"from_name", OptionType::string, std::nullopt, false, false, "Sender display name (UTF-8)."},
      {"message_id_domain", OptionType::string, std::nullopt, false, false,
       "Domain of Message-IDs made up when an action brings none; defaults to the from address's domain."},
      {"list_unsubscribe_mailto", OptionType::string, std::nullopt, false, false,
       "An address added to List-Unsubscribe next to the one-click https link."},
      {"timeout", OptionType::duration, "30s", false, false, "Limit for one whole delivery."},
  };
}

std::optional<SmtpSettings> SmtpSettings::parse(const sdk::ConfigValue& options,
                                                std::vector<sdk::ConfigProblem>& problems) {
  const std::size_t before = problems.size();
  auto security =
      mail::TransportSecurity::parse(options.string_or("url", ""), options.string_or("tls", "starttls"),
                                     options.boolean_or("allow_plaintext_loopback", false),
                                     options.string_or("ca_file", ""), {"smtp", "smtps"}, problems);

  const std::string from = options.string_or("from", "");
  if (!is_plain_address(from))
    problems.push_back({"from", "'" + from + "' is not an address like name@example.com"});
  const std::string from_name = options.string_or("from_name", "");
  if (from_name.find_first_of("\r\n") != std::string::npos)
    problems.push_back({"from_name", "must be one line"});
  const std::string mailto = options.string_or("list_unsubscribe_mailto", "");
  if (!mailto.empty() && !is_plain_address(mailto))
    problems.push_back({"list_unsubscribe_mailto", "'" + mailto + "' is not an address"});
  const std::string username = options.string_or("username", "");
  const std::string password = options.string_or("password", "");
  if (username.empty() != password.empty())
    problems.push_back({username.empty() ? "username" : "password", "username and password go together"});
  const auto timeout = mail::parse_duration(options.string_or("timeout", "30s"));
  if (!timeout || timeout->count() <= 0) problems.push_back({"timeout", "not a duration like 30s"});
  if (problems.size() != before || !security) return std::nullopt;

  std::string domain = options.string_or("message_id_domain", "");
  if (domain.empty()) domain = from.substr(from.find('@') + 1);
  return SmtpSettings{
      options.string_or("url", ""), username, password, from, from_name, domain, mailto, *timeout, *security};
}

}  // namespace crmsync::smtp
