#include "daemon/model/customer_normalizer.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/model/field_reader.hpp"
#include "daemon/model/timestamp_parser.hpp"
#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {
namespace {

namespace field = sdk::field;

constexpr std::array<std::string_view, 5> kOrganisationKinds = {"org", "company", "organisation",
                                                                "organization", "account"};
constexpr std::array<std::string_view, 4> kPersonKinds = {"person", "individual", "contact", "lead"};

template <std::size_t N>
bool is_one_of(const std::string& value, const std::array<std::string_view, N>& names) {
  return std::ranges::any_of(names, [&](std::string_view name) { return value == name; });
}

// The source's kind when it says one; otherwise a record with a company and no
// person name describes the company itself.
std::string kind_of(const FieldReader& in, const Customer& customer, std::vector<std::string>& warnings) {
  const std::string stated = unicode_text::to_lower(in.text(field::kKind));
  if (is_one_of(stated, kOrganisationKinds)) return "organisation";
  if (is_one_of(stated, kPersonKinds)) return "person";
  if (!stated.empty()) {
    warnings.push_back(in.describe(field::kKind) + ": '" + stated +
                       "' is neither a person nor an organisation; guessed from the other fields");
  }
  return customer.name.empty() && !customer.company.empty() ? "organisation" : "person";
}

std::string iso_date(const std::chrono::year_month_day& date) {
  std::array<char, 16> text{};
  std::snprintf(text.data(), text.size(), "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text.data();
}

// "same_as.<instance>" fields as "instance:id"; empty ids say nothing.
std::vector<std::string> same_record_references(const sdk::FieldMap& fields) {
  const std::string prefix = field::kSameAsPrefix;
  std::vector<std::string> out;
  for (auto it = fields.lower_bound(prefix); it != fields.end() && it->first.starts_with(prefix); ++it) {
    const std::string instance = it->first.substr(prefix.size());
    const std::string id = FieldReader(fields).text(it->first);
    if (!instance.empty() && !id.empty()) out.push_back(instance + ":" + id);
  }
  return out;  // sorted: the map is
}

}  // namespace

CustomerNormalizer::CustomerNormalizer(const PhoneNormalizer& phones) : phones_(phones) {}

Expected<Customer, std::string> CustomerNormalizer::normalize(const sdk::FieldMap& fields,
                                                              std::vector<std::string>& warnings) const {
  const FieldReader in(fields);
  Customer customer;
  const std::string name = in.text(field::kName);
  customer.name = name.empty() ? names_.compose(in.text(field::kGivenName), in.text(field::kFamilyName))
                               : names_.tidy(name);
  customer.company = names_.tidy(in.text(field::kCompany));
  read_location(fields, customer, warnings);  // first: the country decides how a local phone number reads
  read_contact(fields, customer, warnings);
  if (customer.name.empty() && customer.company.empty() && !customer.email && !customer.phone) {
    return Unexpected(std::string("customer has no name, email, phone or company"));
  }
  customer.kind = kind_of(in, customer, warnings);
  // An organisation is matched by its name; the company field is that name when no other is given.
  if (customer.kind == "organisation" && customer.name.empty()) customer.name = customer.company;
  customer.name_key = names_.key(customer.name);

  customer.tax_id = in.text(field::kTaxId);
  customer.tier = in.text(field::kTier);
  customer.lifecycle_stage = in.text(field::kLifecycleStage);
  customer.owner = in.text(field::kOwner);
  customer.same_as = same_record_references(fields);
  return customer;
}

// Contact details are personal data: warnings name the field, never the value.
void CustomerNormalizer::read_contact(const sdk::FieldMap& fields, Customer& customer,
                                      std::vector<std::string>& warnings) const {
  const FieldReader in(fields);
  if (const std::string email = in.text(field::kEmail); !email.empty()) {
    customer.email = emails_.normalize(email);
    if (customer.email->canonical.empty()) {
      warnings.push_back(in.describe(field::kEmail) + " is not a valid e-mail address; kept as written");
    }
  }
  if (const std::string phone = in.text(field::kPhone); !phone.empty()) {
    const std::string& region = customer.country.empty() ? phones_.default_region() : customer.country;
    customer.phone = phones_.normalize(phone, region);
    if (!customer.phone->valid) {
      warnings.push_back(in.describe(field::kPhone) + " is not a valid phone number (region " + region +
                         "); kept as written");
    }
  }
  if (const std::string birth = in.text(field::kDateOfBirth); !birth.empty()) {
    if (const auto date = TimestampParser::parse_date(birth)) {
      customer.date_of_birth = iso_date(*date);
    } else {
      warnings.push_back(in.describe(field::kDateOfBirth) + " is not a date (YYYY-MM-DD); left empty");
    }
  }
}

void CustomerNormalizer::read_location(const sdk::FieldMap& fields, Customer& customer,
                                       std::vector<std::string>& warnings) const {
  const FieldReader in(fields);
  if (const std::string country = in.text(field::kCountry); !country.empty()) {
    if (auto code = countries_.normalize(country)) {
      customer.country = std::move(*code);
    } else {
      warnings.push_back(in.describe(field::kCountry) + ": '" + country +
                         "' is not a known country; left empty");
    }
  }
  customer.city = names_.tidy(in.text(field::kCity));
  customer.address = in.text(field::kAddress);
  customer.postcode = in.text(field::kPostcode);
}

}  // namespace crmsync::model
