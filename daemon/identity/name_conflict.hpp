#pragma once

#include <cstdint>

#include "daemon/identity/record_comparator.hpp"

namespace crmsync::identity {

// How the names of a compared pair contradict each other, from the pair's
// agreement levels. The one reading of names that the scorer and the
// incremental linker share; each decides what a conflict costs.
enum class NameConflict : std::uint8_t {
  kNone,       // the names agree, or too little is known to tell
  kWholeName,  // names given in one piece (unsplit Han names, companies) that differ
  kGivenName,  // given names known on both sides and different; family names do not also differ
  kBothNames,  // given and family names both known on both sides and both different
};

[[nodiscard]] NameConflict name_conflict(const ComparisonVector& levels);

}  // namespace crmsync::identity
