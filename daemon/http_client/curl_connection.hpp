#pragma once

#include <chrono>
#include <memory>
#include <string>

#include <curl/curl.h>

#include "crmsync/sdk/http.hpp"

namespace crmsync::http_client {

// What one exchange on the wire ended in.
struct TransportOutcome {
  bool answered = false;   // an HTTP response arrived (any status)
  bool retryable = false;  // not answered, but a network error worth another try
  sdk::HttpResponse response;
  std::string error;  // when not answered
};

// One libcurl easy handle, kept for the life of a client so that connections
// (and TLS sessions) are reused between requests. TLS peers are always verified.
class CurlConnection {
 public:
  CurlConnection(std::chrono::seconds timeout, std::string ca_file);

  [[nodiscard]] TransportOutcome perform(const sdk::HttpRequest& request);

 private:
  struct EasyDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
  };

  void configure(const sdk::HttpRequest& request, curl_slist* headers, TransportOutcome& outcome);

  std::unique_ptr<CURL, EasyDeleter> handle_;
  std::chrono::seconds timeout_;
  std::string ca_file_;
  char error_buffer_[CURL_ERROR_SIZE]{};
};

}  // namespace crmsync::http_client
