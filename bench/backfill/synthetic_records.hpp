#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crmsync::bench {

enum class Partner { alpha, huadong, pacific };

// A problem planted in a row that still lands as a record: the daemon's
// normaliser has to flag or reject the value.
enum class BadValue { none, email, phone, date, amount, score };

// A row written after a record's own row(s) that the connector must reject
// (it lands in dead_letter, not as a record).
enum class RejectedRow { none, extra_field, missing_id, cut_short };

// A phone number as digits; the partner decides how it is written.
struct PhoneNumber {
  std::string country;     // "DE", "CN", "GB"
  std::string area;        // national area or mobile prefix without the trunk 0; empty for CN mobiles
  std::string subscriber;  // the rest of the number
};

struct SyntheticCustomer {
  std::size_t number = 0;  // 0 .. customers-1
  Partner partner = Partner::alpha;
  std::string external_id;
  bool chinese = false;
  std::string given_name;  // as the partner writes it
  std::string family_name;
  std::string full_name;     // Chinese order (family first, no space) for Chinese names
  std::string given_ascii;   // the names in ASCII ("mueller", 晓明 -> "xiaoming"): e-mail addresses
  std::string family_ascii;  // and the re-spellings of duplicates
  std::string email;
  PhoneNumber phone;
  int phone_style = 0;   // which local format the partner uses
  std::string landline;  // Huadong's 固定电话, often empty
  std::string company;
  std::string street;
  std::string city;
  std::string postcode;
  std::string country;       // as written: "Germany", "Deutschland", "CN", "United Kingdom", ...
  std::string country_code;  // ISO 3166 alpha-2, for the reference tables
  std::string tier;
  std::int64_t updated_at = 0;  // epoch seconds
  std::optional<std::size_t> duplicate_of;
  BadValue bad = BadValue::none;
  RejectedRow rejected = RejectedRow::none;  // a rejected row follows this one in the CSV file
};

struct SyntheticOrderLine {
  std::string sku;
  std::string description;
  int quantity = 1;
  std::int64_t unit_cents = 0;
  [[nodiscard]] std::int64_t total_cents() const { return unit_cents * quantity; }
};

struct SyntheticOrder {
  std::size_t number = 0;
  std::string order_number;
  std::size_t customer = 0;
  std::string customer_ref;
  std::int64_t ordered_at = 0;
  std::string status;
  std::string currency;
  std::vector<SyntheticOrderLine> lines;
  BadValue bad = BadValue::none;
  RejectedRow rejected = RejectedRow::none;
  [[nodiscard]] std::int64_t total_cents() const {
    std::int64_t total = 0;
    for (const auto& line : lines) total += line.total_cents();
    return total;
  }
};

struct SyntheticFeedback {
  std::size_t number = 0;
  std::string external_id;
  std::size_t customer = 0;
  std::string customer_ref;
  std::string order_ref;
  std::string kind;  // nps | csat | complaint
  std::optional<int> score;
  std::string comment;
  std::int64_t received_at = 0;
  BadValue bad = BadValue::none;
  RejectedRow rejected = RejectedRow::none;
};

// "2024-05-01" style pieces of an epoch second, UTC.
struct CivilTime {
  int year, month, day, hour, minute, second;
  static CivilTime of(std::int64_t epoch_seconds);
};

std::string format_cents(std::int64_t cents);  // 1752.00

}  // namespace crmsync::bench
