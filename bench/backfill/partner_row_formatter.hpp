#pragma once

#include <string>
#include <vector>

#include "synthetic_records.hpp"

namespace crmsync::bench {

using CsvRow = std::vector<std::string>;

// Writes synthetic records the way each partner's export does: its header,
// its date format, its phone format, its tier names. The same rows feed the
// CSV drop and the JSON payloads of the reference tables.
class PartnerRowFormatter {
 public:
  static const CsvRow& template_customer_header();  // EuroTrade / Pacific Link template
  static const CsvRow& huadong_customer_header();   // 华东商贸's ERP export
  static const CsvRow& order_header();
  static const CsvRow& feedback_header();

  [[nodiscard]] static CsvRow customer_row(const SyntheticCustomer& customer);
  [[nodiscard]] static std::vector<CsvRow> order_rows(const SyntheticOrder& order);
  [[nodiscard]] static CsvRow feedback_row(const SyntheticFeedback& feedback);

  // The row the connector must reject that follows a record's rows, if any.
  [[nodiscard]] static CsvRow rejected_customer_row(const SyntheticCustomer& customer);
  [[nodiscard]] static CsvRow rejected_order_row(const SyntheticOrder& order);
  [[nodiscard]] static CsvRow rejected_feedback_row(const SyntheticFeedback& feedback);

  [[nodiscard]] static std::string phone_text(const PhoneNumber& phone, int style);
  // The row as the csv_drop payload has it: {"header": "value", ...}, empty cells left out.
  [[nodiscard]] static std::string payload_json(const CsvRow& header, const CsvRow& row);
};

}  // namespace crmsync::bench
