#include "imap_settings.hpp"

#include <memory>

#include <curl/curl.h>

#include "option_duration.hpp"

namespace crmsync::imap {
namespace {

struct MailboxLocation {
  std::string server_url;
  std::string mailbox;
};

std::optional<MailboxLocation> split_mailbox(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), &curl_url_cleanup);
  if (!handle ||
      curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return std::nullopt;
  char* path = nullptr;
  if (curl_url_get(handle.get(), CURLUPART_PATH, &path, CURLU_URLDECODE) != CURLUE_OK) return std::nullopt;
  std::string mailbox = path;
  curl_free(path);
  while (!mailbox.empty() && mailbox.front() == '/') mailbox.erase(0, 1);
  while (!mailbox.empty() && mailbox.back() == '/') mailbox.pop_back();
  if (curl_url_set(handle.get(), CURLUPART_PATH, "/", 0) != CURLUE_OK) return std::nullopt;
  char* server = nullptr;
  if (curl_url_get(handle.get(), CURLUPART_URL, &server, 0) != CURLUE_OK) return std::nullopt;
  MailboxLocation location{server, mailbox};
  curl_free(server);
  return location;
}

}  // namespace

sdk::ConfigSpec ImapSettings::spec() {
  using sdk::OptionType;
  return {
      {"url", OptionType::string, std::nullopt, true, false,
       "The mailbox replies arrive in: imaps://host:993/INBOX (TLS) or imap://host:143/INBOX (STARTTLS)."},
      {"tls", OptionType::string, "implicit", false, false,
       "implicit | starttls | none. none is accepted only to a loopback host together with "
       "allow_plaintext_loopback: true."},
      {"allow_plaintext_loopback", OptionType::boolean, "false", false, false,
       "Allow tls: none when the server is on this machine."},
      {"ca_file", OptionType::path, std::nullopt, false, false,
       "PEM file of CAs to trust instead of the system's."},
      {"username", OptionType::string, std::nullopt, true, false, "IMAP login."},
      {"password", OptionType::string, std::nullopt, true, true, "IMAP password."},
      {"batch_size", OptionType::integer, "50", false, false, "Messages per committed batch."},
      {"timeout", OptionType::duration, "60s", false, false, "Limit for one IMAP command."},
  };
}

std::optional<ImapSettings> ImapSettings::parse(const sdk::ConfigValue& options,
                                                std::vector<sdk::ConfigProblem>& problems) {
  const std::size_t before = problems.size();
  const std::string url = options.string_or("url", "");
  auto security = mail::TransportSecurity::parse(
      url, options.string_or("tls", "implicit"), options.boolean_or("allow_plaintext_loopback", false),
      options.string_or("ca_file", ""), {"imap", "imaps"}, problems);
  const auto location = split_mailbox(url);
  if (security && (!location || location->mailbox.empty()))
    problems.push_back({"url", "name the mailbox in the URL, e.g. imaps://host:993/INBOX"});
  if (security && location && location->mailbox.find_first_of("\"\\\r\n") != std::string::npos)
    problems.push_back({"url", "mailbox names with quotes, backslashes or line breaks are not supported"});
  const std::string username = options.string_or("username", "");
  const std::string password = options.string_or("password", "");
  if (username.empty()) problems.push_back({"username", "required"});
  if (password.empty()) problems.push_back({"password", "required"});
  const auto batch = options.integer("batch_size").value_or(50);
  if (batch < 1 || batch > 1000) problems.push_back({"batch_size", "must be between 1 and 1000"});
  const auto timeout = mail::parse_duration(options.string_or("timeout", "60s"));
  if (!timeout || timeout->count() <= 0) problems.push_back({"timeout", "not a duration like 60s"});
  if (problems.size() != before || !security) return std::nullopt;
  std::unique_ptr<char, decltype(&curl_free)> escaped(
      curl_easy_escape(nullptr, location->mailbox.c_str(), static_cast<int>(location->mailbox.size())),
      &curl_free);
  const std::string mailbox_url = location->server_url + (escaped ? escaped.get() : location->mailbox);
  return ImapSettings{location->server_url,
                      mailbox_url,
                      location->mailbox,
                      username,
                      password,
                      static_cast<std::size_t>(batch),
                      *timeout,
                      *security};
}

}  // namespace crmsync::imap
