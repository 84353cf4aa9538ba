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

// Each token's best score so far, in place for the few tokens most values have.
class BestScores {
 public:
  explicit BestScores(std::size_t size) : size_(size) {
    if (size > kInPlace) more_.resize(size);
  }
  [[nodiscard]] double& operator[](std::size_t i) { return size_ <= kInPlace ? in_place_[i] : more_[i]; }
  [[nodiscard]] double sum() {
    double total = 0.0;
    for (std::size_t i = 0; i < size_; ++i) total += (*this)[i];
    return total;
  }

 private:
  static constexpr std::size_t kInPlace = 8;
  std::array<double, kInPlace> in_place_{};
  std::vector<double> more_;
  std::size_t size_;
};

// The sum of every token's best match on the other side, both sides at once:
// each pair is scored once and counts for its row and its column (scoring
// each direction was half of a comparison's time on Pinyin addresses of ten
// tokens). A pair is scored in one order whichever side it comes from, so the
// similarity stays symmetric. An equal token is the best match there is: a
// pair whose two tokens both have one is not scored.
double best_match_sums(const TokenList& a, const TokenList& b) {
  BestScores a_best(a.size());
  BestScores b_best(b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (a[i] == b[j]) a_best[i] = b_best[j] = 1.0;
    }
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (a_best[i] == 1.0 && b_best[j] == 1.0) continue;
      const double score =
          a[i] < b[j] ? JaroWinkler::similarity(a[i], b[j]) : JaroWinkler::similarity(b[j], a[i]);
      a_best[i] = std::max(a_best[i], score);
      b_best[j] = std::max(b_best[j], score);
    }
  }
  return a_best.sum() + b_best.sum();
}

}  // namespace

double TokenSetSimilarity::similarity(std::string_view a, std::string_view b) {
  const TokenList ta(a);
  const TokenList tb(b);
  if (ta.size() == 0 && tb.size() == 0) return 1.0;
  if (ta.size() == 0 || tb.size() == 0) return 0.0;
  return best_match_sums(ta, tb) / static_cast<double>(ta.size() + tb.size());
}

}  // namespace crmsync::identity
