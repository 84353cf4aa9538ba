#include "daemon/identity/token_set_similarity.hpp"

#include <algorithm>
#include <array>

#include "daemon/identity/jaro_winkler.hpp"

namespace crmsync::identity {
namespace {

// Calls add(token) for each run of characters other than ' ', in order.
template <typename Add>
void for_each_token(std::string_view text, Add&& add) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) add(text.substr(start, i - start));
  }
}

}  // namespace

std::vector<std::string_view> TokenSetSimilarity::tokens(std::string_view text) {
  std::vector<std::string_view> out;
  for_each_token(text, [&](std::string_view token) { out.push_back(token); });
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

// The tokens of one side, in place for the few that names and addresses have:
// similarity() runs for every compared pair, and two vectors per call were
// a good part of its time.
class TokenList {
 public:
  explicit TokenList(std::string_view text) {
    for_each_token(text, [this](std::string_view token) { add(token); });
  }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::string_view operator[](std::size_t i) const {
    return i < kInPlace ? in_place_[i] : more_[i - kInPlace];
  }

 private:
  static constexpr std::size_t kInPlace = 8;
  void add(std::string_view token) {
    if (size_ < kInPlace) {
      in_place_[size_] = token;
    } else {
      more_.push_back(token);
    }
    ++size_;
  }
  std::array<std::string_view, kInPlace> in_place_{};
  std::vector<std::string_view> more_;
  std::size_t size_ = 0;
};

double best_match_sum(const TokenList& from, const TokenList& to) {
  double sum = 0.0;
  for (std::size_t i = 0; i < from.size(); ++i) {
    // An equal token is the best match there is; looking for one first spares
    // the Jaro-Winkler of every other pair (Pinyin addresses have ten tokens).
    bool equal = false;
    for (std::size_t j = 0; j < to.size() && !equal; ++j) equal = from[i] == to[j];
    double best = equal ? 1.0 : 0.0;
    for (std::size_t j = 0; j < to.size() && !equal; ++j) {
      best = std::max(best, JaroWinkler::similarity(from[i], to[j]));
    }
    sum += best;
  }
  return sum;
}

}  // namespace

double TokenSetSimilarity::similarity(std::string_view a, std::string_view b) {
  const TokenList ta(a);
  const TokenList tb(b);
  if (ta.size() == 0 && tb.size() == 0) return 1.0;
  if (ta.size() == 0 || tb.size() == 0) return 0.0;
  const double total = best_match_sum(ta, tb) + best_match_sum(tb, ta);
  return total / static_cast<double>(ta.size() + tb.size());
}

}  // namespace crmsync::identity
