#include "backfill_shape.hpp"

#include <algorithm>
#include <cmath>

namespace crmsync::bench {

BackfillShape BackfillShape::of(std::size_t records, double duplicate_share, double bad_share,
                                std::uint64_t seed) {
  BackfillShape shape;
  shape.records = records;
  shape.seed = seed;
  shape.customers = records / 2;
  shape.orders = records * 35 / 100;
  shape.feedback = records - shape.customers - shape.orders;
  shape.duplicates =
      static_cast<std::size_t>(std::llround(static_cast<double>(shape.customers) * duplicate_share));
  const std::size_t base = shape.customers - shape.duplicates;
  shape.alpha_customers = base * 45 / 100;
  shape.huadong_customers = base * 35 / 100;
  shape.pacific_customers = base - shape.alpha_customers - shape.huadong_customers;
  if (bad_share > 0.0) {
    // At least ten bad rows in the smallest file, however small N is.
    const std::size_t every = static_cast<std::size_t>(std::llround(1.0 / bad_share));
    shape.bad_every =
        std::max<std::size_t>(2, std::min(every, std::min(shape.customers, shape.feedback) / 10));
  }
  return shape;
}

}  // namespace crmsync::bench
