#include "daemon/config/database_url.hpp"

#include <array>

namespace crmsync::config {
namespace {

constexpr std::string_view kSeparator = "://";
constexpr std::array<std::string_view, 5> kSchemes = {"sqlite", "sqlite3", "postgresql", "postgres", "mysql"};

bool is_sqlite(std::string_view scheme) {
  return scheme == "sqlite" || scheme == "sqlite3";
}

}  // namespace

Expected<std::string, std::string> DatabaseUrl::normalize(std::string_view url,
                                                          const std::filesystem::path& base_dir) {
  const std::size_t separator = url.find(kSeparator);
  if (separator == std::string_view::npos) {
    return Unexpected<std::string>(
        "database url must look like sqlite://PATH, postgresql://... or mysql://...");
  }
  const std::string_view scheme = url.substr(0, separator);
  bool known = false;
  for (const std::string_view candidate : kSchemes) known = known || candidate == scheme;
  if (!known) {
    return Unexpected<std::string>("unsupported database '" + std::string(scheme) +
                                   "'; expected sqlite, postgresql or mysql");
  }
  if (!is_sqlite(scheme)) return std::string(url);

  std::string_view rest = url.substr(separator + kSeparator.size());
  const std::size_t query = rest.find('?');
  const std::string_view suffix = query == std::string_view::npos ? "" : rest.substr(query);
  rest = rest.substr(0, query);
  if (rest.empty()) return Unexpected<std::string>("sqlite database url has no file path");
  std::filesystem::path file(rest);
  if (rest == ":memory:" || file.is_absolute()) return std::string(url);
  file = (base_dir / file).lexically_normal();
  return std::string(scheme) + std::string(kSeparator) + file.string() + std::string(suffix);
}

std::vector<std::string> DatabaseUrl::passwords(std::string_view url) {
  std::vector<std::string> found;
  const std::size_t separator = url.find(kSeparator);
  if (separator != std::string_view::npos) {
    const std::string_view rest = url.substr(separator + kSeparator.size());
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?"));
    const std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
      const std::string_view user_info = authority.substr(0, at);
      const std::size_t colon = user_info.find(':');
      if (colon != std::string_view::npos) found.emplace_back(user_info.substr(colon + 1));
    }
  }
  constexpr std::string_view kKey = "password=";
  for (std::size_t pos = url.find(kKey); pos != std::string_view::npos; pos = url.find(kKey, pos + 1)) {
    const std::string_view value = url.substr(pos + kKey.size());
    found.emplace_back(value.substr(0, value.find_first_of(" &;")));
  }
  return found;
}

}  // namespace crmsync::config
