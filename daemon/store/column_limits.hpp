#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "daemon/model/decimal.hpp"
#include "daemon/model/normalized_record.hpp"

namespace crmsync::store {

// What the schema can hold (MigrationCatalog declares the same numbers). A
// record that does not fit goes to dead_letter with the reason; left to the
// database it would fail the whole batch on every retry.
class ColumnLimits {
 public:
  static constexpr std::size_t kNameLength = 100;  // instance, stream
  static constexpr std::size_t kExternalIdLength = 255;
  static constexpr std::size_t kPayloadHashLength = 128;
  static constexpr std::size_t kKindLength = 16;
  static constexpr std::size_t kNameKeyLength = 500;
  static constexpr std::size_t kEmailLength = 320;
  static constexpr std::size_t kPhoneLength = 32;
  static constexpr std::size_t kCountryLength = 2;
  static constexpr std::size_t kDateLength = 10;
  static constexpr std::size_t kReferenceLength = 255;  // customer_ref, order_ref, order_number
  static constexpr std::size_t kCurrencyLength = 3;
  static constexpr int kDecimalScale = 4;           // NUMERIC(20,4)
  static constexpr int kDecimalIntegerDigits = 16;  // 20 - 4

  // Why the record cannot be stored, naming the field; nullopt when it fits.
  // Throws std::invalid_argument when the record contradicts itself (entity
  // type and data disagree): that is a bug upstream, not bad input.
  [[nodiscard]] static std::optional<std::string> violation(const model::NormalizedRecord& record);
  // Instance and stream names come from configuration: a misfit there is a
  // configuration error, thrown as std::invalid_argument.
  static void check_stream_names(const std::string& instance, const std::string& stream);
  [[nodiscard]] static bool fits(const model::Decimal& amount);
};

}  // namespace crmsync::store
