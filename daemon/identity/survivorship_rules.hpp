#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crmsync::identity {

// How the value of one golden field is chosen among a customer's records.
enum class SurvivorshipRule {
  kSourcePriority,  // the first listed instance that has a value
  kMostRecent,      // the record updated last (source updated-at, else last seen)
  kMostComplete,    // the longest value (the fullest address, the name with a middle name)
  kMostFrequent,    // the value most records agree on; ties go to the most recent
};

[[nodiscard]] std::string_view to_string(SurvivorshipRule rule);
[[nodiscard]] std::optional<SurvivorshipRule> survivorship_rule_from(std::string_view name);

struct FieldSurvivorship {
  SurvivorshipRule rule = SurvivorshipRule::kMostRecent;
  std::vector<std::string> sources;  // instance names, for kSourcePriority
  // When no listed source has a value (kSourcePriority only).
  SurvivorshipRule fallback = SurvivorshipRule::kMostRecent;
};

// The golden fields, named as the customer table's columns.
inline constexpr std::string_view kGoldenFields[] = {
    "kind",    "name",     "primary_email", "phone_e164", "company", "country",         "city",
    "address", "postcode", "date_of_birth", "tax_id",     "tier",    "lifecycle_stage", "owner"};

struct SurvivorshipRules {
  FieldSurvivorship default_rule;
  std::map<std::string, FieldSurvivorship, std::less<>> fields;  // by golden field name

  [[nodiscard]] const FieldSurvivorship& for_field(std::string_view field) const {
    const auto found = fields.find(field);
    return found == fields.end() ? default_rule : found->second;
  }
  // Out of the box: the latest value wins, except for facts that do not change
  // and that a typo in one record should not overwrite.
  [[nodiscard]] static SurvivorshipRules defaults();
};

}  // namespace crmsync::identity
