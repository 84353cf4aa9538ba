#include "daemon/model/country_normalizer.hpp"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {
namespace {

// Names people use that are not ICU display names.
constexpr auto kAliases = std::to_array<std::pair<const char*, const char*>>({
    {"中国大陆", "CN"},
    {"大陆", "CN"},
    {"中华人民共和国", "CN"},
    {"Mainland China", "CN"},
    {"PRC", "CN"},
    {"USA", "US"},
    {"U.S.A.", "US"},
    {"U.S.", "US"},
    {"United States of America", "US"},
    {"美利坚合众国", "US"},
    {"Great Britain", "GB"},
    {"Britain", "GB"},
    {"England", "GB"},
    {"Scotland", "GB"},
    {"Wales", "GB"},
    {"Northern Ireland", "GB"},
    {"Macau", "MO"},
    {"澳門", "MO"},
    {"Republic of Korea", "KR"},
    {"Holland", "NL"},
});

// Case, width and spacing differences must not matter: "united  kingdom", "ＵＫ".
std::string key_of(std::string_view text) {
  return unicode_text::collapse_space(unicode_text::nfkc_casefold(unicode_text::trim(text)));
}

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::unique_ptr<icu::LocaleDisplayNames> display_names(const char* locale, UDisplayContext length) {
  std::array<UDisplayContext, 1> contexts = {length};
  return std::unique_ptr<icu::LocaleDisplayNames>(
      icu::LocaleDisplayNames::createInstance(icu::Locale(locale), contexts.data(), contexts.size()));
}

}  // namespace

CountryNormalizer::CountryNormalizer() {
  std::vector<std::unique_ptr<icu::LocaleDisplayNames>> namers;
  for (const char* locale : {"en", "zh", "zh_Hant"}) {
    namers.push_back(display_names(locale, UDISPCTX_LENGTH_FULL));
    namers.push_back(display_names(locale, UDISPCTX_LENGTH_SHORT));
  }
  // Codes first: on a clash (none is known) the code reading wins, as it is the more deliberate one.
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    add(*code, *code);
    add(icu::Locale("", *code).getISO3Country(), *code);
  }
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    for (const auto& namer : namers) {
      icu::UnicodeString name;
      namer->regionDisplayName(*code, name);
      add(utf8(name), *code);
    }
  }
  for (const auto& [alias, code] : kAliases) add(alias, code);
}

void CountryNormalizer::add(const std::string& name, const std::string& code) {
  // ICU echoes the code when it has no name; an empty name would match empty input.
  if (!name.empty()) code_by_key_.emplace(key_of(name), code);
}

std::optional<std::string> CountryNormalizer::normalize(std::string_view text) const {
  const auto found = code_by_key_.find(key_of(text));
  if (found == code_by_key_.end()) return std::nullopt;
  return found->second;
}

}  // namespace crmsync::model
