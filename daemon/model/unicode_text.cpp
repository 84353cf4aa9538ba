#include "daemon/model/unicode_text.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace crmsync::model::unicode_text {
namespace {

constexpr UChar32 kByteOrderMark = 0xFEFF;

// Decodes the code point at `pos`, advancing `pos`; negative for an invalid sequence.
UChar32 next_code_point(std::string_view text, std::size_t& pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto offset = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(bytes, offset, static_cast<int32_t>(text.size()), c);
  pos = static_cast<std::size_t>(offset);
  return c;
}

bool is_space(UChar32 c) {
  return c >= 0 && (u_isUWhiteSpace(c) || c == kByteOrderMark);
}

icu::UnicodeString to_unicode(std::string_view text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// The normaliser instances are ICU singletons: failing to load them means the
// ICU data is missing, a broken installation rather than bad input.
std::string normalize(const icu::Normalizer2* (*instance)(UErrorCode&), std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = instance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU normaliser unavailable: ") + u_errorName(status));
  }
  icu::UnicodeString result = normalizer->normalize(to_unicode(text), status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(status));
  }
  return to_utf8(result);
}

}  // namespace

std::string trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool seen_text = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    if (is_space(next_code_point(text, pos))) continue;
    if (!seen_text) begin = start;
    seen_text = true;
    end = pos;
  }
  return seen_text ? std::string(text.substr(begin, end - begin)) : std::string();
}

std::string collapse_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    if (is_space(next_code_point(text, pos))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

std::string nfkc(std::string_view text) {
  return normalize(&icu::Normalizer2::getNFKCInstance, text);
}

std::string nfkc_casefold(std::string_view text) {
  return normalize(&icu::Normalizer2::getNFKCCasefoldInstance, text);
}

std::string lookup_key(std::string_view text) {
  return collapse_space(nfkc_casefold(text));
}

std::string to_lower(std::string_view text) {
  return to_utf8(to_unicode(text).toLower(icu::Locale::getRoot()));
}

bool contains_space(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (is_space(next_code_point(text, pos))) return true;
  }
  return false;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool contains_east_asian_script(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const UChar32 c = next_code_point(text, pos);
    if (c < 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) continue;
    if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
        script == USCRIPT_HANGUL) {
      return true;
    }
  }
  return false;
}

}  // namespace crmsync::model::unicode_text
