#pragma once

#include <span>

namespace crmsync::model {

// One way of writing a country, folded by unicode_text::lookup_key, and the
// country's ISO 3166-1 alpha-2 code.
struct CountryName {
  const char* key;
  const char* code;
};

// Every name the normaliser knows, sorted by key (bytewise). Generated at
// build time from ICU's data by country_table/country_table_generator.cpp:
// reading ICU's locale data at start-up kept about 4.6 MB of it resident.
[[nodiscard]] std::span<const CountryName> country_names();

}  // namespace crmsync::model
