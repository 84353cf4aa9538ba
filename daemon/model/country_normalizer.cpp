#include "daemon/model/country_normalizer.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/country_table.hpp"
#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {

std::optional<std::string> CountryNormalizer::normalize(std::string_view text) const {
  const std::string key = unicode_text::lookup_key(text);  // as the generator folded the names
  const auto names = country_names();
  const auto found = std::lower_bound(
      names.begin(), names.end(), key,
      [](const CountryName& name, const std::string& k) { return std::string_view(name.key) < k; });
  if (found == names.end() || std::string_view(found->key) != key) return std::nullopt;
  return std::string(found->code);
}

}  // namespace crmsync::model
