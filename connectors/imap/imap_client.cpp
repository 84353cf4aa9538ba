#include "imap_client.hpp"

#include <algorithm>
#include <array>
#include <regex>
#include <sstream>
#include <utility>

namespace crmsync::imap {
namespace {

std::size_t append_to_string(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string quoted(const std::string& mailbox) {
  return "\"" + mailbox + "\"";  // the settings refuse names with quotes or backslashes
}

}  // namespace

ImapClient::ImapClient(const ImapSettings& settings)
    : settings_(settings), handle_(curl_easy_init(), &curl_easy_cleanup) {
  if (!handle_) throw ImapError("cannot create a libcurl handle", false);
  CURL* curl = handle_.get();
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "imap,imaps");
  settings_.security.apply(curl);
  curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.username.c_str());
  curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &append_to_string);
  // A member, not a local: libcurl may still write while logging out in cleanup.
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &output_);
}

std::string ImapClient::perform(const std::string& url, const std::string& custom_request) {
  CURL* curl = handle_.get();
  output_.clear();
  std::array<char, CURL_ERROR_SIZE> error_text{};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, custom_request.empty() ? nullptr : custom_request.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text.data());
  const CURLcode code = curl_easy_perform(curl);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  if (code != CURLE_OK) {
    const std::string what = error_text[0] != '\0' ? error_text.data() : curl_easy_strerror(code);
    const std::string command =
        custom_request.empty() ? "FETCH" : custom_request.substr(0, custom_request.find(' '));
    throw ImapError(command + " on " + settings_.mailbox + " failed: " + what,
                    what.find("UIDVALIDITY") != std::string::npos);
  }
  return std::exchange(output_, {});
}

MailboxStatus ImapClient::status() {
  const std::string output =
      perform(settings_.server_url, "STATUS " + quoted(settings_.mailbox) + " (UIDVALIDITY UIDNEXT)");
  static const std::regex validity(R"(UIDVALIDITY\s+(\d+))", std::regex::icase);
  static const std::regex next(R"(UIDNEXT\s+(\d+))", std::regex::icase);
  std::smatch v;
  std::smatch n;
  if (!std::regex_search(output, v, validity) || !std::regex_search(output, n, next))
    throw ImapError(
        "STATUS on " + settings_.mailbox + " gave no UIDVALIDITY/UIDNEXT: " + output.substr(0, 200), false);
  return {static_cast<std::uint32_t>(std::stoul(v[1].str())),
          static_cast<std::uint32_t>(std::stoul(n[1].str()))};
}

std::vector<std::uint32_t> ImapClient::uids_after(std::uint32_t last_uid) {
  const std::string output =
      perform(settings_.mailbox_url, "UID SEARCH UID " + std::to_string(last_uid + 1) + ":*");
  std::vector<std::uint32_t> uids;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("* SEARCH", 0) != 0) continue;
    std::istringstream numbers(line.substr(8));
    // "n:*" always includes the highest UID, even when it is below n (RFC 3501 6.4.8).
    for (unsigned long uid = 0; numbers >> uid;)
      if (uid > last_uid) uids.push_back(static_cast<std::uint32_t>(uid));
  }
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  return uids;
}

std::string ImapClient::fetch(std::uint32_t uidvalidity, std::uint32_t uid) {
  // libcurl re-selects the mailbox and refuses the fetch when UIDVALIDITY differs.
  return perform(
      settings_.mailbox_url + ";UIDVALIDITY=" + std::to_string(uidvalidity) + "/;UID=" + std::to_string(uid),
      "");
}

}  // namespace crmsync::imap
