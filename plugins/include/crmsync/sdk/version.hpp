#pragma once

#include <cstdint>

namespace crmsync::sdk {

// Bumped whenever a type or virtual function in this header tree changes layout.
// The daemon refuses a plugin whose descriptor carries a different number.
inline constexpr std::uint32_t kAbiVersion = 3;

// Human-facing SDK release, printed by `crmsyncd plugins`.
inline constexpr const char* kSdkVersion = "3.0.0";

}  // namespace crmsync::sdk
