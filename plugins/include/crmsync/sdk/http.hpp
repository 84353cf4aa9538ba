#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crmsync::sdk {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute; https, or http to a loopback address only
  HttpHeaders headers;
  std::string body;
  // Attach the client's token (TokenSource::apply) before sending, and refresh
  // it once and resend when the answer says it was rejected.
  bool authorize = true;
};

struct HttpResponse {
  long status = 0;
  HttpHeaders headers;  // names in lower case, in the order received
  std::string body;

  // The first header with this name (case-insensitive), if any.
  [[nodiscard]] std::optional<std::string> header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (key.size() != name.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < key.size() && same; ++i) {
        same = (key[i] | 0x20) == (name[i] | 0x20);
      }
      if (same) return value;
    }
    return std::nullopt;
  }
};

// What a send ended in. The host has already retried what deserved a retry
// (429, 5xx, network errors, one token refresh) before it answers.
struct HttpResult {
  enum class Kind {
    response,     // an HTTP answer the connector should look at (any status the host did not retry)
    retry_later,  // retries exhausted or the budget is empty for long: return Status::retry_after
    failed,       // cannot succeed as configured (bad URL, TLS failure, token endpoint refused)
  };
  Kind kind = Kind::failed;
  HttpResponse response;                // for `response`, and the last answer seen otherwise
  std::chrono::seconds retry_after{0};  // for `retry_later`
  std::string error;                    // for `retry_later` and `failed`: what went wrong, secrets redacted

  [[nodiscard]] bool ok() const { return kind == Kind::response; }
};

// A token as a TokenSource understood the token endpoint's answer.
struct AccessToken {
  std::string value;
  std::chrono::seconds lifetime{3600};
  // Anything else the answer carried that later requests need
  // (Salesforce instance_url, Fxiaoke corpId / ea).
  std::vector<std::pair<std::string, std::string>> extras;
};

// How one vendor's authentication works; implemented by the connector, driven
// by the host, which caches the token, refreshes it shortly before it expires,
// and refreshes once and resends when a response says it was rejected.
class TokenSource {
 public:
  virtual ~TokenSource() = default;
  // The request that fetches a new token (sent without authorize).
  [[nodiscard]] virtual HttpRequest token_request() const = 0;
  // Reads the token endpoint's answer; nullopt with `error` set when it refused.
  [[nodiscard]] virtual std::optional<AccessToken> parse_token(const HttpResponse& response,
                                                               std::string& error) const = 0;
  // Puts the token on a request: a header, a query parameter or the JSON body.
  virtual void apply(const AccessToken& token, HttpRequest& request) const = 0;
  // True when this answer means "the token is expired or invalid", including
  // vendors that say so inside an HTTP 200 body.
  [[nodiscard]] virtual bool rejects_token(const HttpResponse& response) const = 0;
};

struct HttpClientOptions {
  // Clients with the same budget key share one request budget: use one key
  // per credential so all streams of an instance slow down together.
  std::string budget_key;
  double requests_per_second = 10.0;
  int burst = 10;
  std::chrono::seconds timeout{60};
  int max_attempts = 6;                 // per request, for 429 / 5xx / network errors
  std::chrono::seconds max_wait{120};   // longest the host waits in one send before retry_later
  std::string ca_file;                  // extra CA bundle; verification is never off for https
  TokenSource* token_source = nullptr;  // not owned; must outlive the client
};

// One connector's HTTP connection (kept alive between requests). Not
// thread-safe: one per stream reader or per connector instance.
class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual HttpResult send(HttpRequest request) = 0;
  // Drops the cached token so the next authorized request fetches a new one.
  virtual void invalidate_token() = 0;
};

// The host's HTTP service, lent to every connector through HostServices.
class HttpService {
 public:
  virtual ~HttpService() = default;
  [[nodiscard]] virtual std::unique_ptr<HttpClient> create_client(const HttpClientOptions& options) = 0;
};

}  // namespace crmsync::sdk
