#include "daemon/http_client/curl_connection.hpp"

#include <cctype>
#include <stdexcept>

namespace crmsync::http_client {
namespace {

struct HeaderListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

std::size_t append_header(char* data, std::size_t size, std::size_t count, void* target) {
  auto& headers = *static_cast<sdk::HttpHeaders*>(target);
  std::string line(data, size * count);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  if (line.rfind("HTTP/", 0) == 0) {
    headers.clear();  // a new status line (after 100 Continue): keep only the final answer's headers
    return size * count;
  }
  const auto colon = line.find(':');
  if (colon == std::string::npos) return size * count;
  std::string name = line.substr(0, colon);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t start = colon + 1;
  while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
  headers.emplace_back(std::move(name), line.substr(start));
  return size * count;
}

bool is_network_error(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

}  // namespace

CurlConnection::CurlConnection(std::chrono::seconds timeout, std::string ca_file)
    : handle_(curl_easy_init()), timeout_(timeout), ca_file_(std::move(ca_file)) {
  if (!handle_) throw std::runtime_error("libcurl could not create an easy handle");
}

void CurlConnection::configure(const sdk::HttpRequest& request, curl_slist* headers,
                               TransportOutcome& outcome) {
  CURL* h = handle_.get();
  // curl_easy_reset keeps live connections, so every request starts clean and still reuses them.
  curl_easy_reset(h);
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!ca_file_.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, ca_file_.c_str());
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count() * 1000));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min<long long>(timeout_.count(), 30) * 1000));
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(h, CURLOPT_USERAGENT, "crmsync/" CRMSYNC_VERSION);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer_);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &outcome.response.body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &append_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &outcome.response.headers);
  if (request.method == "GET") {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  } else {
    if (request.method != "POST") curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "POST" || !request.body.empty()) {
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
    }
  }
}

TransportOutcome CurlConnection::perform(const sdk::HttpRequest& request) {
  TransportOutcome outcome;
  std::unique_ptr<curl_slist, HeaderListDeleter> headers;
  const auto add_header = [&headers](const std::string& line) {
    curl_slist* head = curl_slist_append(headers.get(), line.c_str());
    if (head == nullptr) throw std::bad_alloc();
    (void)headers.release();  // the list grew in place (or was just created): keep owning its head
    headers.reset(head);
  };
  for (const auto& [name, value] : request.headers) add_header(name + ": " + value);
  add_header("Expect:");  // no "100-continue" round trip before bodies

  error_buffer_[0] = '\0';
  configure(request, headers.get(), outcome);
  const CURLcode code = curl_easy_perform(handle_.get());
  if (code == CURLE_OK) {
    curl_easy_getinfo(handle_.get(), CURLINFO_RESPONSE_CODE, &outcome.response.status);
    outcome.answered = true;
    return outcome;
  }
  outcome.retryable = is_network_error(code);
  outcome.error = std::string(curl_easy_strerror(code));
  if (error_buffer_[0] != '\0') outcome.error += std::string(" (") + error_buffer_ + ")";
  return outcome;
}

}  // namespace crmsync::http_client
