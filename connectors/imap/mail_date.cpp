#include "mail_date.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <regex>

namespace crmsync::imap {
namespace {

int month_number(const std::string& name) {
  static constexpr std::array<const char*, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (name.size() == 3 && std::tolower(static_cast<unsigned char>(name[0])) == kMonths[i][0] &&
        std::tolower(static_cast<unsigned char>(name[1])) == kMonths[i][1] &&
        std::tolower(static_cast<unsigned char>(name[2])) == kMonths[i][2])
      return static_cast<int>(i);
  }
  return -1;
}

int zone_minutes(const std::string& zone) {
  if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) {
    const int value = std::stoi(zone.substr(1, 2)) * 60 + std::stoi(zone.substr(3, 2));
    return zone[0] == '-' ? -value : value;
  }
  return 0;  // "GMT", "UT", "Z" and obsolete names are read as UTC
}

}  // namespace

std::optional<std::string> MailDate::to_iso8601_utc(const std::string& value) {
  static const std::regex date(
      R"((\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+\-]\d{4}|[A-Za-z]+)?)");
  std::smatch m;
  if (!std::regex_search(value, m, date)) return std::nullopt;
  const int month = month_number(m[2].str());
  if (month < 0) return std::nullopt;
  int year = std::stoi(m[3].str());
  if (year < 50)
    year += 2000;
  else if (year < 1000)
    year += 1900;
  std::tm parts{};
  parts.tm_year = year - 1900;
  parts.tm_mon = month;
  parts.tm_mday = std::stoi(m[1].str());
  parts.tm_hour = std::stoi(m[4].str());
  parts.tm_min = std::stoi(m[5].str());
  parts.tm_sec = m[6].matched ? std::stoi(m[6].str()) : 0;
  const std::time_t utc = timegm(&parts) - static_cast<std::time_t>(zone_minutes(m[7].str())) * 60;
  std::tm out{};
  gmtime_r(&utc, &out);
  std::array<char, 32> text{};
  const std::size_t length = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &out);
  if (length == 0) return std::nullopt;
  return std::string(text.data(), length);
}

}  // namespace crmsync::imap
