#include "daemon/http_client/endpoint_policy.hpp"

#include <memory>

#include <arpa/inet.h>
#include <curl/curl.h>

namespace crmsync::http_client {
namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
struct CurlStringDeleter {
  void operator()(char* text) const { curl_free(text); }
};
using CurlString = std::unique_ptr<char, CurlStringDeleter>;

CurlString url_part(CURLU* url, CURLUPart part) {
  char* text = nullptr;
  if (curl_url_get(url, part, &text, 0) != CURLUE_OK) return nullptr;
  return CurlString(text);
}

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

bool EndpointPolicy::is_loopback_host(const std::string& host) {
  std::string bare = lower(host);
  if (bare.size() >= 2 && bare.front() == '[' && bare.back() == ']') bare = bare.substr(1, bare.size() - 2);
  if (bare == "localhost" || bare == "::1") return true;
  in_addr address{};
  if (inet_pton(AF_INET, bare.c_str(), &address) == 1) {
    return (ntohl(address.s_addr) >> 24) == 127;  // 127.0.0.0/8
  }
  return false;
}

std::optional<std::string> EndpointPolicy::refusal(const std::string& url) {
  std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return "'" + url + "' is not an absolute URL";
  }
  const CurlString scheme = url_part(parsed.get(), CURLUPART_SCHEME);
  const CurlString host = url_part(parsed.get(), CURLUPART_HOST);
  if (!scheme || !host) return "'" + url + "' has no scheme or host";
  const std::string scheme_name = lower(scheme.get());
  if (scheme_name == "https") return std::nullopt;
  if (scheme_name == "http") {
    if (is_loopback_host(host.get())) return std::nullopt;
    return "plain http to '" + std::string(host.get()) +
           "' refused: use https (http is allowed only to 127.0.0.0/8, ::1 and localhost)";
  }
  return "scheme '" + scheme_name + "' refused: only https (and http to loopback) is allowed";
}

}  // namespace crmsync::http_client
