#include "daemon/store/database_url.hpp"

#include <cctype>
#include <charconv>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace crmsync::store {
namespace {

constexpr std::string_view kSchemeSeparator = "://";

// Where the authority (user:password@host:port) of a server URL ends. The
// last '@' before the path counts, so an unencoded '@' in a password works.
std::size_t authority_end(std::string_view rest) {
  const std::size_t query = rest.find('?');
  const std::string_view before_query = rest.substr(0, query);
  const std::size_t at = before_query.rfind('@');
  const std::size_t slash = rest.find('/', at == std::string_view::npos ? 0 : at);
  return slash == std::string_view::npos ? std::min(query, rest.size()) : slash;
}

// Best effort for error messages about URLs that did not parse: hide
// whatever sits between "user:" and "@".
std::string redact_unparsed(const std::string& url) {
  const std::size_t scheme_end = url.find(kSchemeSeparator);
  if (scheme_end == std::string::npos) return url.find('@') == std::string::npos ? url : "(unparsable URL)";
  const std::size_t start = scheme_end + kSchemeSeparator.size();
  const std::string_view rest = std::string_view(url).substr(start);
  const std::string_view authority = rest.substr(0, authority_end(rest));
  const std::size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return url;
  const std::size_t colon = authority.substr(0, at).find(':');
  if (colon == std::string_view::npos) return url;
  return url.substr(0, start + colon + 1) + "***" + url.substr(start + at);
}

[[noreturn]] void fail(const std::string& url, const std::string& problem) {
  throw std::runtime_error("database URL '" + redact_unparsed(url) + "': " + problem);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(const std::string& url, std::string_view text, const char* what) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = high >= 0 ? hex_value(text[i + 2]) : -1;
    if (low < 0) fail(url, std::string("bad percent-encoding in the ") + what);
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

std::string percent_encode(std::string_view text, std::string_view keep) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || keep.find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4U];
      out += kHex[byte & 0x0FU];
    }
  }
  return out;
}

std::optional<Dialect> dialect_of(std::string_view scheme) {
  if (scheme == "sqlite") return Dialect::sqlite;
  if (scheme == "postgresql" || scheme == "postgres") return Dialect::postgresql;
  if (scheme == "mysql" || scheme == "mariadb") return Dialect::mysql;
  return std::nullopt;
}

int parse_port(const std::string& url, std::string_view text) {
  int port = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc{} || end != text.data() + text.size() || port < 1 || port > 65535) {
    fail(url, "port '" + std::string(text) + "' is not a number between 1 and 65535");
  }
  return port;
}

}  // namespace

DatabaseUrl DatabaseUrl::parse(const std::string& url) {
  const std::size_t scheme_end = url.find(kSchemeSeparator);
  if (scheme_end == std::string::npos)
    fail(url, "expected <scheme>://..., e.g. sqlite:///var/lib/crmsync/crmsync.db");
  DatabaseUrl parsed;
  parsed.scheme_ = url.substr(0, scheme_end);
  const auto dialect = dialect_of(parsed.scheme_);
  if (!dialect) fail(url, "unknown scheme '" + parsed.scheme_ + "' (use sqlite, postgresql or mysql)");
  parsed.dialect_ = *dialect;
  const std::string_view rest = std::string_view(url).substr(scheme_end + kSchemeSeparator.size());

  if (parsed.dialect_ == Dialect::sqlite) {
    if (rest.empty())
      fail(url, "no database file (sqlite:///abs/path.db, sqlite://relative.db or sqlite://:memory:)");
    if (rest.find('?') != std::string_view::npos) fail(url, "sqlite URLs take no parameters");
    parsed.path_ = percent_decode(url, rest, "path");
    return parsed;
  }

  const std::size_t end_of_authority = authority_end(rest);
  std::string_view authority = rest.substr(0, end_of_authority);
  std::string_view tail = rest.substr(end_of_authority);

  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    const std::size_t colon = userinfo.find(':');
    parsed.user_ = percent_decode(url, userinfo.substr(0, colon), "user name");
    if (colon != std::string_view::npos) {
      parsed.password_ = percent_decode(url, userinfo.substr(colon + 1), "password");
      parsed.has_password_ = true;
    }
    authority = authority.substr(at + 1);
  }

  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {  // [::1]:5432
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) fail(url, "unclosed '[' in the host");
    parsed.host_ = std::string(authority.substr(1, close - 1));
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') fail(url, "unexpected text after ']' in the host");
    if (!after.empty()) port_text = after.substr(1);
  } else {
    const std::size_t colon = authority.find(':');
    parsed.host_ = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (!port_text.empty()) parsed.port_ = parse_port(url, port_text);

  const std::size_t query = tail.find('?');
  const std::string_view path = tail.substr(0, query);
  if (path.size() < 2 || path.front() != '/') fail(url, "no database name (expected .../<database>)");
  parsed.database_ = percent_decode(url, path.substr(1), "database name");
  if (parsed.database_.find('/') != std::string::npos) fail(url, "database name contains '/'");

  if (query != std::string_view::npos) {
    std::string_view params = tail.substr(query + 1);
    while (!params.empty()) {
      const std::size_t amp = params.find('&');
      const std::string_view param = params.substr(0, amp);
      params = amp == std::string_view::npos ? std::string_view{} : params.substr(amp + 1);
      const std::size_t eq = param.find('=');
      const std::string_view key = param.substr(0, eq);
      if (key != "socket" || eq == std::string_view::npos) {
        fail(url, "unknown parameter '" + std::string(key) + "' (supported: socket=<path>)");
      }
      parsed.socket_ = percent_decode(url, param.substr(eq + 1), "socket path");
    }
  }
  if (parsed.host_.empty() && parsed.socket_.empty()) fail(url, "no host and no ?socket=<path>");
  return parsed;
}

DatabaseUrl DatabaseUrl::with_database(std::string database) const {
  DatabaseUrl copy = *this;
  copy.database_ = std::move(database);
  return copy;
}

std::string DatabaseUrl::str() const {
  return render(true);
}

std::string DatabaseUrl::redacted() const {
  return render(false);
}

std::string DatabaseUrl::render(bool with_password) const {
  std::string out = scheme_ + std::string(kSchemeSeparator);
  if (dialect_ == Dialect::sqlite) return out + percent_encode(path_, "/._-~:");
  if (!user_.empty() || has_password_) {
    out += percent_encode(user_, "._-~");
    if (has_password_) out += ":" + (with_password ? percent_encode(password_, "._-~") : std::string("***"));
    out += "@";
  }
  out += host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
  if (port_) out += ":" + std::to_string(*port_);
  out += "/" + percent_encode(database_, "._-~");
  if (!socket_.empty()) out += "?socket=" + percent_encode(socket_, "/._-~");
  return out;
}

}  // namespace crmsync::store
