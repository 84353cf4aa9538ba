#include "daemon/scheduler/customer_locale.hpp"

#include <memory>

#include <phonenumbers/phonenumberutil.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

namespace crmsync::scheduler {
namespace {

bool written_in_han(const std::string& name) {
  int32_t offset = 0;
  const auto length = static_cast<int32_t>(name.size());
  while (offset < length) {
    UChar32 code_point = 0;
    U8_NEXT(name.data(), offset, length, code_point);
    if (code_point < 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(code_point, &status) == USCRIPT_HAN && U_SUCCESS(status)) return true;
  }
  return false;
}

// A zone for the country when all its zones keep the same standard offset
// (Germany's Berlin and Busingen); "" when they differ (the US, Russia) or
// ICU knows none.
std::string uniform_zone_of(const std::string& region) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createTimeZoneIDEnumeration(
      UCAL_ZONE_TYPE_CANONICAL_LOCATION, region.c_str(), nullptr, status));
  if (U_FAILURE(status) || !zones) return {};
  std::string first;
  int32_t first_offset = 0;
  int32_t length = 0;
  for (const char* zone = zones->next(&length, status); zone != nullptr && U_SUCCESS(status);
       zone = zones->next(&length, status)) {
    std::unique_ptr<icu::TimeZone> time_zone(
        icu::TimeZone::createTimeZone(icu::UnicodeString(zone, length, US_INV)));
    if (first.empty()) {
      first.assign(zone, static_cast<std::size_t>(length));
      first_offset = time_zone->getRawOffset();
    } else if (time_zone->getRawOffset() != first_offset) {
      return {};
    }
  }
  return U_SUCCESS(status) ? first : std::string();
}

}  // namespace

CustomerLocale::CustomerLocale(const config::PolitenessConfig& politeness) : politeness_(politeness) {}

std::string CustomerLocale::region(const CustomerPlace& place) {
  if (!place.country.empty()) return place.country;
  if (place.phone_e164.empty()) return {};
  const auto& phones = *i18n::phonenumbers::PhoneNumberUtil::GetInstance();
  i18n::phonenumbers::PhoneNumber number;
  if (phones.Parse(place.phone_e164, "ZZ", &number) !=
      i18n::phonenumbers::PhoneNumberUtil::NO_PARSING_ERROR) {
    return {};
  }
  std::string region_code;
  phones.GetRegionCodeForNumber(number, &region_code);
  return region_code == "ZZ" ? std::string() : region_code;
}

std::string CustomerLocale::language(const CustomerPlace& place) const {
  const std::string where = region(place);
  if (where == "CN" || where == "TW" || where == "HK" || where == "MO") return "zh";
  if (where == "SG" && written_in_han(place.name)) return "zh";
  return "en";
}

std::string CustomerLocale::time_zone(const CustomerPlace& place) const {
  const std::string where = region(place);
  if (where.empty()) return politeness_.default_time_zone;
  if (const auto configured = politeness_.country_time_zones.find(where);
      configured != politeness_.country_time_zones.end()) {
    return configured->second;
  }
  const std::string zone = uniform_zone_of(where);
  return zone.empty() ? politeness_.default_time_zone : zone;
}

}  // namespace crmsync::scheduler
