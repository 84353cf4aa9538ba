#include "daemon/identity/survivorship_rules.hpp"

namespace crmsync::identity {

std::string_view to_string(SurvivorshipRule rule) {
  switch (rule) {
    case SurvivorshipRule::kSourcePriority:
      return "source_priority";
    case SurvivorshipRule::kMostRecent:
      return "most_recent";
    case SurvivorshipRule::kMostComplete:
      return "most_complete";
    case SurvivorshipRule::kMostFrequent:
      return "most_frequent";
  }
  return "most_recent";
}

std::optional<SurvivorshipRule> survivorship_rule_from(std::string_view name) {
  for (const auto rule : {SurvivorshipRule::kSourcePriority, SurvivorshipRule::kMostRecent,
                          SurvivorshipRule::kMostComplete, SurvivorshipRule::kMostFrequent}) {
    if (to_string(rule) == name) return rule;
  }
  return std::nullopt;
}

SurvivorshipRules SurvivorshipRules::defaults() {
  SurvivorshipRules rules;
  rules.fields["date_of_birth"] = {SurvivorshipRule::kMostFrequent, {}, SurvivorshipRule::kMostRecent};
  rules.fields["tax_id"] = {SurvivorshipRule::kMostFrequent, {}, SurvivorshipRule::kMostRecent};
  rules.fields["address"] = {SurvivorshipRule::kMostComplete, {}, SurvivorshipRule::kMostRecent};
  return rules;
}

}  // namespace crmsync::identity
