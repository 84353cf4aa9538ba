#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crmsync::identity {

// Order-insensitive similarity of two space-separated token lists ("wei zhang"
// vs "zhang wei", "12 main st" vs "main st 12"). Each token is paired with its
// most similar token on the other side (Jaro-Winkler, so typos still count);
// the score is the mean best match over the tokens of both sides, so a token
// present on one side only lowers it.
class TokenSetSimilarity {
 public:
  [[nodiscard]] static double similarity(std::string_view a, std::string_view b);
  [[nodiscard]] static std::vector<std::string_view> tokens(std::string_view text);
  // The tokens sorted and joined by one space: a key equal for any word order.
  [[nodiscard]] static std::string sorted_key(std::string_view text);
};

}  // namespace crmsync::identity
