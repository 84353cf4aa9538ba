#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crmsync::model {

__extension__ using Int128 = __int128;  // GCC/Clang builtin; __extension__ keeps -Wpedantic quiet

// An exact decimal amount: never a binary float. Holds an unscaled integer and
// a scale (digits after the point), enough for money and quantities.
class Decimal {
 public:
  Decimal() = default;
  Decimal(Int128 unscaled, int scale) : unscaled_(unscaled), scale_(scale) {}

  // Accepts "1234.5", "-0.25", "1,234.50", " 12 " ; rejects "1e3", "abc", "1.2.3".
  // Thousands separators are accepted only in well-formed groups of three.
  static std::optional<Decimal> parse(std::string_view text);

  [[nodiscard]] Int128 unscaled() const { return unscaled_; }
  [[nodiscard]] int scale() const { return scale_; }
  // Canonical text: no exponent, no separators, at least one digit before the point,
  // trailing zeros kept to the scale ("1234.50").
  [[nodiscard]] std::string to_string() const;

  // Exact sum and product, or nothing when the result does not fit in 128 bits.
  // The scale of a sum is the larger scale; of a product, the sum of the scales.
  static std::optional<Decimal> checked_add(const Decimal& a, const Decimal& b);
  static std::optional<Decimal> checked_multiply(const Decimal& a, const Decimal& b);

  // As checked_add/checked_multiply; throw std::overflow_error when the result does not fit.
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b);  // numeric equality (1.5 == 1.50)

 private:
  Int128 unscaled_ = 0;
  int scale_ = 0;
};

}  // namespace crmsync::model
