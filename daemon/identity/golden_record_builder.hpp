#pragma once

#include <string>
#include <vector>

#include "daemon/identity/survivorship_rules.hpp"
#include "daemon/model/customer.hpp"

namespace crmsync::identity {

// One source record of a golden customer, as survivorship sees it.
struct MemberRecord {
  long long source_record_id = 0;
  std::string instance;    // the connector instance it came from
  std::string updated_at;  // ISO 8601 UTC: the source's updated-at, else when crmsync last saw it
  model::Customer customer;
};

// Which record and rule gave a golden field its value.
struct FieldLineage {
  std::string field;
  long long source_record_id = 0;
  std::string rule;
};

struct GoldenRecord {
  model::Customer customer;
  std::vector<FieldLineage> lineage;  // one entry per golden field that has a value
  // The latest updated_at of its records: when the customer last changed at a
  // source. Rebuilding from the same records (an unmerge after a merge) gives
  // the same value back.
  std::string updated_at;
};

// Builds a golden customer from its records, field by field, with the rule
// that chose each value. Deterministic: the same records in any order give
// the same golden record.
class GoldenRecordBuilder {
 public:
  explicit GoldenRecordBuilder(SurvivorshipRules rules) : rules_(std::move(rules)) {}

  [[nodiscard]] GoldenRecord build(std::vector<MemberRecord> members) const;

 private:
  SurvivorshipRules rules_;
};

}  // namespace crmsync::identity
