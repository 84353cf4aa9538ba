#include "daemon/model/timestamp_parser.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>

namespace crmsync::model {

struct TimestampParser::Zone {
  std::unique_ptr<icu::BasicTimeZone> zone;
};

namespace {

using std::chrono::sys_seconds;

// A cursor over the text with the few reads the formats need.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  [[nodiscard]] bool at_end() const { return pos_ == text_.size(); }
  [[nodiscard]] char peek() const { return at_end() ? '\0' : text_[pos_]; }

  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // Exactly `count` digits as a number.
  std::optional<int> digits(std::size_t count) {
    if (text_.size() - pos_ < count) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = text_[pos_ + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    pos_ += count;
    return value;
  }

  // One to `max` digits as a number.
  std::optional<int> up_to_digits(std::size_t max) {
    std::size_t count = 0;
    while (count < max && pos_ + count < text_.size() && text_[pos_ + count] >= '0' &&
           text_[pos_ + count] <= '9') {
      ++count;
    }
    if (count == 0) return std::nullopt;
    return digits(count);
  }

  void skip_digits() {
    while (peek() >= '0' && peek() <= '9') ++pos_;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

struct LocalTime {
  std::chrono::year_month_day date;
  std::chrono::seconds time_of_day{0};
};

std::string_view strip_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<std::chrono::year_month_day> make_date(int year, int month, int day) {
  const std::chrono::year_month_day date{std::chrono::year(year),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return date;
}

// "01.05.2024" or "1.5.2024": the dotted form is day first wherever it is
// used (Germany, Russia, ...), so unlike "01/05/2024" it is not ambiguous.
std::optional<std::chrono::year_month_day> read_dotted_date(Scanner& in) {
  const auto day = in.up_to_digits(2);
  if (!day || !in.accept('.')) return std::nullopt;
  const auto month = in.up_to_digits(2);
  if (!month || !in.accept('.')) return std::nullopt;
  const auto year = in.digits(4);
  if (!year) return std::nullopt;
  return make_date(*year, *month, *day);
}

// "2024-05-01", "2024/05/01" or "2024/5/1": the same separator twice, year
// first so never ambiguous; or the dotted day-first form.
std::optional<std::chrono::year_month_day> read_date(Scanner& in) {
  if (Scanner dotted = in; auto date = read_dotted_date(dotted)) {
    in = dotted;
    return date;
  }
  const auto year = in.digits(4);
  const char separator = in.peek();
  if (!year || (separator != '-' && separator != '/') || !in.accept(separator)) return std::nullopt;
  const auto month = in.up_to_digits(2);
  if (!month || !in.accept(separator)) return std::nullopt;
  const auto day = in.up_to_digits(2);
  if (!day) return std::nullopt;
  return make_date(*year, *month, *day);
}

// "10:00", "9:05", "10:00:00", "10:00:00.123" (fraction dropped).
std::optional<std::chrono::seconds> read_time(Scanner& in) {
  const auto hour = in.up_to_digits(2);
  if (!hour || !in.accept(':')) return std::nullopt;
  const auto minute = in.digits(2);
  if (!minute) return std::nullopt;
  int second = 0;
  if (in.accept(':')) {
    const auto parsed = in.digits(2);
    if (!parsed) return std::nullopt;
    second = *parsed;
    if (in.accept('.') || in.accept(',')) {
      if (!in.digits(1)) return std::nullopt;
      in.skip_digits();
    }
  }
  // No leap seconds: sources that write :60 are rare and ICU cannot place them.
  if (*hour > 23 || *minute > 59 || second > 59) return std::nullopt;
  return std::chrono::hours(*hour) + std::chrono::minutes(*minute) + std::chrono::seconds(second);
}

// "Z", "+08:00", "+0800", "+08" as the offset east of UTC; nothing when absent or malformed.
struct Offset {
  bool present = false;
  std::chrono::seconds east{0};
};

std::optional<Offset> read_offset(Scanner& in) {
  if (in.at_end()) return Offset{};
  if (in.accept('Z') || in.accept('z')) return Offset{true, std::chrono::seconds(0)};
  const char sign = in.peek();
  if ((sign != '+' && sign != '-') || !in.accept(sign)) return std::nullopt;
  const auto hours = in.digits(2);
  if (!hours) return std::nullopt;
  int minutes = 0;
  if (!in.at_end()) {
    in.accept(':');
    const auto parsed = in.digits(2);
    if (!parsed) return std::nullopt;
    minutes = *parsed;
  }
  if (*hours > 18 || minutes > 59) return std::nullopt;
  const std::chrono::seconds magnitude = std::chrono::hours(*hours) + std::chrono::minutes(minutes);
  return Offset{true, sign == '-' ? -magnitude : magnitude};
}

// All digits, 10 long (seconds) or 13 long (milliseconds): what Unix clocks print
// for any instant between 2001 and 2286.
std::optional<sys_seconds> read_epoch(std::string_view text) {
  if (text.size() != 10 && text.size() != 13) return std::nullopt;
  long long value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (text.size() == 13) value /= 1000;
  return sys_seconds(std::chrono::seconds(value));
}

std::unique_ptr<icu::BasicTimeZone> load_zone(std::string_view name) {
  const auto id =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
  icu::UnicodeString resolved;
  zone->getID(resolved);
  // ICU answers an unknown name with the "Etc/Unknown" zone rather than an error.
  if (dynamic_cast<icu::BasicTimeZone*>(zone.get()) == nullptr ||
      resolved == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) {
    throw std::invalid_argument("default_timezone '" + std::string(name) + "' is not an IANA time zone");
  }
  return std::unique_ptr<icu::BasicTimeZone>(static_cast<icu::BasicTimeZone*>(zone.release()));
}

}  // namespace

TimestampParser::TimestampParser(std::string_view default_timezone)
    : zone_(std::make_unique<const Zone>(Zone{load_zone(default_timezone)})) {}

TimestampParser::~TimestampParser() = default;

std::optional<sys_seconds> TimestampParser::parse(std::string_view text) const {
  text = strip_blanks(text);
  if (auto epoch = read_epoch(text)) return epoch;

  Scanner in(text);
  const auto date = read_date(in);
  if (!date) return std::nullopt;
  std::chrono::seconds time_of_day{0};
  if (!in.at_end()) {
    if (!in.accept('T') && !in.accept('t') && !in.accept(' ')) return std::nullopt;
    const auto time = read_time(in);
    if (!time) return std::nullopt;
    time_of_day = *time;
  }
  const auto offset = read_offset(in);
  if (!offset || !in.at_end()) return std::nullopt;

  const sys_seconds wall = std::chrono::sys_days(*date) + time_of_day;
  if (offset->present) return wall - offset->east;

  // A wall-clock time in the default zone. In a DST gap the offset before the
  // change applies; a repeated hour means its first occurrence.
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw_offset = 0;
  int32_t dst_offset = 0;
  const auto local_millis = static_cast<UDate>(wall.time_since_epoch().count()) * 1000.0;
  zone_->zone->getOffsetFromLocal(local_millis, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw_offset,
                                  dst_offset, status);
  if (U_FAILURE(status)) return std::nullopt;
  return wall -
         std::chrono::duration_cast<std::chrono::seconds>(std::chrono::milliseconds(raw_offset + dst_offset));
}

std::optional<std::chrono::year_month_day> TimestampParser::parse_date(std::string_view text) {
  Scanner in(strip_blanks(text));
  auto date = read_date(in);
  if (!date || !in.at_end()) return std::nullopt;
  return date;
}

}  // namespace crmsync::model
