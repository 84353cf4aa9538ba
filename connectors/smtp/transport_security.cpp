#include "transport_security.hpp"

#include <memory>

#include <arpa/inet.h>

namespace crmsync::mail {
namespace {

struct UrlParts {
  std::string scheme;
  std::string host;
};

std::optional<UrlParts> split_url(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), &curl_url_cleanup);
  if (!handle ||
      curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return std::nullopt;
  UrlParts parts;
  for (auto [part, target] :
       {std::pair{CURLUPART_SCHEME, &parts.scheme}, std::pair{CURLUPART_HOST, &parts.host}}) {
    char* text = nullptr;
    if (curl_url_get(handle.get(), part, &text, 0) != CURLUE_OK) return std::nullopt;
    *target = text;
    curl_free(text);
  }
  return parts;
}

std::optional<TlsMode> tls_mode_from(const std::string& text) {
  if (text == "starttls") return TlsMode::starttls;
  if (text == "implicit") return TlsMode::implicit;
  if (text == "none") return TlsMode::none;
  return std::nullopt;
}

}  // namespace

bool TransportSecurity::is_loopback_host(const std::string& host) {
  if (host == "localhost") return true;
  std::string bare = host;
  if (bare.size() > 2 && bare.front() == '[' && bare.back() == ']') bare = bare.substr(1, bare.size() - 2);
  in_addr v4{};
  if (inet_pton(AF_INET, bare.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, bare.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

std::optional<TransportSecurity> TransportSecurity::parse(const std::string& url, const std::string& tls,
                                                          bool allow_plaintext_loopback, std::string ca_file,
                                                          const Schemes& schemes,
                                                          std::vector<sdk::ConfigProblem>& problems) {
  const std::size_t before = problems.size();
  const auto parts = split_url(url);
  if (!parts || parts->host.empty()) {
    problems.push_back({"url", "'" + url + "' is not a URL like " + schemes.implicit_tls + "://host:port"});
  } else if (parts->scheme != schemes.plain && parts->scheme != schemes.implicit_tls) {
    problems.push_back({"url", "scheme '" + parts->scheme + "' is neither " + schemes.plain + " nor " +
                                   schemes.implicit_tls});
  }
  const auto mode = tls_mode_from(tls);
  if (!mode) problems.push_back({"tls", "'" + tls + "' is not one of starttls, implicit, none"});
  if (problems.size() != before) return std::nullopt;

  const bool implicit_scheme = parts->scheme == schemes.implicit_tls;
  if (implicit_scheme && *mode != TlsMode::implicit)
    problems.push_back(
        {"tls", schemes.implicit_tls + ":// means TLS from the first byte: set tls: implicit"});
  if (!implicit_scheme && *mode == TlsMode::implicit)
    problems.push_back({"url", "tls: implicit needs a " + schemes.implicit_tls + ":// URL"});
  if (*mode == TlsMode::none) {
    if (!is_loopback_host(parts->host))
      problems.push_back({"tls",
                          "tls: none sends passwords and mail in clear text; it is allowed only to a "
                          "loopback host, and '" +
                              parts->host + "' is not one"});
    else if (!allow_plaintext_loopback)
      problems.push_back({"allow_plaintext_loopback",
                          "tls: none to a loopback host also needs allow_plaintext_loopback: true"});
  }
  if (problems.size() != before) return std::nullopt;
  return TransportSecurity(*mode, parts->host, std::move(ca_file));
}

void TransportSecurity::apply(CURL* handle) const {
  curl_easy_setopt(handle, CURLOPT_USE_SSL, mode_ == TlsMode::none ? CURLUSESSL_NONE : CURLUSESSL_ALL);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!ca_file_.empty()) curl_easy_setopt(handle, CURLOPT_CAINFO, ca_file_.c_str());
}

}  // namespace crmsync::mail
