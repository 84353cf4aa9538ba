#pragma once

#include <string>
#include <string_view>

namespace crmsync::identity {

// The street and house number of an address written in Han characters, for
// matching: "广东省深圳市南山区科技路801号" is street 科技路, number 801. The
// province, city and district in front repeat the record's city and make
// every address of one town look alike once transliterated ("shen zhen shi
// ..."), and a house number written against 号 would be one token with its
// syllables ("lu801hao"): both are taken off.
struct HanAddress {
  std::string street;        // what is left, as written
  std::string house_number;  // ASCII digits; empty when none is written against 号
  bool in_han = false;       // the address holds Han characters (else it is returned whole)

  // Addresses without Han characters come back unchanged, without a number.
  [[nodiscard]] static HanAddress split(std::string_view address);
};

}  // namespace crmsync::identity
