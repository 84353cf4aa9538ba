#include "daemon/identity/blocking_keys.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

#include "daemon/identity/field_value.hpp"
#include "daemon/identity/soundex.hpp"

namespace crmsync::identity {
namespace {

enum class KeyKind : std::uint64_t {
  kFamilyPostcode = 1,
  kDateOfBirth,
  kTaxId,
  kEmail,
  kPhone,
  kNameKey,
  kNameSounds,
  kPostcodeStreetNumber,
  kSameRecord,
  kFieldValue = 64,  // + the field's index
};

// std::hash of a string_view is not the same on every platform, and these
// keys are stored: FNV-1a is, and is good enough for bucketing.
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t key_of(KeyKind kind, std::string_view value) {
  // Mixing the kind in keeps equal text under different keys apart; the top
  // bit is cleared so the key fits a signed 64-bit database column.
  const std::uint64_t mixed = fnv1a(value) ^ (static_cast<std::uint64_t>(kind) * 0x9e3779b97f4a7c15ULL);
  return (mixed & 0x7fffffffffffffffULL) | 1ULL;  // never 0, which means "no key"
}

void add(std::vector<GroupedKey>& keys, KeyKind kind, KeyGroup group, const std::string& value) {
  if (!value.empty()) keys.push_back({key_of(kind, value), group});
}

}  // namespace

std::vector<GroupedKey> BlockingKeys::grouped_blocking_keys(const IdentityRecord& r) {
  std::vector<GroupedKey> keys;
  keys.reserve(8);
  const std::string family = Soundex::code(r.family_name);
  const std::string given = Soundex::code(r.given_name);
  if (!family.empty() && !r.postcode.empty()) {
    add(keys, KeyKind::kFamilyPostcode, KeyGroup::family_postcode, family + r.postcode);
  }
  add(keys, KeyKind::kDateOfBirth, KeyGroup::date_of_birth, r.date_of_birth);
  add(keys, KeyKind::kTaxId, KeyGroup::identifier, r.tax_id);
  add(keys, KeyKind::kEmail, KeyGroup::identifier, r.email);
  add(keys, KeyKind::kPhone, KeyGroup::identifier, r.phone);
  add(keys, KeyKind::kNameKey, KeyGroup::name, r.name_key);
  if (!family.empty() && !given.empty()) {
    add(keys, KeyKind::kNameSounds, KeyGroup::name, std::min(family, given) + std::max(family, given));
  }
  if (!r.postcode.empty() && !r.street_number.empty()) {
    add(keys, KeyKind::kPostcodeStreetNumber, KeyGroup::address, r.postcode + "/" + r.street_number);
  }
  for (const auto& reference : r.same_record)
    add(keys, KeyKind::kSameRecord, KeyGroup::identifier, reference);
  const auto by_key = [](const GroupedKey& a, const GroupedKey& b) { return a.key < b.key; };
  const auto same_key = [](const GroupedKey& a, const GroupedKey& b) { return a.key == b.key; };
  std::sort(keys.begin(), keys.end(), by_key);
  keys.erase(std::unique(keys.begin(), keys.end(), same_key), keys.end());
  return keys;
}

std::vector<std::uint64_t> BlockingKeys::blocking_keys(const IdentityRecord& r) {
  std::vector<std::uint64_t> keys;
  for (const auto& grouped : grouped_blocking_keys(r)) keys.push_back(grouped.key);
  return keys;
}

std::uint64_t BlockingKeys::value_key(MatchField field, const std::string& value) {
  if (value.empty()) return 0;
  return key_of(static_cast<KeyKind>(static_cast<std::uint64_t>(KeyKind::kFieldValue) + index_of(field)),
                value);
}

std::vector<std::uint64_t> BlockingKeys::value_keys(const IdentityRecord& record) {
  std::vector<std::uint64_t> keys;
  for (std::size_t f = 0; f < kMatchFieldCount; ++f) {
    const auto field = static_cast<MatchField>(f);
    if (const auto key = value_key(field, field_value(record, field))) keys.push_back(key);
  }
  return keys;
}

}  // namespace crmsync::identity
