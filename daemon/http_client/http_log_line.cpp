#include "daemon/http_client/http_log_line.hpp"

#include <algorithm>
#include <array>
#include <regex>
#include <string_view>

namespace crmsync::http_client {
namespace {

constexpr std::string_view kMask = "***";
constexpr std::size_t kBodyLimit = 2000;  // enough to see an error body, never a whole page

// Field names whose values are secrets wherever they appear.
const char* const kSecretFieldPattern =
    "access_token|refresh_token|id_token|client_secret|client_assertion|password|passwd|secret|"
    "api_key|apikey|token|authorization|session_id|sessionid|signature|app_secret|private_key|"
    // camelCase spellings (Fxiaoke, Salesforce): the match ignores case
    "accesstoken|refreshtoken|clientsecret|appsecret|permanentcode|corpaccesstoken";

const std::regex& json_field_pattern() {
  // "name": "value"  (quotes included so only whole keys match)
  static const std::regex pattern(
      std::string("(\"(?:") + kSecretFieldPattern + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")",
      std::regex::icase);
  return pattern;
}

const std::regex& form_field_pattern() {
  // name=value in query strings and form bodies
  static const std::regex pattern(std::string("((?:^|[?&;\\s])(?:") + kSecretFieldPattern + ")=)([^&\\s\"]*)",
                                  std::regex::icase);
  return pattern;
}

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

}  // namespace

HttpLogLine::HttpLogLine(std::vector<std::string> known_secrets) : known_secrets_(std::move(known_secrets)) {
  std::erase_if(known_secrets_, [](const std::string& s) { return s.size() < 4; });
}

bool HttpLogLine::is_credential_header(const std::string& name) {
  static constexpr std::array<std::string_view, 8> kNames{
      "authorization", "proxy-authorization", "cookie",     "set-cookie",
      "x-api-key",     "x-auth-token",        "x-fs-token", "x-sfdc-session"};
  return std::any_of(kNames.begin(), kNames.end(), [&](std::string_view n) { return same_name(n, name); });
}

std::string HttpLogLine::redact_fields(std::string text) {
  text = std::regex_replace(text, json_field_pattern(), "$1***$3");
  return std::regex_replace(text, form_field_pattern(), "$1***");
}

std::string HttpLogLine::redact_text(std::string text) const {
  for (const std::string& secret : known_secrets_) {
    for (std::size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + kMask.size())) {
      text.replace(at, secret.size(), kMask);
    }
  }
  return redact_fields(std::move(text));
}

std::string HttpLogLine::headers_text(const sdk::HttpHeaders& headers) const {
  std::string text;
  for (const auto& [name, value] : headers) {
    text += ' ';
    text += name;
    text += ": ";
    text += is_credential_header(name) ? std::string(kMask) : redact_text(value);
    text += ';';
  }
  return text;
}

std::string HttpLogLine::body_text(const std::string& body) const {
  if (body.empty()) return "";
  std::string shown = redact_text(body.size() > kBodyLimit ? body.substr(0, kBodyLimit) : body);
  if (body.size() > kBodyLimit) shown += "... (" + std::to_string(body.size()) + " bytes)";
  return " body: " + shown;
}

std::string HttpLogLine::request(const sdk::HttpRequest& request, int attempt) const {
  return "http> " + request.method + ' ' + redact_text(request.url) + " (attempt " + std::to_string(attempt) +
         ")" + headers_text(request.headers) + body_text(request.body);
}

std::string HttpLogLine::response(const sdk::HttpRequest& request, const sdk::HttpResponse& response) const {
  return "http< " + std::to_string(response.status) + " for " + request.method + ' ' +
         redact_text(request.url) + headers_text(response.headers) + body_text(response.body);
}

}  // namespace crmsync::http_client
