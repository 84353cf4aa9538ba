#include "daemon/identity/shared_key_evidence.hpp"

#include <bit>

namespace crmsync::identity {

bool SharedKeyEvidence::worth_comparing() const {
  constexpr auto kIdentifier = static_cast<std::uint8_t>(1U << static_cast<unsigned>(KeyGroup::identifier));
  return rare_ || (groups_ & kIdentifier) != 0 || std::popcount(groups_) >= 2;
}

}  // namespace crmsync::identity
