#include "daemon/identity/golden_record_builder.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

namespace crmsync::identity {
namespace {

// How one golden field is read from and written to a customer. `rank` orders
// values of equal standing: a valid phone number beats an unparsed one.
struct FieldAccess {
  std::function<std::string(const model::Customer&)> value;
  std::function<void(const model::Customer& from, model::Customer& to)> copy;
  std::function<int(const model::Customer&)> quality = [](const model::Customer&) { return 0; };
};

template <typename Member>
FieldAccess text_field(Member member) {
  return {[member](const model::Customer& c) { return c.*member; },
          [member](const model::Customer& from, model::Customer& to) { to.*member = from.*member; }};
}

const std::map<std::string_view, FieldAccess>& field_access() {
  static const std::map<std::string_view, FieldAccess> access = [] {
    std::map<std::string_view, FieldAccess> a;
    a["kind"] = text_field(&model::Customer::kind);
    a["name"] = {[](const model::Customer& c) { return c.name; },
                 [](const model::Customer& from, model::Customer& to) {
                   to.name = from.name;
                   to.name_key = from.name_key;
                 }};
    a["primary_email"] = {
        [](const model::Customer& c) {
          return c.email ? (c.email->canonical.empty() ? c.email->raw : c.email->canonical) : "";
        },
        [](const model::Customer& from, model::Customer& to) { to.email = from.email; },
        [](const model::Customer& c) { return c.email && !c.email->canonical.empty() ? 1 : 0; }};
    a["phone_e164"] = {[](const model::Customer& c) {
                         return c.phone ? (c.phone->valid ? c.phone->e164 : c.phone->raw) : "";
                       },
                       [](const model::Customer& from, model::Customer& to) { to.phone = from.phone; },
                       [](const model::Customer& c) { return c.phone && c.phone->valid ? 1 : 0; }};
    a["company"] = text_field(&model::Customer::company);
    a["country"] = text_field(&model::Customer::country);
    a["city"] = text_field(&model::Customer::city);
    a["address"] = text_field(&model::Customer::address);
    a["postcode"] = text_field(&model::Customer::postcode);
    a["date_of_birth"] = text_field(&model::Customer::date_of_birth);
    a["tax_id"] = text_field(&model::Customer::tax_id);
    a["tier"] = text_field(&model::Customer::tier);
    a["lifecycle_stage"] = text_field(&model::Customer::lifecycle_stage);
    a["owner"] = text_field(&model::Customer::owner);
    return a;
  }();
  return access;
}

// Later updated_at first, then the higher record id (the newer record), so
// every rule has a deterministic tie-break.
bool more_recent(const MemberRecord& a, const MemberRecord& b) {
  if (a.updated_at != b.updated_at) return a.updated_at > b.updated_at;
  return a.source_record_id > b.source_record_id;
}

const MemberRecord* choose(const std::vector<const MemberRecord*>& having, SurvivorshipRule rule,
                           const FieldAccess& access) {
  switch (rule) {
    case SurvivorshipRule::kSourcePriority:
    case SurvivorshipRule::kMostRecent:
      return having.front();  // `having` is sorted most recent first
    case SurvivorshipRule::kMostComplete: {
      const MemberRecord* best = having.front();
      for (const auto* m : having) {
        if (access.value(m->customer).size() > access.value(best->customer).size()) best = m;
      }
      return best;
    }
    case SurvivorshipRule::kMostFrequent: {
      std::map<std::string, std::size_t> votes;
      for (const auto* m : having) ++votes[access.value(m->customer)];
      const MemberRecord* best = having.front();
      for (const auto* m : having) {
        if (votes[access.value(m->customer)] > votes[access.value(best->customer)]) best = m;
      }
      return best;
    }
  }
  return having.front();
}

}  // namespace

GoldenRecord GoldenRecordBuilder::build(std::vector<MemberRecord> members) const {
  std::sort(members.begin(), members.end(), more_recent);
  GoldenRecord golden;
  golden.customer.kind.clear();
  if (!members.empty()) golden.updated_at = members.front().updated_at;
  for (const auto field : kGoldenFields) {
    const auto& access = field_access().at(field);
    // Only records with a value take part, and of those only the best quality
    // (a valid phone number over one that could not be parsed).
    std::vector<const MemberRecord*> having;
    int best_quality = 0;
    for (const auto& m : members) {
      if (access.value(m.customer).empty()) continue;
      best_quality = std::max(best_quality, access.quality(m.customer));
      having.push_back(&m);
    }
    std::erase_if(having, [&](const MemberRecord* m) { return access.quality(m->customer) < best_quality; });
    if (having.empty()) continue;

    const auto& rule = rules_.for_field(field);
    SurvivorshipRule applied = rule.rule;
    const MemberRecord* winner = nullptr;
    if (rule.rule == SurvivorshipRule::kSourcePriority) {
      for (const auto& source : rule.sources) {
        const auto found = std::find_if(having.begin(), having.end(),
                                        [&](const MemberRecord* m) { return m->instance == source; });
        if (found != having.end()) {
          winner = *found;
          break;
        }
      }
      if (winner == nullptr) applied = rule.fallback;
    }
    if (winner == nullptr) winner = choose(having, applied, access);
    access.copy(winner->customer, golden.customer);
    // "single_source": only one record knows this field, no rule had to choose.
    const std::string rule_name = having.size() == 1 ? "single_source" : std::string(to_string(applied));
    golden.lineage.push_back({std::string(field), winner->source_record_id, rule_name});
  }
  if (golden.customer.kind.empty()) golden.customer.kind = "person";
  return golden;
}

}  // namespace crmsync::identity
