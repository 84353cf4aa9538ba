#include "daemon/identity/jaro_winkler.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace crmsync::identity {

double JaroWinkler::jaro(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  // Names are short: stack buffers avoid an allocation per comparison.
  constexpr std::size_t kStack = 64;
  std::array<bool, kStack> a_stack{};
  std::array<bool, kStack> b_stack{};
  std::vector<bool> a_heap;
  std::vector<bool> b_heap;
  const bool small = a.size() <= kStack && b.size() <= kStack;
  if (!small) {
    a_heap.assign(a.size(), false);
    b_heap.assign(b.size(), false);
  }
  auto a_used = [&](std::size_t i) -> bool { return small ? a_stack[i] : a_heap[i]; };
  auto b_used = [&](std::size_t i) -> bool { return small ? b_stack[i] : b_heap[i]; };
  auto mark = [&](bool is_a, std::size_t i) {
    if (small) {
      (is_a ? a_stack : b_stack)[i] = true;
    } else {
      (is_a ? a_heap : b_heap)[i] = true;
    }
  };
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(i + window + 1, b.size());
    for (std::size_t j = lo; j < hi; ++j) {
      if (b_used(j) || a[i] != b[j]) continue;
      mark(true, i);
      mark(false, j);
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  std::size_t k = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a_used(i)) continue;
    while (!b_used(k)) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(transpositions) / 2.0;
  return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - t) / m) / 3.0;
}

double JaroWinkler::similarity(std::string_view a, std::string_view b) {
  const double j = jaro(a, b);
  std::size_t prefix = 0;
  const std::size_t limit = std::min<std::size_t>({4, a.size(), b.size()});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return j + static_cast<double>(prefix) * 0.1 * (1.0 - j);
}

}  // namespace crmsync::identity
