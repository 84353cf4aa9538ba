#include "daemon/identity/token_set_similarity.hpp"

#include <algorithm>

#include "daemon/identity/jaro_winkler.hpp"

namespace crmsync::identity {

std::vector<std::string_view> TokenSetSimilarity::tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

std::string TokenSetSimilarity::sorted_key(std::string_view text) {
  auto parts = tokens(text);
  std::sort(parts.begin(), parts.end());
  std::string key;
  for (const auto part : parts) {
    if (!key.empty()) key += ' ';
    key += part;
  }
  return key;
}

namespace {

double best_match_sum(const std::vector<std::string_view>& from, const std::vector<std::string_view>& to) {
  double sum = 0.0;
  for (const auto token : from) {
    double best = 0.0;
    for (const auto other : to) best = std::max(best, JaroWinkler::similarity(token, other));
    sum += best;
  }
  return sum;
}

}  // namespace

double TokenSetSimilarity::similarity(std::string_view a, std::string_view b) {
  const auto ta = tokens(a);
  const auto tb = tokens(b);
  if (ta.empty() && tb.empty()) return 1.0;
  if (ta.empty() || tb.empty()) return 0.0;
  const double total = best_match_sum(ta, tb) + best_match_sum(tb, ta);
  return total / static_cast<double>(ta.size() + tb.size());
}

}  // namespace crmsync::identity
