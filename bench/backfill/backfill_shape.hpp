#pragma once

#include <cstddef>
#include <cstdint>

namespace crmsync::bench {

// How many records of each kind a backfill of N records holds. N counts what
// lands as a source record: customers + orders (with their lines) + feedback.
// Rejected rows (the "few bad rows") come on top and are counted apart.
struct BackfillShape {
  static BackfillShape of(std::size_t records, double duplicate_share, double bad_share, std::uint64_t seed);

  std::size_t records = 0;
  std::size_t customers = 0;  // base + duplicates
  std::size_t orders = 0;
  std::size_t feedback = 0;
  std::size_t duplicates = 0;         // customers re-sent by a second partner with other spellings
  std::size_t alpha_customers = 0;    // EuroTrade-style template file, mostly Latin names
  std::size_t huadong_customers = 0;  // Chinese ERP export, Chinese headers
  std::size_t pacific_customers = 0;  // template file: own customers (duplicates come after them)
  std::size_t bad_every = 0;          // every k-th row carries a problem; 0: none
  std::uint64_t seed = 42;

  [[nodiscard]] std::size_t base_customers() const { return customers - duplicates; }
  [[nodiscard]] bool is_bad(std::size_t number) const {
    return bad_every != 0 && number % bad_every == bad_every - 1;
  }
  // Which problem the bad row `number` carries, out of `kinds`.
  [[nodiscard]] std::size_t bad_kind(std::size_t number, std::size_t kinds) const {
    return (number / bad_every) % kinds;
  }
};

}  // namespace crmsync::bench
