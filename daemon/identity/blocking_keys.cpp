#include "daemon/identity/blocking_keys.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

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

void add(std::vector<std::uint64_t>& keys, KeyKind kind, const std::string& value) {
  if (!value.empty()) keys.push_back(key_of(kind, value));
}

}  // namespace

std::vector<std::uint64_t> BlockingKeys::blocking_keys(const IdentityRecord& r) {
  std::vector<std::uint64_t> keys;
  keys.reserve(8);
  const std::string family = Soundex::code(r.family_name);
  const std::string given = Soundex::code(r.given_name);
  if (!family.empty() && !r.postcode.empty()) add(keys, KeyKind::kFamilyPostcode, family + r.postcode);
  add(keys, KeyKind::kDateOfBirth, r.date_of_birth);
  add(keys, KeyKind::kTaxId, r.tax_id);
  add(keys, KeyKind::kEmail, r.email);
  add(keys, KeyKind::kPhone, r.phone);
  add(keys, KeyKind::kNameKey, r.name_key);
  if (!family.empty() && !given.empty()) {
    add(keys, KeyKind::kNameSounds, std::min(family, given) + std::max(family, given));
  }
  if (!r.postcode.empty() && !r.street_number.empty()) {
    add(keys, KeyKind::kPostcodeStreetNumber, r.postcode + "/" + r.street_number);
  }
  for (const auto& reference : r.same_record) add(keys, KeyKind::kSameRecord, reference);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::uint64_t BlockingKeys::value_key(MatchField field, const std::string& value) {
  if (value.empty()) return 0;
  return key_of(static_cast<KeyKind>(static_cast<std::uint64_t>(KeyKind::kFieldValue) + index_of(field)),
                value);
}

}  // namespace crmsync::identity
