#include "smtp_transport.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>

#include <curl/curl.h>

namespace crmsync::smtp {
namespace {

struct UploadState {
  const std::string* message;
  std::size_t position = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* state = static_cast<UploadState*>(user);
  const std::size_t room = size * count;
  const std::size_t left = state->message->size() - state->position;
  const std::size_t chunk = std::min(room, left);
  std::memcpy(buffer, state->message->data() + state->position, chunk);
  state->position += chunk;
  return chunk;
}

// The server's replies as libcurl saw them. After a refusal libcurl still
// says QUIT ("221 Bye"), so the refusal itself is kept apart.
struct ServerReplies {
  std::string last;
  std::string last_refusal;  // the last 4xx/5xx line
};

// Only incoming protocol lines are looked at, so the AUTH exchange we send
// never ends up anywhere.
int remember_reply(CURL* /*handle*/, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  auto* replies = static_cast<ServerReplies*>(user);
  std::string text(data, size);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
    if (line.size() >= 3 && std::isdigit(static_cast<unsigned char>(line[0])) != 0) {
      replies->last = line;
      if (line[0] == '4' || line[0] == '5') replies->last_refusal = line;
    }
    start = end + 1;
  }
  return 0;
}

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using CurlList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

}  // namespace

SmtpOutcome SmtpTransport::send(const std::string& recipient, const std::string& message) const {
  SmtpOutcome outcome;
  CurlHandle handle(curl_easy_init(), &curl_easy_cleanup);
  if (!handle) {
    outcome.error = "cannot create a libcurl handle";
    return outcome;
  }
  CURL* curl = handle.get();
  CurlList recipients(curl_slist_append(nullptr, ("<" + recipient + ">").c_str()), &curl_slist_free_all);
  UploadState upload{&message};
  ServerReplies replies;
  std::array<char, CURL_ERROR_SIZE> error_text{};

  curl_easy_setopt(curl, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  settings_.security.apply(curl);
  if (!settings_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  const std::string envelope_from = "<" + settings_.from_address + ">";
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, envelope_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, &read_message);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text.data());
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, &remember_reply);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &replies);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // only feeds remember_reply; nothing is printed

  const CURLcode code = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &outcome.reply_code);
  outcome.reply_text = replies.last;
  if (code != CURLE_OK && !replies.last_refusal.empty()) {
    outcome.reply_text = replies.last_refusal;
    outcome.reply_code = std::stol(replies.last_refusal.substr(0, 3));
  }
  outcome.sent = code == CURLE_OK;
  if (!outcome.sent) outcome.error = error_text[0] != '\0' ? error_text.data() : curl_easy_strerror(code);
  // Closing the connection (QUIT) still calls back into the locals above:
  // end it while they live.
  handle.reset();
  return outcome;
}

}  // namespace crmsync::smtp
