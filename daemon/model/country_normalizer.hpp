#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crmsync::model {

// Maps what sources write for a country to ISO 3166-1 alpha-2. The names come
// from ICU's data, not typed by hand, read at build time (country_table.hpp):
// alpha-2 and alpha-3 codes; the English and Chinese (simplified and
// traditional) display names, full and short ("United Kingdom", "UK", "中国",
// "香港", "台灣"); a few common aliases ICU lacks; each country's names in its
// own languages ("Deutschland", "Suisse") and every country's names in nine
// more languages ("Frankreich", "Espagne").
class CountryNormalizer {
 public:
  // "cn", "CHN", "China", "中国大陆", "ＣＮ" -> "CN", "Deutschland" -> "DE";
  // nothing when unknown. Case, width and white space do not matter. A code,
  // an English or Chinese name or an alias wins over the other languages'
  // names; a name two countries share there reads as neither.
  [[nodiscard]] std::optional<std::string> normalize(std::string_view text) const;
};

}  // namespace crmsync::model
