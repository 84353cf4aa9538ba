#include "daemon/model/decimal.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace crmsync::model {
namespace {

__extension__ using UInt128 = unsigned __int128;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_blank(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string_view strip_blanks(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// value = value * 10 + digit, false on overflow.
bool append_digit(Int128& value, char digit) {
  return !__builtin_mul_overflow(value, 10, &value) && !__builtin_add_overflow(value, digit - '0', &value);
}

// The integer part's digits with any thousands separators removed, or nothing
// when separators are present but not in groups of three ("1,23" or "12,3456").
std::optional<std::string> integer_digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string digits;
  std::size_t group = 0;
  bool seen_separator = false;
  for (const char c : text) {
    if (c == ',') {
      const bool first_group_ok = !seen_separator && group >= 1 && group <= 3;
      if (!first_group_ok && !(seen_separator && group == 3)) return std::nullopt;
      seen_separator = true;
      group = 0;
    } else if (is_digit(c)) {
      digits.push_back(c);
      ++group;
    } else {
      return std::nullopt;
    }
  }
  if (seen_separator && group != 3) return std::nullopt;
  return digits;
}

// Multiplies by 10^count, false on overflow.
bool scale_up(Int128& value, int count) {
  if (value == 0) return true;
  for (int i = 0; i < count; ++i) {
    if (__builtin_mul_overflow(value, 10, &value)) return false;
  }
  return true;
}

// One representation per number (no trailing zeros; zero has scale 0), so
// numeric equality is member equality and no rescaling can overflow.
Decimal reduced(const Decimal& d) {
  Int128 unscaled = d.unscaled();
  int scale = d.scale();
  if (unscaled == 0) return {0, 0};
  while (unscaled % 10 == 0) {
    unscaled /= 10;
    --scale;
  }
  return {unscaled, scale};
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  text = strip_blanks(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const std::size_t point = text.find('.');
  const std::string_view integer_part = text.substr(0, point);
  const std::string_view fraction_part =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  // A point needs digits on both sides: "5." and ".5" are more likely typos than amounts.
  if (point != std::string_view::npos && fraction_part.empty()) return std::nullopt;
  if (!std::all_of(fraction_part.begin(), fraction_part.end(), is_digit)) return std::nullopt;

  const std::optional<std::string> digits = integer_digits(integer_part);
  if (!digits) return std::nullopt;
  Int128 unscaled = 0;
  for (const char c : *digits + std::string(fraction_part)) {
    if (!append_digit(unscaled, c)) return std::nullopt;
  }
  return Decimal(negative ? -unscaled : unscaled, static_cast<int>(fraction_part.size()));
}

std::string Decimal::to_string() const {
  const bool negative = unscaled_ < 0;
  // Unsigned magnitude: negating the most negative value would overflow.
  UInt128 magnitude =
      negative ? UInt128(0) - static_cast<UInt128>(unscaled_) : static_cast<UInt128>(unscaled_);
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  std::reverse(digits.begin(), digits.end());

  if (scale_ < 0) digits.append(static_cast<std::size_t>(-scale_), '0');
  const auto scale = static_cast<std::size_t>(std::max(scale_, 0));
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  if (scale > 0) digits.insert(digits.size() - scale, 1, '.');
  const bool is_zero = unscaled_ == 0;
  return (negative && !is_zero ? "-" : "") + digits;
}

std::optional<Decimal> Decimal::checked_add(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale_, b.scale_);
  Int128 left = a.unscaled_;
  Int128 right = b.unscaled_;
  if (!scale_up(left, scale - a.scale_) || !scale_up(right, scale - b.scale_)) return std::nullopt;
  Int128 sum = 0;
  if (__builtin_add_overflow(left, right, &sum)) return std::nullopt;
  return Decimal(sum, scale);
}

std::optional<Decimal> Decimal::checked_multiply(const Decimal& a, const Decimal& b) {
  Int128 product = 0;
  if (__builtin_mul_overflow(a.unscaled_, b.unscaled_, &product)) return std::nullopt;
  return Decimal(product, a.scale_ + b.scale_);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  const std::optional<Decimal> sum = Decimal::checked_add(a, b);
  if (!sum) throw std::overflow_error("decimal sum " + a.to_string() + " + " + b.to_string() + " overflows");
  return *sum;
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  const std::optional<Decimal> product = Decimal::checked_multiply(a, b);
  if (!product) {
    throw std::overflow_error("decimal product " + a.to_string() + " * " + b.to_string() + " overflows");
  }
  return *product;
}

bool operator==(const Decimal& a, const Decimal& b) {
  const Decimal left = reduced(a);
  const Decimal right = reduced(b);
  return left.unscaled() == right.unscaled() && left.scale() == right.scale();
}

}  // namespace crmsync::model
