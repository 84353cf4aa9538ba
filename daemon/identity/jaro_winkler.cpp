#include "daemon/identity/jaro_winkler.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace crmsync::identity {

namespace {

// Which characters of each side found a partner: bits of one word for the
// short strings that names and address tokens are, bytes otherwise. Scoring
// calls this millions of times per backfill, so the short path allocates
// nothing and tests a bit instead of a branchy accessor.
struct WordFlags {
  std::uint64_t bits = 0;
  explicit WordFlags(std::size_t /*size*/) {}
  [[nodiscard]] bool test(std::size_t i) const { return (bits >> i) & 1U; }
  void set(std::size_t i) { bits |= std::uint64_t{1} << i; }
};

struct ByteFlags {
  std::vector<char> bytes;
  explicit ByteFlags(std::size_t size) : bytes(size, 0) {}
  [[nodiscard]] bool test(std::size_t i) const { return bytes[i] != 0; }
  void set(std::size_t i) { bytes[i] = 1; }
};

template <typename Flags>
double jaro_with(std::string_view a, std::string_view b) {
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  Flags a_used(a.size());
  Flags b_used(b.size());
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(i + window + 1, b.size());
    for (std::size_t j = lo; j < hi; ++j) {
      if (b_used.test(j) || a[i] != b[j]) continue;
      a_used.set(i);
      b_used.set(j);
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  std::size_t k = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a_used.test(i)) continue;
    while (!b_used.test(k)) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(transpositions) / 2.0;
  return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - t) / m) / 3.0;
}

}  // namespace

double JaroWinkler::jaro(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  constexpr std::size_t kWordBits = 64;
  if (a.size() <= kWordBits && b.size() <= kWordBits) return jaro_with<WordFlags>(a, b);
  return jaro_with<ByteFlags>(a, b);
}

double JaroWinkler::similarity(std::string_view a, std::string_view b) {
  const double j = jaro(a, b);
  std::size_t prefix = 0;
  const std::size_t limit = std::min<std::size_t>({4, a.size(), b.size()});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return j + static_cast<double>(prefix) * 0.1 * (1.0 - j);
}

}  // namespace crmsync::identity
