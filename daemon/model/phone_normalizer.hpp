#pragma once

#include <string>
#include <string_view>

#include "daemon/model/customer.hpp"

namespace crmsync::model {

// Turns phone numbers into E.164 with libphonenumber. Numbers without a
// country code are read as numbers of the default region.
class PhoneNormalizer {
 public:
  // default_region: ISO 3166-1 alpha-2 ("CN", "US"); throws std::invalid_argument
  // when libphonenumber has no metadata for it (a configuration mistake).
  explicit PhoneNormalizer(std::string default_region);

  // raw: the text with surrounding white space removed. e164 and valid=true only
  // for a valid number; otherwise raw is kept, e164 empty and valid=false.
  // An extension ("ext. 12") does not stop a number being valid; E.164 drops it.
  [[nodiscard]] Phone normalize(std::string_view text) const;
  // The same, reading a number without a country code as one of `region` (the
  // record's own country) instead of the default region.
  [[nodiscard]] Phone normalize(std::string_view text, const std::string& region) const;

  [[nodiscard]] const std::string& default_region() const { return default_region_; }

 private:
  std::string default_region_;
};

}  // namespace crmsync::model
