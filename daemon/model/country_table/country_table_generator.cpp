// Writes the C++ source of country_names() (daemon/model/country_table.hpp):
// every way of writing a country that ICU knows in the languages below, folded
// and sorted, so the daemon looks names up without loading ICU's locale data.
//
//   country_table_generator OUTPUT.cpp

#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/uvernum.h>

#include "daemon/model/unicode_text.hpp"

namespace {

using crmsync::model::unicode_text::lookup_key;

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

// The languages whose names for every country are read first; on a clash
// with a name from the other languages below, theirs wins.
constexpr auto kFirstLanguages = std::to_array<const char*>({"en", "zh", "zh_Hant"});

// Languages whose names for other countries are read too ("Frankreich",
// "Espagne", "Stati Uniti"): those of the larger markets partners write in.
constexpr auto kForeignNameLanguages =
    std::to_array<const char*>({"de", "fr", "es", "it", "pt", "nl", "ru", "ja", "ko"});

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// Country names in one language, full ("United Kingdom") and short ("UK").
class Namer {
 public:
  explicit Namer(const icu::Locale& language)
      : full_(create(language, UDISPCTX_LENGTH_FULL)), short_(create(language, UDISPCTX_LENGTH_SHORT)) {}

  // ICU echoes the code when it has no name.
  template <typename Visit>
  void names_of(const char* code, Visit visit) const {
    for (const auto* namer : {full_.get(), short_.get()}) {
      icu::UnicodeString name;
      namer->regionDisplayName(code, name);
      const std::string text = utf8(name);
      if (!text.empty() && text != code) visit(text);
    }
  }

 private:
  static std::unique_ptr<icu::LocaleDisplayNames> create(const icu::Locale& language,
                                                         UDisplayContext length) {
    std::array<UDisplayContext, 1> contexts = {length};
    return std::unique_ptr<icu::LocaleDisplayNames>(
        icu::LocaleDisplayNames::createInstance(language, contexts.data(), contexts.size()));
  }

  std::unique_ptr<icu::LocaleDisplayNames> full_;
  std::unique_ptr<icu::LocaleDisplayNames> short_;
};

template <typename Visit>
void each_country(Visit visit) {
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) visit(*code);
}

class Table {
 public:
  // The first reading of a key stays.
  void add(const std::string& name, const std::string& code) { code_by_key_.emplace(lookup_key(name), code); }

  // Each country's names in its own languages ("Deutschland", "Österreich",
  // "Suisse", "日本") from ICU's locales, and every country's names in
  // kForeignNameLanguages; a name two countries have there reads as neither.
  void add_other_languages() {
    std::map<std::string, std::string> offered;
    const auto offer = [&](const std::string& name, const char* code) {
      const auto [at, added] = offered.emplace(lookup_key(name), code);
      if (!added && at->second != code) at->second.clear();
    };
    int available = 0;
    const icu::Locale* locales = icu::Locale::getAvailableLocales(available);
    for (int i = 0; i < available; ++i) {
      const char* country = locales[i].getCountry();
      if (country == nullptr || std::string_view(country).size() != 2) continue;  // "es_419" is no country
      Namer(locales[i]).names_of(country, [&](const std::string& name) { offer(name, country); });
    }
    for (const char* language : kForeignNameLanguages) {
      const Namer namer{icu::Locale(language)};
      each_country([&](const char* code) {
        namer.names_of(code, [&](const std::string& name) { offer(name, code); });
      });
    }
    for (const auto& [key, code] : offered) {
      if (!code.empty()) code_by_key_.emplace(key, code);
    }
  }

  [[nodiscard]] const std::map<std::string, std::string>& entries() const { return code_by_key_; }

 private:
  std::map<std::string, std::string> code_by_key_;  // bytewise order, as country_names() promises
};

std::string literal(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: country_table_generator OUTPUT.cpp\n";
    return 2;
  }
  Table table;
  // Codes first: on a clash (none is known) the code reading wins, as it is the more deliberate one.
  each_country([&](const char* code) {
    table.add(code, code);
    table.add(icu::Locale("", code).getISO3Country(), code);
  });
  for (const char* language : kFirstLanguages) {
    const Namer namer{icu::Locale(language)};
    each_country([&](const char* code) {
      namer.names_of(code, [&](const std::string& name) { table.add(name, code); });
    });
  }
  for (const auto& [alias, code] : kAliases) table.add(alias, code);
  table.add_other_languages();

  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out << "// Generated by country_table_generator from ICU " << U_ICU_VERSION << "; do not edit.\n"
      << "#include \"daemon/model/country_table.hpp\"\n\n"
      << "namespace crmsync::model {\nnamespace {\n\n"
      << "constexpr CountryName kNames[] = {\n";
  for (const auto& [key, code] : table.entries())
    out << "    {" << literal(key) << ", " << literal(code) << "},\n";
  out << "};\n\n}  // namespace\n\n"
      << "std::span<const CountryName> country_names() { return kNames; }\n\n"
      << "}  // namespace crmsync::model\n";
  out.close();
  if (!out) {
    std::cerr << "country_table_generator: cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}
