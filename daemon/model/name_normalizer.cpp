#include "daemon/model/name_normalizer.hpp"

#include <string>
#include <string_view>

#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {
namespace {

// The UTF-8 sequence ending just before `end` (a whole code point), or empty.
std::string_view code_point_before(std::string_view text, std::size_t end) {
  std::size_t begin = end;
  while (begin > 0) {
    --begin;
    if ((static_cast<unsigned char>(text[begin]) & 0xC0U) != 0x80U) break;
  }
  return text.substr(begin, end - begin);
}

// The UTF-8 sequence starting at `begin`, or empty.
std::string_view code_point_at(std::string_view text, std::size_t begin) {
  std::size_t end = begin + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) ++end;
  return begin < text.size() ? text.substr(begin, end - begin) : std::string_view();
}

std::string drop_spaces_between_east_asian(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool joins_east_asian = text[i] == ' ' &&
                                  unicode_text::contains_east_asian_script(code_point_before(text, i)) &&
                                  unicode_text::contains_east_asian_script(code_point_at(text, i + 1));
    if (!joins_east_asian) out.push_back(text[i]);
  }
  return out;
}

}  // namespace

std::string NameNormalizer::tidy(std::string_view name) const {
  return unicode_text::collapse_space(name);
}

std::string NameNormalizer::key(std::string_view name) const {
  // NFKC can itself produce spaces (U+00A8 becomes ' ' + combining diaeresis): collapse again.
  const std::string folded = unicode_text::collapse_space(unicode_text::nfkc_casefold(tidy(name)));
  return drop_spaces_between_east_asian(folded);
}

std::string NameNormalizer::compose(std::string_view given_name, std::string_view family_name) const {
  const std::string given = tidy(given_name);
  const std::string family = tidy(family_name);
  if (given.empty() || family.empty()) return given.empty() ? family : given;
  if (unicode_text::contains_east_asian_script(given) || unicode_text::contains_east_asian_script(family)) {
    return family + given;
  }
  return given + ' ' + family;
}

}  // namespace crmsync::model
