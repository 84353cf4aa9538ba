#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace crmsync::identity {

// Edit distance (insert, delete, substitute) and its normalised similarity
// 1 - distance / longer length, on bytes or on whole tokens.
class LevenshteinSimilarity {
 public:
  using Tokens = std::vector<std::string_view>;

  [[nodiscard]] static std::size_t distance(std::string_view a, std::string_view b);
  [[nodiscard]] static double similarity(std::string_view a, std::string_view b);
  [[nodiscard]] static std::size_t distance(const Tokens& a, const Tokens& b);
  [[nodiscard]] static double similarity(const Tokens& a, const Tokens& b);
};

}  // namespace crmsync::identity
