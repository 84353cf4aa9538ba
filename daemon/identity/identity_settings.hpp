#pragma once

#include "daemon/identity/resolution_config.hpp"
#include "daemon/identity/survivorship_rules.hpp"

namespace crmsync::identity {

// Everything the config's `identity:` section sets: how records are matched
// and how a golden record's fields are chosen.
struct IdentitySettings {
  ResolutionConfig resolution;
  SurvivorshipRules survivorship = SurvivorshipRules::defaults();
};

}  // namespace crmsync::identity
