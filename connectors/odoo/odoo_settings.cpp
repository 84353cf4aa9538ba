#include "odoo_settings.hpp"

#include <charconv>
#include <string_view>

namespace crmsync::odoo {
namespace {

constexpr int kMaxPageSize = 5000;

// "30s", "5m", "2h", "1d" or plain seconds.
std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  long long unit = 1;
  switch (text.back()) {
    case 's':
      text.remove_suffix(1);
      break;
    case 'm':
      unit = 60;
      text.remove_suffix(1);
      break;
    case 'h':
      unit = 3600;
      text.remove_suffix(1);
      break;
    case 'd':
      unit = 86400;
      text.remove_suffix(1);
      break;
    default:
      break;
  }
  long long count = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || count < 0)
    return std::nullopt;
  return std::chrono::seconds{count * unit};
}

bool is_http_url(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

}  // namespace

sdk::ConfigSpec OdooSettings::spec() {
  using sdk::OptionType;
  return {
      {"base_url", OptionType::string, std::nullopt, true, false,
       "Root URL of the Odoo server, e.g. https://mycompany.odoo.com (http only for loopback test servers)."},
      {"protocol", OptionType::string, "jsonrpc", false, false,
       "Which external API to use: 'jsonrpc' (POST /jsonrpc execute_kw; every Odoo version, deprecated "
       "in 19) or 'json2' (POST /json/2/<model>/<method> with the API key as bearer token; Odoo 19+)."},
      {"database", OptionType::string, std::nullopt, false, false,
       "Database name. Required for jsonrpc; for json2 sent as X-Odoo-Database when set (servers "
       "hosting several databases need it)."},
      {"login", OptionType::string, std::nullopt, false, false,
       "Login of the API user (jsonrpc only; json2 identifies the user by the key)."},
      {"api_key", OptionType::string, std::nullopt, true, true,
       "API key of the API user (Preferences > Account Security; keys last at most 3 months). Use "
       "${credential:NAME}."},
      {"page_size", OptionType::integer, "200", false, false,
       "Records asked for per search_read call (1-5000)."},
      {"detect_unlinked", OptionType::boolean, "true", false, false,
       "Find customers, orders and tickets deleted outright (unlinked) by comparing the ids delivered "
       "with the server's ids, and mark them deleted. Archived records are always marked deleted."},
      {"unlinked_scan_interval", OptionType::duration, "1h", false, false,
       "Least time between two id comparisons of one stream; 0s compares at the end of every read."},
      {"helpdesk_tickets", OptionType::boolean, "false", false, false,
       "Also read helpdesk.ticket (Odoo Enterprise Helpdesk) as complaint feedback in a 'tickets' stream."},
      {"requests_per_second", OptionType::integer, "5", false, false,
       "Request budget shared by all streams of the instance (core Odoo has no rate limit; odoo.com "
       "may throttle)."},
      {"ca_file", OptionType::path, std::nullopt, false, false,
       "Extra CA bundle for a server with a private certificate authority."},
  };
}

std::optional<OdooSettings> OdooSettings::parse(const sdk::ConfigValue& options,
                                                std::vector<sdk::ConfigProblem>& problems) {
  const std::size_t problems_before = problems.size();
  OdooSettings s;
  s.base_url = options.string_or("base_url", "");
  while (!s.base_url.empty() && s.base_url.back() == '/') s.base_url.pop_back();
  if (!is_http_url(s.base_url)) {
    problems.push_back({"base_url", "'" + s.base_url + "' is not an https:// (or loopback http://) URL"});
  }

  const std::string protocol = options.string_or("protocol", "jsonrpc");
  const bool is_jsonrpc = protocol == "jsonrpc";
  if (is_jsonrpc) {
    s.protocol = OdooProtocol::jsonrpc;
  } else if (protocol == "json2") {
    s.protocol = OdooProtocol::json2;
  } else {
    problems.push_back({"protocol", "'" + protocol + "' is neither 'jsonrpc' nor 'json2'"});
  }

  s.database = options.string_or("database", "");
  s.login = options.string_or("login", "");
  if (is_jsonrpc) {
    if (s.database.empty()) problems.push_back({"database", "jsonrpc needs the database name"});
    if (s.login.empty()) problems.push_back({"login", "jsonrpc needs the API user's login"});
  }
  s.api_key = options.string_or("api_key", "");
  if (s.api_key.empty()) problems.push_back({"api_key", "is empty"});

  const auto page_size = options.integer("page_size").value_or(200);
  if (page_size < 1 || page_size > kMaxPageSize) {
    problems.push_back(
        {"page_size", std::to_string(page_size) + " is outside 1-" + std::to_string(kMaxPageSize)});
  }
  s.page_size = static_cast<int>(page_size);

  s.detect_unlinked = options.boolean_or("detect_unlinked", true);
  const std::string interval = options.string_or("unlinked_scan_interval", "1h");
  if (const auto parsed = parse_duration(interval)) {
    s.unlinked_scan_interval = *parsed;
  } else {
    problems.push_back({"unlinked_scan_interval", "'" + interval + "' is not a duration such as 30m or 6h"});
  }
  s.helpdesk_tickets = options.boolean_or("helpdesk_tickets", false);

  const auto rate = options.integer("requests_per_second").value_or(5);
  if (rate < 1) problems.push_back({"requests_per_second", "must be at least 1"});
  s.requests_per_second = static_cast<double>(rate);
  s.ca_file = options.string_or("ca_file", "");

  if (problems.size() != problems_before) return std::nullopt;
  return s;
}

}  // namespace crmsync::odoo
