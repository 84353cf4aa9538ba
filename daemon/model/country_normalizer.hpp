#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace crmsync::model {

// Maps what sources write for a country to ISO 3166-1 alpha-2. The table is
// built from ICU's data, not by hand: alpha-2 and alpha-3 codes and the English
// and Chinese (simplified and traditional) display names, full and short
// ("United Kingdom", "UK", "中国", "香港", "台灣"), a few common aliases ICU
// lacks, each country's names in its own languages ("Deutschland", "Suisse")
// and every country's names in a few more languages ("Frankreich", "Espagne").
class CountryNormalizer {
 public:
  CountryNormalizer();

  // "cn", "CHN", "China", "中国大陆", "ＣＮ" -> "CN", "Deutschland" -> "DE";
  // nothing when unknown or when the name is another country's in another language.
  // Case, width and white space do not matter.
  [[nodiscard]] std::optional<std::string> normalize(std::string_view text) const;

 private:
  static const std::unordered_map<std::string, std::string>& table();

  const std::unordered_map<std::string, std::string>* code_by_key_;  // shared by all instances
};

}  // namespace crmsync::model
