#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crmsync::config {

// The known key a misspelt one most likely meant, for "did you mean ...?"
// hints; nullopt when none is close enough to be a plausible typo.
[[nodiscard]] std::optional<std::string> closest_key(std::string_view typo,
                                                     const std::vector<std::string>& known);

}  // namespace crmsync::config
