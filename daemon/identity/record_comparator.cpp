#include "daemon/identity/record_comparator.hpp"

#include <string>

#include "daemon/identity/date_of_birth_comparator.hpp"
#include "daemon/identity/jaro_winkler.hpp"
#include "daemon/identity/levenshtein_similarity.hpp"
#include "daemon/identity/token_set_similarity.hpp"

namespace crmsync::identity {

namespace {

constexpr double kStrongSimilarity = 0.92;
constexpr double kWeakSimilarity = 0.80;

AgreementLevel by_similarity(const std::string& a, const std::string& b, double similarity) {
  if (a == b) return AgreementLevel::kExact;
  if (similarity >= kStrongSimilarity) return AgreementLevel::kStrong;
  if (similarity >= kWeakSimilarity) return AgreementLevel::kWeak;
  return AgreementLevel::kDisagree;
}

// Equal values are common among compared pairs (a city, a company): they
// need no similarity computed.
AgreementLevel jaro_winkler_level(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return AgreementLevel::kMissing;
  if (a == b) return AgreementLevel::kExact;
  return by_similarity(a, b, JaroWinkler::similarity(a, b));
}

AgreementLevel token_set_level(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return AgreementLevel::kMissing;
  if (a == b) return AgreementLevel::kExact;
  return by_similarity(a, b, TokenSetSimilarity::similarity(a, b));
}

// Transliterated Han text: a syllable is a character, so one differing
// syllable is one differing character, whatever letters the two share
// ("nan jing lu" and "nan ning lu" are two streets). Edit distance over
// syllables, in order.
AgreementLevel syllable_level(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return AgreementLevel::kMissing;
  if (a == b) return AgreementLevel::kExact;
  return by_similarity(
      a, b, LevenshteinSimilarity::similarity(TokenSetSimilarity::tokens(a), TokenSetSimilarity::tokens(b)));
}

AgreementLevel exact_level(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return AgreementLevel::kMissing;
  return a == b ? AgreementLevel::kExact : AgreementLevel::kDisagree;
}

// Two neighbouring characters swapped, the rest equal: 8638391 for 8368391.
bool neighbours_swapped(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.compare(i + 2, std::string::npos, b, i + 2, std::string::npos) == 0;
}

// One edit apart, or two neighbouring characters swapped, counts as a typo of
// the same identifier (strong), not as equal.
AgreementLevel identifier_level(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return AgreementLevel::kMissing;
  if (a == b) return AgreementLevel::kExact;
  if (a.size() >= 5 && (LevenshteinSimilarity::distance(a, b) == 1 || neighbours_swapped(a, b))) {
    return AgreementLevel::kStrong;
  }
  return AgreementLevel::kDisagree;
}

AgreementLevel postcode_level(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return AgreementLevel::kMissing;
  if (a == b) return AgreementLevel::kExact;
  return LevenshteinSimilarity::distance(a, b) == 1 ? AgreementLevel::kWeak : AgreementLevel::kDisagree;
}

AgreementLevel date_of_birth_level(const std::string& a, const std::string& b) {
  switch (DateOfBirthComparator::compare(a, b)) {
    case DateOfBirthAgreement::kMissing:
      return AgreementLevel::kMissing;
    case DateOfBirthAgreement::kExact:
      return AgreementLevel::kExact;
    case DateOfBirthAgreement::kDayMonthSwapped:
      return AgreementLevel::kStrong;
    case DateOfBirthAgreement::kOneDigitOff:
      return AgreementLevel::kWeak;
    case DateOfBirthAgreement::kDifferent:
      return AgreementLevel::kDisagree;
  }
  return AgreementLevel::kDisagree;
}

bool has_split_name(const IdentityRecord& r) {
  return !r.given_name.empty() || !r.family_name.empty();
}

}  // namespace

void RecordComparator::compare_names(const IdentityRecord& a, const IdentityRecord& b,
                                     ComparisonVector& out) {
  out[index_of(MatchField::kGivenName)] = AgreementLevel::kMissing;
  out[index_of(MatchField::kFamilyName)] = AgreementLevel::kMissing;
  out[index_of(MatchField::kFullName)] = AgreementLevel::kMissing;
  if (!has_split_name(a) || !has_split_name(b)) {
    // Han names and names given in one piece: order- and script-free key first.
    if (a.full_name.empty() || b.full_name.empty()) return;
    if (a.name_key.empty() || a.name_key != b.name_key) {
      out[index_of(MatchField::kFullName)] = token_set_level(a.full_name, b.full_name);
      return;
    }
    // One reading in other characters (于鑫, 于欣) is another name, or the
    // wrong pick of a pinyin input method: near, not the same.
    const bool homophones =
        !a.name_in_han.empty() && !b.name_in_han.empty() && a.name_in_han != b.name_in_han;
    out[index_of(MatchField::kFullName)] = homophones ? AgreementLevel::kStrong : AgreementLevel::kExact;
    return;
  }
  bool swapped = false;
  if (!a.given_name.empty() && !a.family_name.empty() && !b.given_name.empty() && !b.family_name.empty()) {
    const double direct = JaroWinkler::similarity(a.given_name, b.given_name) +
                          JaroWinkler::similarity(a.family_name, b.family_name);
    const double crossed = JaroWinkler::similarity(a.given_name, b.family_name) +
                           JaroWinkler::similarity(a.family_name, b.given_name);
    swapped = crossed > direct;
  }
  const std::string& b_given = swapped ? b.family_name : b.given_name;
  const std::string& b_family = swapped ? b.given_name : b.family_name;
  out[index_of(MatchField::kGivenName)] = jaro_winkler_level(a.given_name, b_given);
  out[index_of(MatchField::kFamilyName)] = jaro_winkler_level(a.family_name, b_family);
}

ComparisonVector RecordComparator::compare(const IdentityRecord& a, const IdentityRecord& b) {
  ComparisonVector out{};
  compare_names(a, b, out);
  out[index_of(MatchField::kEmail)] = exact_level(a.email, b.email);
  out[index_of(MatchField::kPhone)] = exact_level(a.phone, b.phone);
  out[index_of(MatchField::kTaxId)] = identifier_level(a.tax_id, b.tax_id);
  out[index_of(MatchField::kCompany)] = token_set_level(a.company, b.company);
  out[index_of(MatchField::kStreetNumber)] = exact_level(a.street_number, b.street_number);
  out[index_of(MatchField::kAddress)] = a.address_in_han && b.address_in_han
                                            ? syllable_level(a.address, b.address)
                                            : token_set_level(a.address, b.address);
  out[index_of(MatchField::kLocality)] = jaro_winkler_level(a.locality, b.locality);
  out[index_of(MatchField::kPostcode)] = postcode_level(a.postcode, b.postcode);
  out[index_of(MatchField::kState)] = exact_level(a.state, b.state);
  out[index_of(MatchField::kDateOfBirth)] = date_of_birth_level(a.date_of_birth, b.date_of_birth);
  return out;
}

}  // namespace crmsync::identity
