#include "daemon/model/country_normalizer.hpp"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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

// Languages whose names for other countries are read too ("Frankreich",
// "Espagne", "Stati Uniti"): those of the larger markets partners write in.
constexpr auto kForeignNameLanguages = std::to_array<const char*>({"de", "fr", "es", "it", "pt", "nl", "ru", "ja", "ko"});

// Each country's names in its own languages ("Deutschland", "Österreich",
// "Suisse", "España", "日本") from ICU's locales, and every country's names in
// kForeignNameLanguages. A name two countries have in different languages
// reads as neither.
std::unordered_map<std::string, std::string> names_in_other_languages() {
  std::unordered_map<std::string, std::string> code_by_key;
  const auto offer = [&](const icu::LocaleDisplayNames& namer, const char* code) {
    icu::UnicodeString name;
    namer.regionDisplayName(code, name);
    const std::string text = utf8(name);
    if (text.empty() || text == code) return;  // ICU echoes the code when it has no name
    const auto [at, added] = code_by_key.emplace(key_of(text), code);
    if (!added && at->second != code) at->second.clear();
  };
  const auto each_length = [&](const icu::Locale& language, const auto& visit) {
    for (const auto length : {UDISPCTX_LENGTH_FULL, UDISPCTX_LENGTH_SHORT}) {
      std::array<UDisplayContext, 1> contexts = {length};
      const std::unique_ptr<icu::LocaleDisplayNames> namer(
          icu::LocaleDisplayNames::createInstance(language, contexts.data(), contexts.size()));
      visit(*namer);
    }
  };
  int available = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(available);
  for (int i = 0; i < available; ++i) {
    const char* country = locales[i].getCountry();
    if (country == nullptr || std::string_view(country).size() != 2) continue;  // "es_419" is no country
    each_length(locales[i], [&](const icu::LocaleDisplayNames& namer) { offer(namer, country); });
  }
  for (const char* language : kForeignNameLanguages) {
    each_length(icu::Locale(language), [&](const icu::LocaleDisplayNames& namer) {
      for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) offer(namer, *code);
    });
  }
  return code_by_key;
}

using CodeByKey = std::unordered_map<std::string, std::string>;

void add(CodeByKey& code_by_key, const std::string& name, const std::string& code) {
  // ICU echoes the code when it has no name; an empty name would match empty input.
  if (!name.empty()) code_by_key.emplace(key_of(name), code);
}

CodeByKey build_table() {
  CodeByKey code_by_key;
  std::vector<std::unique_ptr<icu::LocaleDisplayNames>> namers;
  for (const char* locale : {"en", "zh", "zh_Hant"}) {
    namers.push_back(display_names(locale, UDISPCTX_LENGTH_FULL));
    namers.push_back(display_names(locale, UDISPCTX_LENGTH_SHORT));
  }
  // Codes first: on a clash (none is known) the code reading wins, as it is the more deliberate one.
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    add(code_by_key, *code, *code);
    add(code_by_key, icu::Locale("", *code).getISO3Country(), *code);
  }
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    for (const auto& namer : namers) {
      icu::UnicodeString name;
      namer->regionDisplayName(*code, name);
      add(code_by_key, utf8(name), *code);
    }
  }
  for (const auto& [alias, code] : kAliases) add(code_by_key, alias, code);
  // Last: an English or Chinese reading, a code or an alias wins on a clash.
  for (const auto& [key, code] : names_in_other_languages()) {
    if (!code.empty()) code_by_key.emplace(key, code);
  }
  return code_by_key;
}

}  // namespace

// Built once per process (about 30 ms of ICU look-ups) and only read after.
CountryNormalizer::CountryNormalizer() : code_by_key_(&table()) {}

const std::unordered_map<std::string, std::string>& CountryNormalizer::table() {
  static const CodeByKey built = build_table();
  return built;
}

std::optional<std::string> CountryNormalizer::normalize(std::string_view text) const {
  const auto found = code_by_key_->find(key_of(text));
  if (found == code_by_key_->end()) return std::nullopt;
  return found->second;
}

}  // namespace crmsync::model
