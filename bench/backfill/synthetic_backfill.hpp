#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "backfill_shape.hpp"
#include "synthetic_records.hpp"

namespace crmsync::bench {

// The records of a backfill, each computed from (seed, kind, number) alone, so
// writers can stream any number of them without holding the set in memory and
// every output format describes the same customers, orders and feedback.
//
// Customers 0 .. alpha-1 come from the EuroTrade-style partner (mostly Latin
// names, German phone formats), then Huadong (Chinese names, Chinese phone
// formats), then Pacific Link (half Chinese, half British), then Pacific
// Link's re-sends of Alpha and Huadong customers with other spellings: pinyin
// for Chinese names, "Mueller" for "Müller", e-mail case and spaces, another
// phone format.
class SyntheticBackfill {
 public:
  explicit SyntheticBackfill(const BackfillShape& shape) : shape_(shape) {}

  [[nodiscard]] const BackfillShape& shape() const { return shape_; }
  [[nodiscard]] SyntheticCustomer customer(std::size_t number) const;
  [[nodiscard]] SyntheticOrder order(std::size_t number) const;
  [[nodiscard]] SyntheticFeedback feedback(std::size_t number) const;
  [[nodiscard]] std::string customer_id(std::size_t number) const;
  [[nodiscard]] std::string order_number(std::size_t number) const;

 private:
  SyntheticCustomer original(std::size_t number) const;
  SyntheticCustomer duplicate(std::size_t number) const;

  BackfillShape shape_;
};

// A small deterministic generator (splitmix64) seeded per record.
class RecordRandom {
 public:
  RecordRandom(std::uint64_t seed, std::uint64_t kind, std::uint64_t number);
  std::uint64_t next();
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }
  bool chance(unsigned percent) { return next() % 100 < percent; }
  std::string digits(std::size_t count);

 private:
  std::uint64_t state_;
};

}  // namespace crmsync::bench
