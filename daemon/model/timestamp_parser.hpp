#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace crmsync::model {

// Reads the timestamps sources write into UTC instants. Accepted forms:
//   2024-05-01T10:00:00Z, 2024-05-01T10:00:00.123+08:00, ...+0800, ...+08
//   2024-05-01 10:00:00, 2024-05-01T10:00, 2024/05/01 10:00   (default zone)
//   2024-05-01, 2024/05/01                                     (midnight, default zone)
//   1714557600 (epoch seconds, 10 digits), 1714557600000 (epoch milliseconds, 13 digits)
// Fractions of a second are truncated.
class TimestampParser {
 public:
  // default_timezone: IANA name ("Asia/Shanghai", "UTC") for local times; throws
  // std::invalid_argument when ICU does not know it (a configuration mistake).
  explicit TimestampParser(std::string_view default_timezone);
  ~TimestampParser();
  TimestampParser(const TimestampParser&) = delete;
  TimestampParser& operator=(const TimestampParser&) = delete;

  // The instant, or nothing when the text is none of the accepted forms or
  // names an impossible date or time ("2024-02-30", "25:00").
  [[nodiscard]] std::optional<std::chrono::sys_seconds> parse(std::string_view text) const;

  // A calendar date alone ("2024-05-01" or "2024/05/01"), e.g. a date of birth.
  [[nodiscard]] static std::optional<std::chrono::year_month_day> parse_date(std::string_view text);

 private:
  struct Zone;  // the ICU zone, kept out of this header
  std::unique_ptr<const Zone> zone_;
};

}  // namespace crmsync::model
