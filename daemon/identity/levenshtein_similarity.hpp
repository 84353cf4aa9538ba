#pragma once

#include <cstddef>
#include <string_view>

namespace crmsync::identity {

// Edit distance (insert, delete, substitute) and its normalised similarity
// 1 - distance / longer length, on bytes.
class LevenshteinSimilarity {
 public:
  [[nodiscard]] static std::size_t distance(std::string_view a, std::string_view b);
  [[nodiscard]] static double similarity(std::string_view a, std::string_view b);
};

}  // namespace crmsync::identity
