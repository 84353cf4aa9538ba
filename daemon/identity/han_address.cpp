#include "daemon/identity/han_address.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace crmsync::identity {
namespace {

// Suffixes of the divisions written in front of a street: province, city,
// district, county. Not 州 (prefecture): it ends the names of cities too,
// 广州市 and 杭州市.
constexpr std::array<UChar32, 4> kDivisionSuffixes = {0x7701, 0x5E02, 0x533A, 0x53BF};  // 省 市 区 县
// A division's name is short: 内蒙古自治区 is one of the longest.
constexpr std::size_t kLongestDivision = 8;
constexpr std::size_t kMostDivisions = 3;   // province, city, district
constexpr UChar32 kHao = 0x53F7;            // 号, after a house number
constexpr UChar32 kFullWidthZero = 0xFF10;  // ０

bool is_han(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

// 0-9 for ASCII and full-width digits, -1 otherwise.
int digit_of(UChar32 c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= kFullWidthZero && c <= kFullWidthZero + 9) return c - kFullWidthZero;
  return -1;
}

std::vector<UChar32> code_points(std::string_view text) {
  std::vector<UChar32> out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0) out.push_back(c);
  }
  return out;
}

void append_utf8(std::string& out, UChar32 c) {
  std::array<std::uint8_t, U8_MAX_LENGTH> buffer{};
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer.data(), length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(length));
}

bool is_division_suffix(UChar32 c) {
  return std::find(kDivisionSuffixes.begin(), kDivisionSuffixes.end(), c) != kDivisionSuffixes.end();
}

// How many leading code points are divisions: each one or more Han
// characters and a suffix, with Han characters of a street left after them.
std::size_t division_prefix(const std::vector<UChar32>& text) {
  std::size_t start = 0;
  for (std::size_t division = 0; division < kMostDivisions; ++division) {
    std::size_t suffix = start + 1;  // a division's name has one character at least
    while (suffix < text.size() && suffix - start < kLongestDivision && is_han(text[suffix - 1]) &&
           !is_division_suffix(text[suffix])) {
      ++suffix;
    }
    const bool found = suffix < text.size() && suffix - start < kLongestDivision &&
                       is_han(text[suffix - 1]) && is_division_suffix(text[suffix]);
    if (!found || suffix + 1 >= text.size() || !is_han(text[suffix + 1])) break;
    start = suffix + 1;
  }
  return start;
}

}  // namespace

HanAddress HanAddress::split(std::string_view address) {
  const auto text = code_points(address);
  if (std::none_of(text.begin(), text.end(), is_han)) return {std::string(address), {}};
  HanAddress out;
  out.in_han = true;
  bool numbered = false;
  for (std::size_t i = division_prefix(text); i < text.size();) {
    if (!numbered && digit_of(text[i]) >= 0) {
      std::size_t end = i;
      std::string digits;
      while (end < text.size() && digit_of(text[end]) >= 0)
        digits += static_cast<char>('0' + digit_of(text[end++]));
      if (end < text.size() && text[end] == kHao) {
        out.house_number = std::move(digits);
        numbered = true;
        i = end + 1;
        continue;
      }
      for (; i < end; ++i) append_utf8(out.street, text[i]);
      continue;
    }
    append_utf8(out.street, text[i++]);
  }
  return out;
}

}  // namespace crmsync::identity
