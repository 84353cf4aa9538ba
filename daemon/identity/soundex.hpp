#pragma once

#include <string>
#include <string_view>

namespace crmsync::identity {

// American Soundex of a lower-case ASCII word ("robert" -> "r163"); empty for
// text without letters. Used only to build blocking keys.
class Soundex {
 public:
  [[nodiscard]] static std::string code(std::string_view word);
};

}  // namespace crmsync::identity
