#pragma once

#include <string_view>

namespace crmsync::identity {

// Jaro-Winkler similarity in [0, 1] on bytes (callers pass ASCII or folded keys).
// Good for short strings such as names, where typos cluster away from the start.
class JaroWinkler {
 public:
  [[nodiscard]] static double similarity(std::string_view a, std::string_view b);
  [[nodiscard]] static double jaro(std::string_view a, std::string_view b);
};

}  // namespace crmsync::identity
