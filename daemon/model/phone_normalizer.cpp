#include "daemon/model/phone_normalizer.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

std::string upper_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

}  // namespace

PhoneNormalizer::PhoneNormalizer(std::string default_region)
    : default_region_(upper_ascii(std::move(default_region))) {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  if (util->GetCountryCodeForRegion(default_region_) == 0) {
    throw std::invalid_argument("default_region '" + default_region_ +
                                "' is not an ISO 3166-1 alpha-2 region with phone numbering metadata");
  }
}

Phone PhoneNormalizer::normalize(std::string_view text) const {
  return normalize(text, default_region_);
}

Phone PhoneNormalizer::normalize(std::string_view text, const std::string& region) const {
  Phone phone;
  phone.raw = unicode_text::trim(text);
  // libphonenumber reads ASCII and a few digit forms; NFKC covers all full-width forms.
  const std::string input = unicode_text::nfkc(phone.raw);
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse(input, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) return phone;
  if (!util->IsValidNumber(number)) return phone;
  util->Format(number, PhoneNumberUtil::E164, &phone.e164);
  phone.valid = true;
  return phone;
}

}  // namespace crmsync::model
