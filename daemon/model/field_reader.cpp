#include "daemon/model/field_reader.hpp"

#include <charconv>
#include <chrono>
#include <optional>
#include <string>

#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {

FieldReader::FieldReader(const sdk::FieldMap& fields, int line_no) : fields_(fields), line_no_(line_no) {}

std::string FieldReader::text(const std::string& name) const {
  const auto found = fields_.find(name);
  return found == fields_.end() ? std::string() : unicode_text::trim(found->second);
}

std::string FieldReader::describe(const std::string& name) const {
  const std::string field = "field '" + name + "'";
  return line_no_ == 0 ? field : "line " + std::to_string(line_no_) + " " + field;
}

Expected<std::string, std::string> FieldReader::required_text(const std::string& name) const {
  std::string value = text(name);
  if (value.empty()) return Unexpected(describe(name) + " is missing");
  return value;
}

Expected<std::optional<Decimal>, std::string> FieldReader::decimal(const std::string& name) const {
  const std::string value = text(name);
  if (value.empty()) return std::optional<Decimal>();
  std::optional<Decimal> parsed = Decimal::parse(unicode_text::nfkc(value));
  if (!parsed) return Unexpected(describe(name) + ": '" + value + "' is not a decimal number");
  return parsed;
}

Expected<std::optional<int>, std::string> FieldReader::integer(const std::string& name) const {
  const std::string value = text(name);
  if (value.empty()) return std::optional<int>();
  const std::string digits = unicode_text::nfkc(value);
  // from_chars takes '-' but not '+'; "+-3" must stay an error.
  const bool plus = digits.starts_with('+') && !digits.starts_with("+-");
  const char* begin = digits.data() + (plus ? 1 : 0);
  const char* end = digits.data() + digits.size();
  int parsed = 0;
  const auto [stop, error] = std::from_chars(begin, end, parsed);
  if (error != std::errc() || stop != end || begin == end) {
    return Unexpected(describe(name) + ": '" + value + "' is not a whole number");
  }
  return std::optional<int>(parsed);
}

Expected<std::optional<std::chrono::sys_seconds>, std::string> FieldReader::timestamp(
    const std::string& name, const TimestampParser& parser) const {
  const std::string value = text(name);
  if (value.empty()) return std::optional<std::chrono::sys_seconds>();
  std::optional<std::chrono::sys_seconds> parsed = parser.parse(value);
  if (!parsed) return Unexpected(describe(name) + ": '" + value + "' is not a timestamp");
  return parsed;
}

}  // namespace crmsync::model
