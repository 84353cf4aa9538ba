#include "utf8_validator.hpp"

namespace crmsync::csv_drop {

bool Utf8Validator::fail() {
  failed_ = true;
  return false;
}

bool Utf8Validator::feed(std::string_view bytes) {
  if (failed_) return false;
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (needed_ == 0) {
      sequence_start_ = offset_;
      lower_ = 0x80;
      upper_ = 0xBF;
      if (b < 0x80) {
        // ASCII
      } else if (b >= 0xC2 && b <= 0xDF) {
        needed_ = 1;
      } else if (b == 0xE0) {
        needed_ = 2;
        lower_ = 0xA0;  // no overlong three-byte forms
      } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
        needed_ = 2;
      } else if (b == 0xED) {
        needed_ = 2;
        upper_ = 0x9F;  // no UTF-16 surrogates
      } else if (b == 0xF0) {
        needed_ = 3;
        lower_ = 0x90;  // no overlong four-byte forms
      } else if (b >= 0xF1 && b <= 0xF3) {
        needed_ = 3;
      } else if (b == 0xF4) {
        needed_ = 3;
        upper_ = 0x8F;  // nothing above U+10FFFF
      } else {
        return fail();
      }
    } else {
      if (b < lower_ || b > upper_) return fail();
      lower_ = 0x80;
      upper_ = 0xBF;
      --needed_;
    }
    ++offset_;
  }
  return true;
}

bool Utf8Validator::finish() {
  if (failed_) return false;
  if (needed_ != 0) return fail();
  return true;
}

}  // namespace crmsync::csv_drop
