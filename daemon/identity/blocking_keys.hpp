#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "daemon/identity/identity_record.hpp"
#include "daemon/identity/match_field.hpp"

namespace crmsync::identity {

// The keys a record is filed under, as 64-bit hashes, so the batch resolver
// can sort them and the store can index them. Blocking keys: records sharing
// one are compared. Value keys: one per known field value, so how common a
// value is can be counted without keeping the records in memory.
// What a blocking key is made of. Two records sharing keys of two groups,
// or an identifier, are worth comparing; sharing only a name is not, unless
// the name is rare (SharedKeyEvidence).
enum class KeyGroup : std::uint8_t { identifier, name, family_postcode, date_of_birth, address };
inline constexpr std::size_t kKeyGroupCount = 5;

struct GroupedKey {
  std::uint64_t key = 0;
  KeyGroup group = KeyGroup::name;
};

class BlockingKeys {
 public:
  // Which derivation of blocking and value keys this build writes. Bump it
  // whenever a change here, in IdentityRecordBuilder or in anything else
  // that feeds the keys derives other keys from the same record: a store
  // keyed before is stale until `crmsyncd resolve` rebuilds its keys
  // (store::KeyVersionStore). 1: every store keyed before versions were
  // recorded; 2: house numbers split off addresses (street_number).
  static constexpr int kDerivationVersion = 2;

  // Soundex(family)+postcode, date of birth, tax id, email, phone, the
  // order-free name key, Soundex of both name parts (order-free), and
  // postcode+street number; no key for an empty part.
  [[nodiscard]] static std::vector<std::uint64_t> blocking_keys(const IdentityRecord& record);
  // The same keys with their groups, sorted by key.
  [[nodiscard]] static std::vector<GroupedKey> grouped_blocking_keys(const IdentityRecord& record);
  // The key of `value` in `field` (0 for an empty value).
  [[nodiscard]] static std::uint64_t value_key(MatchField field, const std::string& value);
  // The value keys of a record's non-empty match fields, in field order.
  [[nodiscard]] static std::vector<std::uint64_t> value_keys(const IdentityRecord& record);
};

}  // namespace crmsync::identity
