#pragma once

#include <string>

#include "daemon/config/journey_config.hpp"

namespace crmsync::scheduler {

// What the golden record tells about where a customer lives.
struct CustomerPlace {
  std::string name;
  std::string country;     // ISO 3166-1 alpha-2; may be empty
  std::string phone_e164;  // may be empty
};

// The language and time zone to write to a customer in: from the country,
// else from the phone number's region, else the configured default.
class CustomerLocale {
 public:
  explicit CustomerLocale(const config::PolitenessConfig& politeness);

  // "zh" for China, Taiwan, Hong Kong, Macau, and for a Singapore customer
  // whose name is written in Han characters; "en" otherwise.
  [[nodiscard]] std::string language(const CustomerPlace& place) const;
  // An IANA/ICU zone id, e.g. "Asia/Shanghai".
  [[nodiscard]] std::string time_zone(const CustomerPlace& place) const;
  // The region: the country, else the phone number's region, else "".
  [[nodiscard]] static std::string region(const CustomerPlace& place);

 private:
  const config::PolitenessConfig& politeness_;
};

}  // namespace crmsync::scheduler
