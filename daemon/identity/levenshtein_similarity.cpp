#include "daemon/identity/levenshtein_similarity.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace crmsync::identity {

namespace {

// One row of the table at a time; a and b are strings or token lists.
template <typename Sequence>
std::size_t edit_distance(const Sequence& first, const Sequence& second) {
  const Sequence& a = first.size() < second.size() ? second : first;
  const Sequence& b = first.size() < second.size() ? first : second;
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

template <typename Sequence>
double normalised_similarity(const Sequence& a, const Sequence& b) {
  const std::size_t longer = std::max(a.size(), b.size());
  if (longer == 0) return 1.0;
  return 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(longer);
}

}  // namespace

std::size_t LevenshteinSimilarity::distance(std::string_view a, std::string_view b) {
  return edit_distance(a, b);
}

double LevenshteinSimilarity::similarity(std::string_view a, std::string_view b) {
  return normalised_similarity(a, b);
}

std::size_t LevenshteinSimilarity::distance(const Tokens& a, const Tokens& b) {
  return edit_distance(a, b);
}

double LevenshteinSimilarity::similarity(const Tokens& a, const Tokens& b) {
  return normalised_similarity(a, b);
}

}  // namespace crmsync::identity
