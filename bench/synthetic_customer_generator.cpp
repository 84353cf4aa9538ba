#include "bench/synthetic_customer_generator.hpp"

#include <array>
#include <cstdio>
#include <string_view>
#include <utility>

namespace crmsync::bench {

namespace {

constexpr std::array<std::string_view, 40> kSyllables = {
    "an",  "ber", "car", "dan", "el",  "fin", "gar", "han", "is",  "jo",  "kel", "lan", "mar", "nor",
    "ol",  "per", "qui", "ros", "sam", "tor", "ul",  "val", "wen", "xa",  "yor", "zen", "bri", "chel",
    "don", "ev",  "fra", "gil", "hol", "ian", "jas", "kin", "lor", "mil", "nat", "ste"};
constexpr std::array<std::string_view, 6> kStreetKinds = {"street",   "road",  "avenue",
                                                          "crescent", "place", "circuit"};
constexpr std::array<std::string_view, 8> kStates = {"nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt"};
constexpr std::array<std::string_view, 5> kMailDomains = {"example.com", "mail.test", "inbox.test",
                                                          "post.test", "web.test"};

}  // namespace

std::uint64_t SyntheticCustomerGenerator::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string SyntheticCustomerGenerator::word(std::size_t min_syllables, std::size_t max_syllables) {
  const std::size_t n = min_syllables + below(max_syllables - min_syllables + 1);
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += kSyllables[below(kSyllables.size())];
  return out;
}

std::string SyntheticCustomerGenerator::digits(std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += static_cast<char>('0' + below(10));
  return out;
}

void SyntheticCustomerGenerator::build_pools() {
  for (int i = 0; i < 3000; ++i) given_names_.push_back(word(2, 3));
  for (int i = 0; i < 60000; ++i) family_names_.push_back(word(2, 4));
  for (int i = 0; i < 20000; ++i) streets_.push_back(word(2, 3) + " " + std::string(kStreetKinds[below(6)]));
  for (int i = 0; i < 8000; ++i) {
    suburbs_.push_back(word(2, 3));
    postcodes_.push_back(std::to_string(1000 + below(8000)));
  }
}

identity::IdentityRecord SyntheticCustomerGenerator::person() {
  identity::IdentityRecord r;
  // Squaring the draw skews towards the front of the pool: some names are common.
  const std::size_t g = below(given_names_.size());
  const std::size_t f = below(family_names_.size());
  r.given_name = given_names_[g * g / given_names_.size()];
  r.family_name = family_names_[f * f / family_names_.size()];
  r.street_number = std::to_string(1 + below(300));
  r.address = streets_[below(streets_.size())];
  const std::size_t place = below(suburbs_.size());
  r.locality = suburbs_[place];
  r.postcode = postcodes_[place];
  r.state = std::string(kStates[below(kStates.size())]);
  std::array<char, 16> date{};
  std::snprintf(date.data(), date.size(), "%04zu%02zu%02zu", 1930 + below(76), 1 + below(12), 1 + below(28));
  r.date_of_birth = date.data();
  if (chance(0.7)) r.tax_id = std::to_string(1 + below(9)) + digits(8);
  if (chance(0.02)) {
    r.email = "info@" + std::string(kMailDomains[below(kMailDomains.size())]);  // role mailbox
  } else if (chance(0.6)) {
    r.email = r.given_name + "." + r.family_name + digits(2) + "@" + std::string(kMailDomains[below(5)]);
  }
  if (chance(0.5)) r.phone = "+614" + digits(8);
  return r;
}

std::string SyntheticCustomerGenerator::typo(const std::string& text) {
  if (text.size() < 2) return text;
  std::string out = text;
  const std::size_t at = below(out.size());
  switch (below(3)) {
    case 0:
      out[at] = static_cast<char>('a' + below(26));
      break;
    case 1:
      out.erase(at, 1);
      break;
    default:
      out.insert(at, 1, static_cast<char>('a' + below(26)));
      break;
  }
  return out;
}

identity::IdentityRecord SyntheticCustomerGenerator::duplicate_of(const identity::IdentityRecord& original) {
  identity::IdentityRecord r = original;
  const std::size_t errors = 1 + below(3);
  for (std::size_t e = 0; e < errors; ++e) {
    switch (below(10)) {
      case 0:
        r.given_name = typo(r.given_name);
        break;
      case 1:
        r.family_name = typo(r.family_name);
        break;
      case 2:
        std::swap(r.given_name, r.family_name);
        break;
      case 3:
        if (r.date_of_birth.size() == 8) {
          r.date_of_birth =
              r.date_of_birth.substr(0, 4) + r.date_of_birth.substr(6, 2) + r.date_of_birth.substr(4, 2);
        }
        break;
      case 4:
        r.postcode = typo(r.postcode);
        break;
      case 5:
        r.address = typo(r.address);
        break;
      case 6:
        r.email.clear();
        break;
      case 7:
        r.phone = chance(0.5) ? std::string{} : "+614" + digits(8);
        break;
      case 8:
        r.tax_id = typo(r.tax_id);
        break;
      default:
        r.street_number.clear();
        break;
    }
  }
  return r;
}

SyntheticCustomerGenerator::Dataset SyntheticCustomerGenerator::generate(std::size_t records) {
  if (given_names_.empty()) build_pools();
  Dataset data;
  data.records.reserve(records);
  data.truth.reserve(records);
  std::uint64_t person_number = 0;
  while (data.records.size() < records) {
    const identity::IdentityRecord original = person();
    const std::size_t copies = chance(0.25) ? 1 + below(3) : 0;
    for (std::size_t c = 0; c <= copies && data.records.size() < records; ++c) {
      identity::IdentityRecord r = c == 0 ? original : duplicate_of(original);
      r.id = "syn-" + std::to_string(person_number) + "-" + std::to_string(c);
      data.records.push_back(std::move(r));
      data.truth.push_back(person_number);
    }
    ++person_number;
  }
  return data;
}

}  // namespace crmsync::bench
