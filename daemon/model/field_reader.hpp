#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "crmsync/sdk/record.hpp"

#include "daemon/common/expected.hpp"
#include "daemon/model/decimal.hpp"
#include "daemon/model/timestamp_parser.hpp"

namespace crmsync::model {

// Reads typed values from one record's (or one order line's) fields. An empty
// or blank value counts as absent. A wrong value gives a reason that names the
// field and shows the value: only for amounts, numbers and timestamps, which
// are not personal data.
class FieldReader {
 public:
  // line_no: 0 for the record's own fields, otherwise the 1-based order line.
  explicit FieldReader(const sdk::FieldMap& fields, int line_no = 0);

  // The value with surrounding (Unicode) white space removed; empty when absent.
  [[nodiscard]] std::string text(const std::string& name) const;

  // "field 'total'" or "line 2 field 'quantity'": how reasons refer to a field.
  [[nodiscard]] std::string describe(const std::string& name) const;

  // "field 'customer_ref' is missing", or the trimmed value.
  [[nodiscard]] Expected<std::string, std::string> required_text(const std::string& name) const;

  // Full-width digits are accepted ("１２.５０"), thousands separators as Decimal::parse.
  [[nodiscard]] Expected<std::optional<Decimal>, std::string> decimal(const std::string& name) const;

  [[nodiscard]] Expected<std::optional<int>, std::string> integer(const std::string& name) const;

  [[nodiscard]] Expected<std::optional<std::chrono::sys_seconds>, std::string> timestamp(
      const std::string& name, const TimestampParser& parser) const;

 private:
  const sdk::FieldMap& fields_;
  int line_no_;
};

}  // namespace crmsync::model
