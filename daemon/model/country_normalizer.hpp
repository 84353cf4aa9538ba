#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace crmsync::model {

// Maps what sources write for a country to ISO 3166-1 alpha-2. The table is
// built from ICU's data, not by hand: alpha-2 and alpha-3 codes and the English
// and Chinese (simplified and traditional) display names, full and short
// ("United Kingdom", "UK", "中国", "香港", "台灣"), plus a few common aliases ICU lacks.
class CountryNormalizer {
 public:
  CountryNormalizer();

  // "cn", "CHN", "China", "中国大陆", "ＣＮ" -> "CN"; nothing when unknown.
  // Case, width and white space do not matter.
  [[nodiscard]] std::optional<std::string> normalize(std::string_view text) const;

 private:
  void add(const std::string& name, const std::string& code);

  std::unordered_map<std::string, std::string> code_by_key_;
};

}  // namespace crmsync::model
