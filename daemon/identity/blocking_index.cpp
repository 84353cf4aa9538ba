#include "daemon/identity/blocking_index.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>

#include "daemon/identity/soundex.hpp"

namespace crmsync::identity {

namespace {

using KeyedRecord = std::pair<std::uint64_t, std::uint32_t>;

enum class KeyKind : std::uint64_t {
  kFamilyPostcode = 1,
  kDateOfBirth,
  kTaxId,
  kEmail,
  kPhone,
  kNameKey,
  kNameSounds,
  kPostcodeStreetNumber,
};

void add_key(std::vector<KeyedRecord>& keys, KeyKind kind, const std::string& value, std::uint32_t record) {
  if (value.empty()) return;
  const std::uint64_t h = std::hash<std::string_view>{}(value);
  // Mixing the kind in keeps equal text under different keys apart.
  keys.emplace_back(h ^ (static_cast<std::uint64_t>(kind) * 0x9e3779b97f4a7c15ULL), record);
}

void add_keys_of(const IdentityRecord& r, std::uint32_t index, std::vector<KeyedRecord>& keys) {
  const std::string family = Soundex::code(r.family_name);
  const std::string given = Soundex::code(r.given_name);
  if (!family.empty() && !r.postcode.empty())
    add_key(keys, KeyKind::kFamilyPostcode, family + r.postcode, index);
  add_key(keys, KeyKind::kDateOfBirth, r.date_of_birth, index);
  add_key(keys, KeyKind::kTaxId, r.tax_id, index);
  add_key(keys, KeyKind::kEmail, r.email, index);
  add_key(keys, KeyKind::kPhone, r.phone, index);
  add_key(keys, KeyKind::kNameKey, r.name_key, index);
  if (!family.empty() && !given.empty()) {
    add_key(keys, KeyKind::kNameSounds, std::min(family, given) + std::max(family, given), index);
  }
  if (!r.postcode.empty() && !r.street_number.empty()) {
    add_key(keys, KeyKind::kPostcodeStreetNumber, r.postcode + "/" + r.street_number, index);
  }
}

}  // namespace

BlockingIndex::CandidatePairs BlockingIndex::candidate_pairs(
    const std::vector<IdentityRecord>& records) const {
  std::vector<KeyedRecord> keys;
  keys.reserve(records.size() * 8);
  for (std::size_t i = 0; i < records.size(); ++i)
    add_keys_of(records[i], static_cast<std::uint32_t>(i), keys);
  std::sort(keys.begin(), keys.end());

  CandidatePairs out;
  std::size_t begin = 0;
  while (begin < keys.size()) {
    std::size_t end = begin + 1;
    while (end < keys.size() && keys[end].first == keys[begin].first) ++end;
    const std::size_t size = end - begin;
    if (size > limits_.max_block_size) {
      ++out.oversized_blocks;
    } else {
      for (std::size_t i = begin; i < end; ++i) {
        for (std::size_t j = i + 1; j < end; ++j) {
          // keys are sorted by record within a block, so second > first
          if (keys[i].second != keys[j].second) out.pairs.emplace_back(keys[i].second, keys[j].second);
        }
      }
    }
    begin = end;
  }
  std::vector<KeyedRecord>().swap(keys);
  std::sort(out.pairs.begin(), out.pairs.end());
  out.pairs.erase(std::unique(out.pairs.begin(), out.pairs.end()), out.pairs.end());
  return out;
}

}  // namespace crmsync::identity
