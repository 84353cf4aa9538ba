#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <curl/curl.h>

#include "imap_settings.hpp"

namespace crmsync::imap {

// An IMAP command that did not work: network, TLS, login or server trouble.
class ImapError : public std::runtime_error {
 public:
  ImapError(const std::string& what, bool validity_changed)
      : std::runtime_error(what), validity_changed_(validity_changed) {}
  // The mailbox's UIDVALIDITY changed between our STATUS and a FETCH.
  [[nodiscard]] bool validity_changed() const { return validity_changed_; }

 private:
  bool validity_changed_;
};

struct MailboxStatus {
  std::uint32_t uidvalidity = 0;
  std::uint32_t uidnext = 0;
};

// The few IMAP commands the replies stream needs, over one libcurl handle so
// that consecutive commands share a connection, a TLS session and a login.
class ImapClient {
 public:
  explicit ImapClient(const ImapSettings& settings);
  // The handle points at output_, so a client stays where it was made.
  ImapClient(const ImapClient&) = delete;
  ImapClient& operator=(const ImapClient&) = delete;
  ImapClient(ImapClient&&) = delete;
  ImapClient& operator=(ImapClient&&) = delete;
  ~ImapClient() = default;

  [[nodiscard]] MailboxStatus status();
  // UIDs above `last_uid`, ascending.
  [[nodiscard]] std::vector<std::uint32_t> uids_after(std::uint32_t last_uid);
  // The whole message as the server stores it. Throws with validity_changed()
  // when the mailbox no longer has this UIDVALIDITY.
  [[nodiscard]] std::string fetch(std::uint32_t uidvalidity, std::uint32_t uid);

 private:
  std::string perform(const std::string& url, const std::string& custom_request);

  const ImapSettings& settings_;
  std::string output_;  // declared before handle_, so it outlives the cleanup
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> handle_;
};

}  // namespace crmsync::imap
